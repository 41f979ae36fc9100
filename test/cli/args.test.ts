/** Command-line parsing shared by every command. */
import { UserError } from '../../lib/core/errors';
import { parseCommandArgs } from '../../lib/cli/args';

const OPTIONS = { out: { type: 'string' as const }, pack: { type: 'string' as const, multiple: true }, strict: { type: 'boolean' as const } };

describe('parseCommandArgs', () => {
  test.each([
    ['--out a --out b', ['--out', 'a', '--out', 'b'], '--out'],
    ['--out=a --out b', ['--out=a', '--out', 'b'], '--out'],
    ['--strict --strict', ['--strict', '--strict'], '--strict'],
  ])('a single-valued option given twice (%s) is refused, not silently the last', (_name, argv, flag) => {
    expect(() => parseCommandArgs('synth', 'usage', argv, OPTIONS)).toThrow(UserError);
    expect(() => parseCommandArgs('synth', 'usage', argv, OPTIONS)).toThrow(`hms-sys synth: ${flag} is given more than once; give it once`);
  });

  test('an option meant to repeat collects every value', () => {
    expect(parseCommandArgs('check', 'usage', ['--pack', 'hipaa', '--pack', 'fedramp-moderate', 'x'], OPTIONS)).toEqual({ positionals: ['x'], values: { pack: ['hipaa', 'fedramp-moderate'] } });
  });
});
