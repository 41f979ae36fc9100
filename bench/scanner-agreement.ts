/**
 * `npx tsx bench/scanner-agreement.ts [--checkov <git dir>] [--trivy <git dir>]`:
 * how often hms-sys fails what established scanners' own tests expect to fail,
 * for the checks a rule shares with them (`publicChecks` on each rule).
 *
 * The scanners' fixtures are read at run time from their git repositories (as
 * the `fetch` tool leaves them under /work/.mirror), exported to a temporary
 * folder and deleted afterwards: nothing of theirs is copied into hms-sys.
 *
 * - checkov: each resource check's `test_<Check>.py` names its fixture folder
 *   (`example_<Check>`) and the `failing_resources`/`passing_resources` it
 *   expects; graph checks (CKV2_*) keep `main.tf` and `expected.yaml` under
 *   tests/terraform/graph/checks/resources/<Check>.
 * - trivy-checks: each check's metadata names an examples file whose
 *   `terraform.bad` and `terraform.good` snippets must fail and pass.
 *
 * A resource agrees when a rule that shares the check reports it (fail, or
 * unknown: never a pass). Fixtures hms-sys refuses as Terraform would (a
 * duplicate address, say) are counted apart, as are resources whose type the
 * sharing rules do not cover. Writes bench/scanner-agreement.json.
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadTerraform } from '../lib/cli/load-terraform';
import type { TfDocument } from '../lib/policy/engine/document';
import { evaluate, type Finding } from '../lib/policy/engine/evaluate';
import type { Rule } from '../lib/policy/engine/rule';
import { ALL_RULES } from '../lib/policy/rules';

const MIRROR = '/work/.mirror';
const argument = (flag: string, fallback: string) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const CHECKOV = argument('--checkov', join(MIRROR, 'bridgecrewio+checkov', 'repo'));
const TRIVY = argument('--trivy', join(MIRROR, 'aquasecurity+trivy-checks', 'repo'));

/** What hms-sys did with one resource a scanner expects to fail (or to pass). */
type Verdict = 'flagged' | 'passed' | 'not read' | 'not covered' | 'absent';

interface CaseResult {
  readonly check: string;
  readonly fixture: string;
  readonly rules: readonly string[];
  readonly expectedFail: { readonly resource: string; readonly verdict: Verdict; readonly detail?: string }[];
  readonly expectedPass: { readonly resource: string; readonly verdict: Verdict; readonly detail?: string }[];
}

/** Rules by the public check they share. */
function sharedChecks(prefix: string): Map<string, Rule[]> {
  const out = new Map<string, Rule[]>();
  for (const rule of ALL_RULES) for (const c of rule.publicChecks ?? []) if (c.startsWith(prefix)) out.set(c, [...(out.get(c) ?? []), rule]);
  return out;
}

/** The files of a git repository under `paths`, at HEAD, in a new folder. */
function exportRepository(gitDir: string, paths: readonly string[], into: string): void {
  mkdirSync(into, { recursive: true });
  execSync(`git -C ${JSON.stringify(gitDir)} archive HEAD ${paths.map((p) => JSON.stringify(p)).join(' ')} | tar -x -C ${JSON.stringify(into)}`, { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Scans a folder the way `hms-sys check` does; a refusal is returned as text. */
async function scan(folder: string): Promise<{ documents: TfDocument[]; findings: Finding[] } | string> {
  try {
    const documents = await loadTerraform(folder);
    return { documents, findings: [...evaluate(documents, ALL_RULES).findings] };
  } catch (e) {
    return (e as Error).message.split('\n')[0];
  }
}

/** `aws_x.y` also names its instances `aws_x.y[0]`, `aws_x.y["k"]` (scanners differ in how they print them). */
const sameResource = (expected: string, actual: string) => actual === expected || actual.replace(/\[[^\]]*\]$/, '') === expected || expected.replace(/\[[^\]]*\]$/, '') === actual;

function verdictOf(resource: string, scanned: Awaited<ReturnType<typeof scan>>, rules: readonly Rule[]): { verdict: Verdict; detail?: string } {
  if (typeof scanned === 'string') return { verdict: 'not read', detail: scanned };
  const type = resource.replace(/^(module\.[^.]+\.)*/, '').split('.')[0];
  const present = scanned.documents.flatMap((d) => d.resources).filter((r) => sameResource(resource, r.address));
  if (present.length === 0) return { verdict: 'absent' };
  if (!rules.some((r) => r.appliesTo.includes(type))) return { verdict: 'not covered', detail: type };
  const ids = new Set(rules.map((r) => r.id));
  const found = scanned.findings.filter((f) => ids.has(f.ruleId) && sameResource(resource, f.resource));
  if (found.length === 0) return { verdict: 'passed' };
  return { verdict: 'flagged', detail: found.map((f) => `${f.ruleId} ${f.status}${f.unknownCause ? `:${f.unknownCause}` : ''}`).join(', ') };
}

/** The string literals of a Python set, escapes undone (`"aws_instance.x[\\"k\\"]"`). */
const quoted = (text: string): string[] => [...text.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)].map((m) => (m[1] ?? m[2]).replace(/\\(.)/g, '$1'));

