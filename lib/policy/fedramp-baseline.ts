import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Aspects, TerraformResource, type IAspect, type TerraformStack } from 'cdktf';
import { Construct, type IConstruct } from 'constructs';
import { UserError } from '../core/errors';
import { ACK_METADATA_KEY, fromTerraformJson, makeDocument, type Acknowledgement } from './engine/document';
import { acknowledgementProblem, evaluate, MIN_REASON_LENGTH, type EvaluateOptions, type PolicyReport } from './engine/evaluate';
import { formatFinding } from './engine/format-finding';
import { ALL_RULES } from './rules';

const BASELINE_ID = 'FedRampBaseline';
/** Construct metadata type under which acknowledgements are recorded. */
export const ACK_METADATA_TYPE = 'hms-sys:acknowledgement';
/** Written beside each gated stack's cdk.tf.json: the evidence an assessor attaches to the SSP. */
export const POLICY_REPORT_FILE = 'policy-report.json';
export { MIN_REASON_LENGTH };

export type FedRampBaselineProps = EvaluateOptions;

/**
 * Marks an app whose synthesized output the caller gates itself. A global symbol
 * on the root construct, not a module-local WeakSet: the app may come from
 * another copy of cdktf (or of hms-sys) than this module, and a registry local
 * to this module would not see it.
 */
const GATED_AFTER_SYNTH = Symbol.for('hms-sys/gatedAfterSynth');

/** The part of cdktf's stack synthesizer we wrap; typed structurally so that any copy of cdktf fits. */
interface StackSynthesizerLike {
  synthesize(session: SynthesisSessionLike): void;
}
interface SynthesisSessionLike {
  readonly outdir: string;
  readonly manifest: { forStack(stack: TerraformStack): { readonly synthesizedStackPath: string } };
}

/**
 * Applies the FedRAMP Moderate and HIPAA packs to a stack: every blocking finding
 * fails the stack's validation, so `cdktf synth` aborts. Works on any stack,
 * including raw resources an agency adds next to hms-sys constructs.
 *
 * Acknowledgements are written into each resource's `//` metadata, so they travel
 * with cdk.tf.json and `hms-sys check` honours them too; the policy report is
 * written beside the stack's cdk.tf.json whichever entry point synthesizes it
 * (`cdktf synth`, `hms-sys synth`, an agency's own `app.synth()`).
 *
 * Nothing here depends on `instanceof`, on cdktf's Aspects (whose registry is a
 * module-local `Symbol()` in cdktf 0.21 `lib/aspect.js`, so an aspect added through
 * one copy of cdktf is never run by an App of another copy) or on module-local state:
 * the baseline hooks the stack's own `synthesizer`, which every copy of cdktf calls
 * (`App.synth`: `stack.synthesizer.synthesize(session)`). The aspect it also adds
 * serves `Testing.synth` of the same copy only.
 */
export class FedRampBaseline extends Construct {
  /** The baseline of `stack`, applied on first use. */
  static of(stack: TerraformStack, props: FedRampBaselineProps = {}): FedRampBaseline {
    return (stack.node.tryFindChild(BASELINE_ID) as FedRampBaseline | undefined) ?? new FedRampBaseline(stack, props);
  }

  /**
   * Accepts rule `ruleId`'s findings on `scope` and everything below it, for a
   * written reason that the policy report records as evidence.
   */
  static acknowledge(scope: IConstruct, ruleId: string, reason: string): void {
    const problem = acknowledgementProblem({ ruleId, reason }, ALL_RULES);
    if (problem) {
      const rules = problem.startsWith('unknown rule') ? `; rules: ${ALL_RULES.map((r) => r.id).join(', ')}` : '';
      throw new UserError(`FedRampBaseline.acknowledge: ${ruleId} at ${scope.node.path}: ${problem}${rules}`);
    }
    scope.node.addMetadata(ACK_METADATA_TYPE, { ruleId, reason: reason.trim() });
  }

