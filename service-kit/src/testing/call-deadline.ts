/**
 * The deadline of every client a test harness builds, its own and those it lends the service
 * under test. Production keeps its 5 s default; on a loaded CI host the first calls of a file (a
 * cold Prisma client, password hashing queued behind other files) can take longer, and a test
 * checks what a call does, not how fast (speed lives in `bench/`).
 */
export const TEST_CALL_DEADLINE_MS = 20_000;
