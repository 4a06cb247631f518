/**
 * The password test harnesses give the staff accounts they create: one that the NIST rule accepts
 * for any test name and email (no name, email, domain or service words; not common; not a
 * sequence), so fixtures do not break when the rule learns a new pattern.
 */
export const STAFF_TEST_PASSWORD = 'amber-quartz-meadow-71';