  /**
   * Declares that the caller evaluates every stack's written cdk.tf.json itself
   * (as `hms-sys synth` does, reading {@link FedRampBaseline.report}), so stack
   * validation skips the evaluation instead of resolving each stack a second time.
   * Only code can say this: no context value or environment variable turns the gate off.
   */
  static gateAfterSynth(app: IConstruct): void {
    Object.defineProperty(app.node.root, GATED_AFTER_SYNTH, { value: true, enumerable: false, configurable: true });
  }

  /** The report of the last validation or synthesis, for evidence. */
  public report?: PolicyReport;

  private constructor(stack: TerraformStack, public readonly props: FedRampBaselineProps) {
    super(stack, BASELINE_ID);
    // Also as an aspect, so that `Testing.synth` (aspects, then toTerraform, no synthesizer) shows
    // them too; the synthesizer hook below is what holds when the App comes from another copy of cdktf.
    Aspects.of(stack).add(new RecordAcknowledgements());
    stack.node.addValidation({
      validate: () => {
        if (isGatedAfterSynth(stack)) return [];
        // Acknowledgements are read from the tree, so validation does not depend on their having been recorded yet.
        const acks = new Map(
          stack.node.findAll().filter(TerraformResource.isTerraformResource).map((r) => [r.node.path, acknowledgementsOf(r)]),
        );
        const doc = fromTerraformJson(stack.toTerraform(), stack.node.id, stack.node.path);
        const resources = doc.resources.map((r) => ({ ...r, acknowledgements: (r.constructPath && acks.get(r.constructPath)) || r.acknowledgements }));
        this.report = evaluate([makeDocument(doc.name, doc.source, resources)], ALL_RULES, props);
        return this.report.findings.filter((f) => f.blocking).map(formatFinding);
      },
    });
    this.hookSynthesizer(stack);
  }

  /**
   * Wraps the stack's synthesizer: before cdk.tf.json is written, acknowledgements
   * go into each resource's `//` metadata; after, the written file is evaluated and
   * its report written beside it, replacing any report of an earlier run.
   */
  private hookSynthesizer(stack: TerraformStack): void {
    const original = stack.synthesizer as StackSynthesizerLike;
    const hooked: StackSynthesizerLike = {
      synthesize: (session) => {
        recordAcknowledgements(stack);
        original.synthesize(session);
        const file = join(session.outdir, session.manifest.forStack(stack).synthesizedStackPath);
        // HCL output (SYNTH_HCL_OUTPUT) is not JSON: judge the stack itself then.
        const json: unknown = file.endsWith('.json') && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : stack.toTerraform();
        this.report = evaluate([fromTerraformJson(json, stack.node.id, file)], ALL_RULES, this.props);
        writeFileSync(join(dirname(file), POLICY_REPORT_FILE), `${JSON.stringify(this.report, null, 2)}\n`);
      },
    };
    (stack as { synthesizer: StackSynthesizerLike }).synthesizer = hooked;
  }
}

function isGatedAfterSynth(stack: TerraformStack): boolean {
  return (stack.node.root as unknown as Record<symbol, unknown>)[GATED_AFTER_SYNTH] === true;
}

/** Acknowledgements made on a construct or any of its parents. */
function acknowledgementsOf(node: IConstruct): Acknowledgement[] {
  return node.node.scopes.flatMap((scope) =>
    scope.node.metadata.filter((m) => m.type === ACK_METADATA_TYPE).map((m) => m.data as Acknowledgement),
  );
}

/** Writes acknowledgements into each resource's `//` metadata, so cdk.tf.json carries them. */
function recordAcknowledgements(stack: TerraformStack): void {
  stack.node.findAll().forEach(recordAcknowledgementsOf);
}

function recordAcknowledgementsOf(node: IConstruct): void {
  if (!TerraformResource.isTerraformResource(node)) return;
  const acks = acknowledgementsOf(node);
  if (acks.length > 0) (node as TerraformResource).addOverride(`//.${ACK_METADATA_KEY}`, acks);
}

class RecordAcknowledgements implements IAspect {
  visit(node: IConstruct): void {
    recordAcknowledgementsOf(node);
  }
}
