/** The new password typed twice: both fields labelled for the browser tests, and the check before sending. */
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NewPasswordFields, newPasswordProblem, useNewPassword } from './NewPasswordFields.tsx';

function Form() {
  return h(NewPasswordFields, { fields: useNewPassword(), autoFocus: true });
}

describe('NewPasswordFields', () => {
  it('asks for the new password with the policy hint, then again, both as new passwords', () => {
    const out = renderToStaticMarkup(h(Form));
    expect(out).toContain('>New password</label>');
    expect(out).toContain('>New password again</label>');
    expect(out).toContain('At least 12 characters.');
    expect(out.match(/autoComplete="new-password"|autocomplete="new-password"/g)).toHaveLength(2);
  });

  it('finds a problem only when the two typings differ', () => {
    expect(newPasswordProblem({ next: 'correct horse battery', repeat: 'correct horse battery' })).toBeNull();
    expect(newPasswordProblem({ next: 'correct horse battery', repeat: 'correct horse batery' })).toBe('The two new passwords differ.');
  });
});
