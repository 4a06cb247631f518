import { describe, expect, it, vi } from 'vitest';

// Counts how often the zxcvbn estimator is built (the real one, wrapped).
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('@zxcvbn-ts/core', async (importOriginal) => {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- vitest's importOriginal takes the module's type this way
  const real = await importOriginal<typeof import('@zxcvbn-ts/core')>();
  class CountingFactory extends real.ZxcvbnFactory {
    constructor(...args: ConstructorParameters<typeof real.ZxcvbnFactory>) {
      super(...args);
      built.count += 1;
    }
  }
  return { ...real, ZxcvbnFactory: CountingFactory };
});

describe('the password estimator', () => {
  it('is built on the first check, not at import, and only once', async () => {
    const { passwordProblem } = await import('./password-policy.ts');
    expect(built.count).toBe(0);
    const owner = { email: 'grace@example.org', displayName: 'Grace Hale' };
    expect(passwordProblem('password1234', owner)).toBeDefined();
    expect(passwordProblem('violet tractor anchors midnight', owner)).toBeUndefined();
    expect(built.count).toBe(1);
  });
});