/** checkov resource checks: id -> the test file and fixture folder of the check. */
function checkovCases(root: string): Map<string, { folder: string; failing: string[]; passing: string[] }[]> {
  const out = new Map<string, { folder: string; failing: string[]; passing: string[] }[]>();
  const checksDir = join(root, 'checkov', 'terraform', 'checks');
  for (const cloud of ['aws', 'azure', 'kubernetes']) {
    const dir = join(checksDir, 'resource', cloud);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.py'))) {
      const id = /id\s*=\s*"(CKV2?_[A-Z0-9]+_\d+)"/.exec(readFileSync(join(dir, file), 'utf8'))?.[1];
      const test = join(root, 'tests', 'terraform', 'checks', 'resource', cloud, `test_${basename(file, '.py')}.py`);
      if (!id || !existsSync(test)) continue;
      // One case per test method that names an example folder and the resources it expects.
      for (const method of readFileSync(test, 'utf8').split(/\n\s*def test/).slice(1)) {
        const folder = /["'](example_[\w-]+)["']/.exec(method)?.[1];
        const failing = /failing_resources\s*=\s*\{([^}]*)\}/.exec(method)?.[1];
        if (!folder || failing === undefined) continue;
        const passing = /passing_resources\s*=\s*\{([^}]*)\}/.exec(method)?.[1] ?? '';
        const cases = out.get(id) ?? [];
        cases.push({ folder: join(root, 'tests', 'terraform', 'checks', 'resource', cloud, folder), failing: quoted(failing), passing: quoted(passing) });
        out.set(id, cases);
      }
    }
  }
  const graphDir = join(checksDir, 'graph_checks');
  for (const cloud of ['aws', 'azure']) {
    for (const file of readdirSync(join(graphDir, cloud)).filter((f) => f.endsWith('.yaml'))) {
      const meta = parseYaml(readFileSync(join(graphDir, cloud, file), 'utf8')) as { metadata?: { id?: string } };
      const folder = join(root, 'tests', 'terraform', 'graph', 'checks', 'resources', basename(file, '.yaml'));
      const id = meta.metadata?.id;
      if (!id || !existsSync(join(folder, 'expected.yaml'))) continue;
      const expected = parseYaml(readFileSync(join(folder, 'expected.yaml'), 'utf8')) as { pass?: string[]; fail?: string[] };
      out.set(id, [...(out.get(id) ?? []), { folder, failing: expected.fail ?? [], passing: expected.pass ?? [] }]);
    }
  }
  return out;
}

async function measureCheckov(work: string): Promise<CaseResult[]> {
  const root = join(work, 'checkov');
  exportRepository(CHECKOV, ['checkov/terraform/checks/resource', 'checkov/terraform/checks/graph_checks', 'tests/terraform/checks/resource', 'tests/terraform/graph/checks/resources'], root);
  const cases = checkovCases(root);
  const results: CaseResult[] = [];
  for (const [check, rules] of sharedChecks('CKV')) {
    const found = cases.get(check);
    if (!found) {
      results.push({ check, fixture: '(no fixture with expected resources)', rules: rules.map((r) => r.id), expectedFail: [], expectedPass: [] });
      continue;
    }
    for (const c of found) {
      const scanned = await scan(c.folder);
      results.push({
        check,
        fixture: c.folder.slice(root.length + 1),
        rules: rules.map((r) => r.id),
        expectedFail: c.failing.map((resource) => ({ resource, ...verdictOf(resource, scanned, rules) })),
        expectedPass: c.passing.map((resource) => ({ resource, ...verdictOf(resource, scanned, rules) })),
      });
    }
  }
  return results;
}

