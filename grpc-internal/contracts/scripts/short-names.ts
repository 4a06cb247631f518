/**
 * The generated types that the package exports under a name other than their proto name
 * (scripts/type-barrel.ts applies it; every other type keeps its proto name). A type's `__Output`
 * twin follows its rename. Hand-written: add an entry when a new proto type's name would be
 * ambiguous, or would clash with another department's type (the barrel writer then fails).
 */

/** Proto type (`<package>.<Name>`) → exported name. */
export const SHORT_NAMES: Readonly<Record<string, string>> = {
  // These enums carry a `Proto` suffix so the plain name stays free for the subgraphs' GraphQL
  // enums they map to and from (common Role, patients Sex and the pharmacy enums keep theirs).
  'hospital.appointments.v1.AppointmentStatus': 'AppointmentStatusProto',
  'hospital.clinical.v1.Consciousness': 'ConsciousnessProto',
  'hospital.clinical.v1.EncounterKind': 'EncounterKindProto',
  'hospital.clinical.v1.EncounterStatus': 'EncounterStatusProto',
  'hospital.finance.v1.InvoiceStatus': 'InvoiceStatusProto',
  'hospital.finance.v1.PaymentMethod': 'PaymentMethodProto',
  'hospital.notifications.v1.Channel': 'NotificationChannelProto',
  'hospital.notifications.v1.DeliveryStatus': 'DeliveryStatusProto',
  'hospital.notifications.v1.RecipientKind': 'RecipientKindProto',
  'hospital.notifications.v1.AttemptOutcome': 'AttemptOutcomeProto',
  'hospital.ward.v1.AdmissionStatus': 'AdmissionStatusProto',
  // "Transfer" alone would be ambiguous next to other departments' (money) transfers.
  'hospital.ward.v1.Transfer': 'BedTransfer',
};
