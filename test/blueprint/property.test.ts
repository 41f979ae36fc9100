/**
 * Property tests: for every generated blueprint, valid or mutated, the loader and
 * synth either succeed with policy-clean Terraform, or fail with a user error that
 * names the field. Never a crash, never a stack trace.
 *
 * Seeded and reproducible: HMS_PROPERTY_SEED and HMS_PROPERTY_RUNS override the
 * defaults; fast-check prints the seed and the smallest failing case on failure.
 */
import fc from 'fast-check';
import { Testing } from 'cdktf';
import { invokeAspects } from 'cdktf/lib/synthesize/synthesizer';
import { stringify } from 'yaml';
import { parseBlueprint } from '../../lib/blueprint/load';
import { BlueprintError } from '../../lib/core/errors';
import { fromTerraformJson } from '../../lib/policy/engine/document';
import { evaluate } from '../../lib/policy/engine/evaluate';
import { ALL_RULES } from '../../lib/policy/rules';
import { FedRampBaseline } from '../../lib/policy/fedramp-baseline';
import { addBlueprintStacks } from '../../stacks/app';
import { hostileValue, mutate, pathsOf, validBlueprint } from '../support/arbitraries';

const SEED = Number(process.env.HMS_PROPERTY_SEED ?? 20261122);
const RUNS = Number(process.env.HMS_PROPERTY_RUNS ?? 2000);
const SYNTH_RUNS = Number(process.env.HMS_PROPERTY_SYNTH_RUNS ?? 25);

/** Parses, and classifies the outcome: valid, or a user error whose every problem is located. */
function load(doc: unknown): 'valid' | 'refused' {
  try {
    parseBlueprint(stringify(doc), 'blueprints/generated.yml');
    return 'valid';
  } catch (e) {
    if (!(e instanceof BlueprintError)) throw e;
    for (const p of e.problems) {
      if (!p.file || (!p.path && p.line === 0 && !p.message)) throw new Error(`problem without location: ${JSON.stringify(p)}`);
      if (/\n\s+at /.test(p.message)) throw new Error(`stack trace in message: ${p.message}`);
    }
    return 'refused';
  }
}

describe('blueprint properties', () => {
  test(`every generated valid blueprint loads (${RUNS} cases, seed ${SEED})`, () => {
    fc.assert(
      fc.property(validBlueprint, (bp) => load(bp) === 'valid'),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test(`every mutation is loaded or refused with located problems, never a crash (${RUNS} cases)`, () => {
    const mutated = validBlueprint.chain((bp) =>
      fc.tuple(fc.constant(bp), fc.constantFrom(...pathsOf(bp)), hostileValue, fc.option(fc.constantFrom('__proto__', 'constructor', 'prototype', 'unknownField', 'nodepool'), { nil: undefined })),
    );
    const outcomes = { valid: 0, refused: 0 };
    fc.assert(
      fc.property(mutated, ([bp, path, value, addKey]) => {
        const outcome = load(mutate(bp, path, value, addKey));
        outcomes[outcome]++;
        // An added key is never valid: the schema is closed.
        return addKey === undefined || outcome === 'refused';
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
    // Hostile values are mostly refused; the rest happened to be valid (a boolean where a boolean goes).
    expect(outcomes.refused / (outcomes.valid + outcomes.refused)).toBeGreaterThan(0.8);
  });

  test(`every generated valid blueprint synthesizes to policy-clean Terraform on both clouds (${SYNTH_RUNS} cases)`, () => {
    fc.assert(
      fc.property(validBlueprint, (raw) => {
        const bp = parseBlueprint(stringify(raw), 'blueprints/generated.yml');
        const app = Testing.app();
        FedRampBaseline.gateAfterSynth(app);
        const { stacks } = addBlueprintStacks(app, [bp]);
        for (const s of stacks) {
          // Acknowledgements are written into `//` metadata by an aspect at synth: run the aspects first.
          invokeAspects(s.stack);
          const report = evaluate([fromTerraformJson(s.stack.toTerraform(), s.stackName, 'generated')], ALL_RULES);
          if (report.blocking > 0) throw new Error(`${s.stackName}: ${report.findings.filter((f) => f.blocking).map((f) => f.ruleId).join(', ')}`);
        }
        return true;
      }),
      { seed: SEED + 2, numRuns: SYNTH_RUNS },
    );
  });
});
