import { Aspects, TerraformResource, TerraformStack, type IAspect } from 'cdktf';
import { Construct, type IConstruct } from 'constructs';
import { UserError } from '../core/errors';
import { ACK_METADATA_KEY, fromTerraformJson, makeDocument, type Acknowledgement } from './engine/document';
import { acknowledgementProblem, evaluate, MIN_REASON_LENGTH, type EvaluateOptions, type PolicyReport } from './engine/evaluate';
import { formatFinding } from './engine/format-finding';
import { ALL_RULES } from './rules';

const BASELINE_ID = 'FedRampBaseline';
/** Construct metadata type under which acknowledgements are recorded. */
export const ACK_METADATA_TYPE = 'hms-sys:acknowledgement';
export { MIN_REASON_LENGTH };

export type FedRampBaselineProps = EvaluateOptions;

/** Apps whose synthesized output is checked by the caller, so validation need not resolve the stacks twice. */
const GATED_AFTER_SYNTH = new WeakSet<IConstruct>();

/**
 * Applies the FedRAMP Moderate and HIPAA packs to a stack: every blocking finding
 * fails the stack's validation, so `cdktf synth` aborts. Works on any stack,
 * including raw resources an agency adds next to hms-sys constructs.
 *
 * Acknowledgements are written into each resource's `//` metadata, so they travel
 * with cdk.tf.json and `hms-sys check` honours them too.
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
   * (as `hms-sys synth` does), so stack validation skips the evaluation instead of
   * resolving each stack a second time. Only code can say this: no context value
   * or environment variable turns the gate off.
   */
  static gateAfterSynth(app: IConstruct): void {
    GATED_AFTER_SYNTH.add(app.node.root);
  }

  /** The report of the last validation, for evidence. */
  public report?: PolicyReport;

  private constructor(stack: TerraformStack, public readonly props: FedRampBaselineProps) {
    super(stack, BASELINE_ID);
    Aspects.of(stack).add(new RecordAcknowledgements());
    stack.node.addValidation({
      validate: () => {
        if (GATED_AFTER_SYNTH.has(stack.node.root)) return [];
        // Acknowledgements are read from the tree, so validation does not depend on the aspect having run.
        const acks = new Map(
          stack.node.findAll().filter(TerraformResource.isTerraformResource).map((r) => [r.node.path, acknowledgementsOf(r)]),
        );
        const doc = fromTerraformJson(stack.toTerraform(), stack.node.id, stack.node.path);
        const resources = doc.resources.map((r) => ({ ...r, acknowledgements: (r.constructPath && acks.get(r.constructPath)) || r.acknowledgements }));
        this.report = evaluate([makeDocument(doc.name, doc.source, resources)], ALL_RULES, props);
        return this.report.findings.filter((f) => f.blocking).map(formatFinding);
      },
    });
  }
}

/** Acknowledgements made on a construct or any of its parents. */
function acknowledgementsOf(node: IConstruct): Acknowledgement[] {
  return node.node.scopes.flatMap((scope) =>
    scope.node.metadata.filter((m) => m.type === ACK_METADATA_TYPE).map((m) => m.data as Acknowledgement),
  );
}

/** Writes acknowledgements into each resource's `//` metadata, so cdk.tf.json carries them. */
class RecordAcknowledgements implements IAspect {
  visit(node: IConstruct): void {
    if (!TerraformResource.isTerraformResource(node)) return;
    const acks = acknowledgementsOf(node);
    if (acks.length > 0) (node as TerraformResource).addOverride(`//.${ACK_METADATA_KEY}`, acks);
  }
}
