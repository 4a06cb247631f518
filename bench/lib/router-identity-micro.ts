/**
 * Micro-benchmark of the forwarded identity: jsonwebtoken handed the secret as a string (what the
 * kit did before: it tries the string as a PEM key, throws, and builds a stack trace on every call)
 * against the kit's `signIdentity` / `verifyIdentity` (one HMAC `KeyObject` per secret).
 *   npx tsx bench/lib/router-identity-micro.ts
 */
import jwt from 'jsonwebtoken';
import { signIdentity, verifyIdentity, type Caller } from '@hospital/service-kit';

const SECRET = 'x'.repeat(43);
const CALLER: Caller = { kind: 'user', userId: '2b5d6c1e-0f4a-4c59-9a1e-3d7f0b2c8e11', role: 'doctor', email: 'doctor@hospital.local' };
const ORIGIN = { ip: '203.0.113.9', userAgent: 'Mozilla/5.0 (X11; Linux x86_64)', operation: 'DoctorDashboard' };
const OPTIONS = { algorithm: 'HS256', audience: 'hospital-internal', issuer: 'hospital-router', expiresIn: 120 } as const;

/** Microseconds per call of `fn`, the median of five timed batches. */
export function microsPerCall(fn: () => unknown, calls: number): number {
  for (let i = 0; i < Math.min(calls, 200); i++) fn();
  const batches: number[] = [];
  for (let b = 0; b < 5; b++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) fn();
    batches.push(Number(process.hrtime.bigint() - started) / 1000 / calls);
  }
  return Math.round(batches.sort((a, b) => a - b)[2]! * 10) / 10;
}

const claims = { sub: CALLER.kind === 'user' ? CALLER.userId : '', role: 'doctor', email: 'doctor@hospital.local', ip: ORIGIN.ip, ua: ORIGIN.userAgent, op: ORIGIN.operation };
const token = signIdentity(CALLER, SECRET, ORIGIN);
const rows = [
  { variant: 'sign, string secret (before)', 'µs/call': microsPerCall(() => jwt.sign(claims, SECRET, OPTIONS), 2_000) },
  { variant: 'sign, KeyObject (signIdentity now)', 'µs/call': microsPerCall(() => signIdentity(CALLER, SECRET, ORIGIN), 20_000) },
  {
    variant: 'verify, string secret (before)',
    'µs/call': microsPerCall(() => jwt.verify(token, SECRET, { algorithms: ['HS256'], audience: 'hospital-internal', issuer: 'hospital-router' }), 2_000),
  },
  { variant: 'verify, KeyObject (verifyIdentity now)', 'µs/call': microsPerCall(() => verifyIdentity(token, SECRET), 20_000) },
];
console.table(rows);
