/**
 * Where a notification leads: the screen of the signed-in role that shows what it is about. An
 * appointment opens the doctor's chart of its patient (its appointments are listed there); a lab
 * result opens the chart's lab results. Roles without such a screen get no link, and neither does
 * a notification whose record the reader may no longer see (it reads null).
 */
import type { SessionUser } from '../auth/index.ts';
import { chartPath } from '../dashboards/DoctorDashboard.tsx';
import { LAB_RESULTS_ANCHOR } from '../dashboards/doctor/PatientChart.tsx';

/** The parts of a notification the link is made from. */
export interface LinkedNotification {
  id: string;
  /** Read only for roles that {@link readsLinks}: absent otherwise. */
  appointment?: { patient: { id: string } } | null;
  labOrder?: { patient: { id: string } } | null;
}

/**
 * Whether the inbox reads the records its links are made from for `role` (only doctors have the
 * screens, and asking other roles' inboxes for records they may not read would only fail).
 * @param role - the signed-in user's role
 */
export function readsLinks(role: SessionUser['role']): boolean {
  return role === 'DOCTOR';
}

/** A link: the app path and its words. */
export interface NotificationLink {
  to: string;
  label: string;
}

/**
 * The link of `notification` for `role`, or null when none of the role's screens shows it.
 * @param notification - the notification as the inbox read it
 * @param role - the signed-in user's role
 */
export function notificationLink(notification: LinkedNotification, role: SessionUser['role']): NotificationLink | null {
  if (!readsLinks(role)) return null;
  const appointmentPatient = notification.appointment?.patient.id;
  if (appointmentPatient) return { to: chartPath(appointmentPatient), label: "Open the patient's chart" };
  const labPatient = notification.labOrder?.patient.id;
  if (labPatient) return { to: `${chartPath(labPatient)}#${LAB_RESULTS_ANCHOR}`, label: 'Open the lab results' };
  return null;
}
