/**
 * What the clinical panels say when the API refuses a patient's record with FORBIDDEN: only staff
 * of these roles see the panels, so the refusal is the care relationship the clinical service asks
 * (a doctor's booked, checked-in or completed appointment with the patient; ward staff's ward).
 */
export const CARE_REFUSAL_WORDS = {
  FORBIDDEN:
    'You have no care relationship with this patient: their clinical record is open to their doctors (an appointment booked, checked in or completed), the staff of the ward they are on, and admins.',
} as const;
