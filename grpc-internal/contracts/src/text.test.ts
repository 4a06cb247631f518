/** The control-character rule: one definition for services, browser forms and the router. */
import { describe, expect, it } from 'vitest';
import { NO_CONTROL_CHARACTERS, NO_CONTROL_CHARACTERS_MULTILINE, printableText } from './text.ts';

const CONTROLS = ['\u0000', '\u0007', '\u001b[2J', '\u007f', '\u0085', '\u009b'];

describe('NO_CONTROL_CHARACTERS', () => {
  it('takes printable text of any script, and refuses every control character, line breaks included', () => {
    expect(NO_CONTROL_CHARACTERS.test('Zoë Ōtsuka-Ní 李 ✓')).toBe(true);
    for (const control of [...CONTROLS, '\t', '\n', '\r']) expect(NO_CONTROL_CHARACTERS.test(`a${control}b`)).toBe(false);
  });
});

describe('NO_CONTROL_CHARACTERS_MULTILINE', () => {
  it('takes tabs and line breaks (LF and CRLF) and refuses the other control characters', () => {
    expect(NO_CONTROL_CHARACTERS_MULTILINE.test('1 Main St\r\nFlat 2\n\tBack door')).toBe(true);
    for (const control of CONTROLS) expect(NO_CONTROL_CHARACTERS_MULTILINE.test(`a${control}b`)).toBe(false);
  });
});

describe('printableText', () => {
  it('turns every control character (C1 included) into a space and cuts to the limit', () => {
    expect(printableText('op\u0000name\u0085x\u009by', 100)).toBe('op name x y');
    expect(NO_CONTROL_CHARACTERS.test(printableText(CONTROLS.join(''), 100))).toBe(true);
    expect(printableText('abcdef', 3)).toBe('abc');
    expect(printableText(undefined, 10)).toBe('');
  });
});
