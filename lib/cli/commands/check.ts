import { resolve } from 'node:path';
import { UserError } from '../../core/errors';
import type { TfDocument } from '../../policy/engine/document';
import { evaluate } from '../../policy/engine/evaluate';
import { PACK_IDS } from '../../policy/packs';
import { formatJunit, formatSarif, formatText, modulesBlocking, type PlanGuardResult } from '../../policy/report';
import { ALL_RULES } from '../../policy/rules';
import { formatAllowance, formatGuardFinding, formatUnjudged, guardPlan, type GuardFinding } from '../../plan/stateful-guard';
import { parseCommandArgs } from '../args';
import { EXIT_OK, EXIT_USER_ERROR, type Io } from '../io';
import { loadTerraform } from '../load-terraform';
import { checkOutputFile, writeOutputFile } from '../output-file';
import { CHECK_HELP } from '../help/check';

const CHECK_USAGE = CHECK_HELP.usage;
const FORMATS = ['text', 'json', 'sarif', 'junit'];

interface Scanned {
  readonly documents: TfDocument[];
  readonly plans: { plan: unknown; display: string }[];
}

/** Reads every input once: documents for the packs, plans also for the stateful-resource guard. */
async function scanInputs(paths: readonly string[], cwd: string): Promise<Scanned> {
  const scanned: Scanned = { documents: [], plans: [] };
  for (const p of [...new Set(paths)]) {
    const documents = await loadTerraform(resolve(cwd, p), p, (plan, display) => scanned.plans.push({ plan, display }));
    const planned = scanned.plans.some((x) => x.display === p && hasChanges(x.plan));
    // `{}`, `[]`, a folder of variables only: nothing was scanned, which is not a pass.
    if (documents.every((d) => d.resources.length === 0) && !planned) {
      const remote = documents.flatMap((d) => d.notScanned ?? []).map((m) => `${m.module} (${m.source})`);
      const why = remote.length > 0 ? `; it calls only modules hms-sys does not read: ${remote.join(', ')}. Scan the plan JSON (terraform show -json plan.out) instead` : '';
      throw new UserError(`hms-sys check: ${p} holds no Terraform resources; nothing to scan${why || '. Pass a cdk.tf.json, a plan JSON, a cdktf.out folder or a folder of .tf files that defines resources'}`);
    }
    scanned.documents.push(...documents);
  }
  return scanned;
}

const hasChanges = (plan: unknown): boolean => Array.isArray((plan as { resource_changes?: unknown }).resource_changes) && ((plan as { resource_changes: unknown[] }).resource_changes.length > 0);

/** Scans Terraform against the policy packs; exit 1 when a blocking finding or a guard refusal remains. */
export async function checkCommand(args: readonly string[], io: Io): Promise<number> {
  const { positionals, values } = parseCommandArgs('check', CHECK_USAGE, args, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    pack: { type: 'string', multiple: true },
    strict: { type: 'boolean' },
    'ignore-acknowledgements': { type: 'boolean' },
    'allow-destroy': { type: 'string', multiple: true },
  });
  const format = typeof values.format === 'string' ? values.format : 'text';
  if (!FORMATS.includes(format)) throw new UserError(`hms-sys check: --format ${format} is not supported; formats: ${FORMATS.join(', ')}`);
  if (positionals.length === 0) throw new UserError(`hms-sys check: name what to scan\nusage: ${CHECK_USAGE}`);
  if (positionals.some((p) => p.trim() === '')) throw new UserError(`hms-sys check: an empty path was given; name a file or folder to scan\nusage: ${CHECK_USAGE}`);
  const packs = Array.isArray(values.pack) ? values.pack.map(String) : PACK_IDS;

  const outputFile = typeof values.output === 'string' ? checkOutputFile('check', values.output, io.cwd, positionals) : undefined;
  const { documents, plans } = await scanInputs(positionals, io.cwd);
  const report = evaluate(documents, ALL_RULES, { packs, strict: values.strict === true, ignoreAcknowledgements: values['ignore-acknowledgements'] === true });

  // Plans also go through the stateful-resource guard.
  const allowances = Array.isArray(values['allow-destroy']) ? values['allow-destroy'].map(String) : [];
  const guard: PlanGuardResult[] = plans.map((p) => ({ ...guardPlan(p.plan, allowances), document: p.display }));
  const blocked: GuardFinding[] = guard.flatMap((g) => g.blocked);
  for (const f of guard.flatMap((g) => g.allowed)) io.err(formatAllowance(f));
  for (const f of blocked) io.err(formatGuardFinding(f));
  for (const f of guard.flatMap((g) => g.unjudged)) io.err(formatUnjudged(f));

  const context = { inputs: positionals, guardRefusals: blocked.length };
  const text =
    format === 'json'
      ? JSON.stringify({ ...report, guardRefusals: blocked, guardAllowed: guard.flatMap((g) => g.allowed), guardNotJudged: guard.flatMap((g) => g.unjudged) }, null, 2)
      : format === 'sarif'
        ? JSON.stringify(formatSarif(report, guard), null, 2)
        : format === 'junit'
          ? formatJunit(report, guard)
          : formatText(report, context);
  if (outputFile) {
    writeOutputFile('check', outputFile, text);
    io.err(formatText(report, context).split('\n').slice(-1)[0]);
  } else {
    io.out(text);
  }
  return report.blocking > 0 || blocked.length > 0 || modulesBlocking(report) > 0 ? EXIT_USER_ERROR : EXIT_OK;
}
