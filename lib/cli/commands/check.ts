import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { UserError } from '../../core/errors';
import { evaluate } from '../../policy/engine/evaluate';
import { PACK_IDS } from '../../policy/packs';
import { formatJunit, formatSarif, formatText } from '../../policy/report';
import { ALL_RULES } from '../../policy/rules';
import { parseCommandArgs } from '../args';
import { usageOf } from '../main';
import { EXIT_OK, EXIT_USER_ERROR, type Io } from '../io';
import { loadTerraform, readPlanJson } from '../load-terraform';
import { formatAllowance, formatGuardFinding, guardPlan, type GuardFinding } from '../../plan/stateful-guard';

/** Runs the stateful-resource guard over every path that is a plan. */
function guardPlans(paths: readonly string[], allowances: readonly string[]): { blocked: GuardFinding[]; allowed: GuardFinding[] } {
  const results = paths.map((p) => readPlanJson(p)).filter((plan) => plan !== undefined).map((plan) => guardPlan(plan, allowances));
  return { blocked: results.flatMap((r) => r.blocked), allowed: results.flatMap((r) => r.allowed) };
}

const CHECK_USAGE = usageOf('check');
const FORMATS = ['text', 'json', 'sarif', 'junit'];

/** Scans Terraform against the policy packs; exit 1 when a blocking finding remains. */
export async function checkCommand(args: readonly string[], io: Io): Promise<number> {
  const { positionals, values } = parseCommandArgs('check', CHECK_USAGE, args, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    pack: { type: 'string', multiple: true },
    strict: { type: 'boolean' },
    'allow-destroy': { type: 'string', multiple: true },
  });
  const format = typeof values.format === 'string' ? values.format : 'text';
  if (!FORMATS.includes(format)) throw new UserError(`hms-sys check: --format ${format} is not supported; formats: ${FORMATS.join(', ')}`);
  if (positionals.length === 0) throw new UserError(`hms-sys check: name what to scan\nusage: ${CHECK_USAGE}`);
  const packs = Array.isArray(values.pack) ? values.pack.map(String) : PACK_IDS;

  const documents = (await Promise.all(positionals.map((p) => loadTerraform(resolve(io.cwd, p))))).flat();
  const report = evaluate(documents, ALL_RULES, { packs, strict: values.strict === true });
  const sources = new Map(documents.map((d) => [d.name, relative(io.cwd, d.source) || d.source]));
  const text =
    format === 'json'
      ? JSON.stringify(report, null, 2)
      : format === 'sarif'
        ? JSON.stringify(formatSarif(report, (doc) => sources.get(doc) ?? doc), null, 2)
        : format === 'junit'
          ? formatJunit(report)
          : formatText(report);
  // Plans also go through the stateful-resource guard.
  const allowances = Array.isArray(values['allow-destroy']) ? values['allow-destroy'].map(String) : [];
  const guard = guardPlans(positionals.map((p) => resolve(io.cwd, p)), allowances);
  for (const f of guard.allowed) io.err(formatAllowance(f));
  for (const f of guard.blocked) io.err(formatGuardFinding(f));
  if (typeof values.output === 'string') {
    writeFileSync(resolve(io.cwd, values.output), `${text}\n`);
    io.err(formatText(report).split('\n').pop() ?? '');
  } else {
    io.out(text);
  }
  return report.blocking > 0 || guard.blocked.length > 0 ? EXIT_USER_ERROR : EXIT_OK;
}
