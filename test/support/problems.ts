import { parseBlueprint } from '../../lib/blueprint/load';
import { BlueprintError, type BlueprintProblem } from '../../lib/core/errors';

/** The located problems of a blueprint the loader refuses; throws if it is accepted. */
export function blueprintProblems(source: string | Buffer, file = 'blueprints/bad.yml', today?: Date): BlueprintProblem[] {
  try {
    parseBlueprint(source, file, today ? { today } : undefined);
  } catch (e) {
    if (e instanceof BlueprintError) return [...e.problems];
    throw e;
  }
  throw new Error('expected the blueprint to be refused');
}
