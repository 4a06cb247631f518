/** The demo staff accounts: one per role (the sign-in names the README lists) plus two more doctors. */
import type { Role } from '../generated/prisma/client.ts';

/** One demo account. */
export interface DemoAccount {
  /** Sign-in email (lower case, as the users table requires). */
  email: string;
  /** Name shown in the UI. */
  displayName: string;
  /** The account's role. */
  role: Role;
}

/** The demo password unless DEMO_PASSWORD sets another (the identity password-policy test checks it against every account). */
export const DEFAULT_DEMO_PASSWORD = 'demo-lantern-orbit-26';

/** Every demo account; all share the demo password. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@hospital.local', displayName: 'Ada Admin', role: 'admin' },
  { email: 'doctor@hospital.local', displayName: 'Dr. Gregory Hale', role: 'doctor' },
  { email: 'pharmacist@hospital.local', displayName: 'Priya Raman', role: 'pharmacist' },
  { email: 'finance@hospital.local', displayName: 'Tomás Herrera', role: 'finance' },
  { email: 'ward@hospital.local', displayName: 'Grace Mwangi', role: 'ward_staff' },
  { email: 'dr.okafor@hospital.local', displayName: 'Dr. Amara Okafor', role: 'doctor' },
  { email: 'dr.lindqvist@hospital.local', displayName: 'Dr. Erik Lindqvist', role: 'doctor' },
];
