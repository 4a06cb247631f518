/**
 * The house lint rule against `...(c ? { … } : {})` (issue 13) fails `npm run lint`, and reports
 * the idiom and nothing else.
 */
import { fileURLToPath } from 'node:url';
import { ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The repository's lint configuration as ESLint resolves it for a TypeScript source. */
const resolved = async () => {
  const config = await new ESLint({ cwd: root }).calculateConfigForFile('router/src/subscriptions/ws-admission.ts');
  if (!config) throw new Error('no lint configuration for a TypeScript source');
  return config;
};

describe('house/conditional-spread', () => {
  it('is an error for TypeScript sources, so a new conditional spread fails npm test', async () => {
    expect((await resolved()).rules?.['house/conditional-spread']).toEqual([2]);
  });

  it('reports the conditional spread of an empty object, not the plain property or a named helper', async () => {
    const house = (await resolved()).plugins['house'];
    if (!house) throw new Error('the house plugin is not configured');
    const linter = new Linter();
    const lint = (code: string) => linter.verify(code, [{ plugins: { house }, rules: { 'house/conditional-spread': 'error' } }]).map((message) => message.ruleId);
    expect(lint('const a = (x) => ({ ...(x ? { x } : {}) });')).toEqual(['house/conditional-spread']);
    expect(lint('const a = (x) => ({ x });')).toEqual([]);
    expect(lint('const ifSet = (x) => (x ? { x } : {}); const a = (x) => ({ ...ifSet(x) });')).toEqual([]);
  });
});
