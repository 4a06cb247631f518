/** A read the router reports as delivered (RecordDeliveredReads), for the identity service's tests. */
import { randomUUID } from 'node:crypto';

/**
 * A ward staff member's live schedule delivering one patient, from a browser on localhost, not
 * through an app; fresh ids each time.
 * @param overrides - fields to change
 */
export const deliveredRead = (overrides: Record<string, unknown> = {}) => ({
  userId: randomUUID(),
  userRole: 'ward_staff',
  rootField: 'appointmentEvents',
  operation: 'LiveSchedule',
  resource: 'Patient',
  patientIds: [randomUUID()],
  requestId: randomUUID(),
  ip: '127.0.0.1',
  userAgent: '',
  appClientId: '',
  appName: '',
  ...overrides,
});