async function measureTrivy(work: string): Promise<CaseResult[]> {
  const root = join(work, 'trivy');
  exportRepository(TRIVY, ['checks/cloud'], root);
  const examples = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.rego') && !e.name.endsWith('_test.rego')) {
        const text = readFileSync(path, 'utf8');
        const id = /#\s+id:\s*(\S+)/.exec(text)?.[1];
        const file = /#\s+examples:\s*(\S+)/.exec(text)?.[1];
        if (id && file) examples.set(`AVD-${id}`, join(root, file));
      }
    }
  };
  walk(join(root, 'checks', 'cloud'));
  const results: CaseResult[] = [];
  for (const [check, rules] of sharedChecks('AVD')) {
    const file = examples.get(check);
    const snippets = file && existsSync(file) ? ((parseYaml(readFileSync(file, 'utf8')) as { terraform?: { good?: string[]; bad?: string[] } }).terraform ?? {}) : {};
    const judge = async (hcl: string, n: number, kind: string) => {
      const folder = join(work, 'trivy-cases', `${check}-${kind}-${n}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'main.tf'), hcl);
      const scanned = await scan(folder);
      if (typeof scanned === 'string') return { resource: `${kind} example ${n + 1}`, verdict: 'not read' as Verdict, detail: scanned };
      const covered = scanned.documents.flatMap((d) => d.resources).filter((r) => rules.some((rule) => rule.appliesTo.includes(r.type)));
      if (covered.length === 0) return { resource: `${kind} example ${n + 1}`, verdict: 'not covered' as Verdict };
      const ids = new Set(rules.map((r) => r.id));
      const found = scanned.findings.filter((f) => ids.has(f.ruleId));
      return { resource: `${kind} example ${n + 1}`, verdict: (found.length > 0 ? 'flagged' : 'passed') as Verdict, detail: found.map((f) => `${f.resource} ${f.ruleId} ${f.status}`).join(', ') || undefined };
    };
    const bad = await Promise.all((snippets.bad ?? []).map((hcl, n) => judge(hcl, n, 'bad')));
    const good = await Promise.all((snippets.good ?? []).map((hcl, n) => judge(hcl, n, 'good')));
    results.push({ check, fixture: file ? file.slice(root.length + 1) : '(no examples)', rules: rules.map((r) => r.id), expectedFail: bad, expectedPass: good });
  }
  return results;
}

interface Tally {
  readonly flagged: number;
  readonly passed: number;
  readonly notRead: number;
  readonly notCovered: number;
  readonly absent: number;
}

function tally(items: readonly { verdict: Verdict }[]): Tally {
  const n = (v: Verdict) => items.filter((i) => i.verdict === v).length;
  return { flagged: n('flagged'), passed: n('passed'), notRead: n('not read'), notCovered: n('not covered'), absent: n('absent') };
}

const percent = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);

function report(scanner: string, results: readonly CaseResult[]) {
  const byCheck = new Map<string, CaseResult[]>();
  for (const r of results) byCheck.set(r.check, [...(byCheck.get(r.check) ?? []), r]);
  const rows = [...byCheck].map(([check, cases]) => {
    const fails = tally(cases.flatMap((c) => c.expectedFail));
    const passes = tally(cases.flatMap((c) => c.expectedPass));
    return {
      check,
      rules: cases[0].rules.join(' '),
      'expected to fail': fails.flagged + fails.passed,
      'hms-sys reports': fails.flagged,
      agreement: percent(fails.flagged, fails.flagged + fails.passed),
      'not read (refused)': fails.notRead,
      'type not covered': fails.notCovered + fails.absent,
      'expected to pass, hms-sys reports': passes.flagged,
    };
  });
  console.log(`\n${scanner}: ${byCheck.size} shared checks`);
  console.table(rows);
  const fails = tally(results.flatMap((c) => c.expectedFail));
  const passes = tally(results.flatMap((c) => c.expectedPass));
  const disagreements = results.flatMap((c) => c.expectedFail.filter((f) => f.verdict === 'passed').map((f) => `${c.check} (${c.rules.join(' ')}) ${c.fixture}: ${f.resource}`));
  const stricter = results.flatMap((c) => c.expectedPass.filter((f) => f.verdict === 'flagged').map((f) => `${c.check} ${c.fixture}: ${f.resource}: ${f.detail ?? ''}`));
  const refused = results.flatMap((c) => c.expectedFail.filter((f) => f.verdict === 'not read').map((f) => `${c.check} ${c.fixture}: ${f.resource}: ${f.detail ?? ''}`));
  const uncovered = results.flatMap((c) => c.expectedFail.filter((f) => f.verdict === "absent" || f.verdict === "not covered").map((f) => `${c.check} ${c.fixture}: ${f.resource}: ${f.verdict} ${f.detail ?? ""}`));
  console.log(`${scanner}: hms-sys reports ${fails.flagged} of ${fails.flagged + fails.passed} resources the scanner's tests expect to fail: ${percent(fails.flagged, fails.flagged + fails.passed)}`);
  console.log(`  not read (refused as invalid Terraform): ${fails.notRead}; of a type the sharing rules do not cover: ${fails.notCovered + fails.absent}`);
  console.log(`  expected to pass, reported by hms-sys (stricter, or a false positive): ${passes.flagged} of ${passes.flagged + passes.passed}`);
  for (const d of disagreements) console.log(`  PASSED what should fail: ${d}`);
  return { shared: byCheck.size, expectedToFail: fails.flagged + fails.passed, reported: fails.flagged, agreement: percent(fails.flagged, fails.flagged + fails.passed), notRead: fails.notRead, notCovered: fails.notCovered + fails.absent, stricterOnPassing: passes.flagged, perCheck: rows, disagreements, stricter, refused, uncovered };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'hms-agreement-'));
  try {
    const out: Record<string, unknown> = { date: new Date().toISOString() };
    for (const [name, dir, measure] of [
      ['checkov', CHECKOV, measureCheckov],
      ['trivy-checks', TRIVY, measureTrivy],
    ] as const) {
      if (!existsSync(dir)) {
        console.log(`${name}: ${dir} not found; fetch the repository first (github:${name === 'checkov' ? 'bridgecrewio/checkov' : 'aquasecurity/trivy-checks'})`);
        continue;
      }
      const commit = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
      out[name] = { commit, ...report(`${name} ${commit.slice(0, 10)}`, await measure(work)) };
    }
    writeFileSync(join(__dirname, 'scanner-agreement.json'), `${JSON.stringify(out, null, 2)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
});
