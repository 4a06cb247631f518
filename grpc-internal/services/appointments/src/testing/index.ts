/** @hospital/appointments-service/testing: the service with its real peers, for integration tests. */
export { startAppointmentsHarness, type AppointmentsHarness } from './appointments-harness.ts';
export * from './kafka-testing.ts';
