/**
 * The corpus: insecure and secure configurations in Terraform JSON and HCL, for
 * every rule of the packs (test/policy/corpus/rules/<rule-id>/, written by
 * generate-rule-fixtures.ts) and spelled every way issue 16 names
 * (test/policy/corpus/spellings, shapes ...), run by `hms-sys check` in one scan,
 * with the expected result of each rule on each resource in one table
 * (test/policy/corpus/expected.tsv). The agreement (rows agreeing / rows) is
 * printed and must be 100%.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../lib/policy/rules';
import { runCli } from '../support/cli';

const CORPUS = join(__dirname, 'corpus');

const EXPECTED = ['FAIL', 'pass', 'unknown', 'blocking unknown', 'refused'] as const;
type Expected = (typeof EXPECTED)[number];
type Row = readonly [input: string, resource: string, ruleId: string, expected: Expected];

function readTable(): Row[] {
  return readFileSync(join(CORPUS, 'expected.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line, i) => {
      const cells = line.split('\t');
      if (cells.length !== 4 || !(EXPECTED as readonly string[]).includes(cells[3])) throw new Error(`expected.tsv row ${i + 1} is not input, resource, rule, expected: ${line}`);
      return cells as unknown as Row;
    });
}

const TABLE = readTable();

interface JsonFinding {
  ruleId: string;
  document: string;
  resource: string;
  status: string;
  blocking: boolean;
}

let findings: JsonFinding[] = [];
/** Inputs check refused (exit 1, nothing on stdout), with what it said. */
const refusals = new Map<string, string>();

beforeAll(async () => {
  // One scan of every input that check reads: the inputs are separate modules, so no fixture sees another.
  // An input Terraform refuses (a duplicate address) refuses the whole scan, so each of those runs alone.
  const refused = new Set(TABLE.filter((row) => row[3] === 'refused').map(([input]) => input));
  const inputs = [...new Set(TABLE.map(([input]) => input))].filter((i) => !refused.has(i));
  const r = await runCli(['check', ...inputs, '--format', 'json'], CORPUS);
  if (r.stdout === '') throw new Error(`check printed nothing: ${r.stderr}`);
  findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
  for (const input of refused) {
    const x = await runCli(['check', input, '--format', 'json'], CORPUS);
    if (x.code === 1 && x.stdout === '') refusals.set(input, x.stderr);
  }
});

function actual([input, resource, ruleId, expected]: Row): Expected {
  if (expected === 'refused') return refusals.get(input)?.includes(`${resource} is defined more than once`) ? 'refused' : 'pass';
  const f = findings.find((x) => x.document === input && x.resource === resource && x.ruleId === ruleId);
  if (!f) return 'pass';
  if (f.status === 'fail') return 'FAIL';
  return f.blocking ? 'blocking unknown' : 'unknown';
}

test.each(TABLE)('%s: %s, %s is %s', (...row) => {
  expect(actual(row)).toBe(row[3]);
});

test('every rule of the packs has an insecure and a secure fixture, in HCL and in Terraform JSON', () => {
  const has = (id: string, expected: Expected, ext: string) =>
    TABLE.some(([input, resource, ruleId, e]) => ruleId === id && e === expected && input === `rules/${id.toLowerCase()}` && resource.endsWith(ext));
  const missing = ALL_RULES.flatMap((r) => (['FAIL', 'pass'] as const).flatMap((e) => ['_hcl', '_json'].filter((ext) => !has(r.id, e, ext)).map((ext) => `${r.id} ${e}${ext}`)));
  expect(missing).toEqual([]);
});

test('agreement with the table is 100%', () => {
  const agreed = TABLE.filter((row) => actual(row) === row[3]).length;
  // The figure the README quotes.
  process.stdout.write(`policy corpus agreement: ${agreed}/${TABLE.length} rows (${((100 * agreed) / TABLE.length).toFixed(1)}%)\n`);
  expect(`${agreed}/${TABLE.length}`).toBe(`${TABLE.length}/${TABLE.length}`);
});
