/**
 * The Blueprint type is derived from the zod schema (plus what normalize() adds), not
 * written a second time: these type-level checks fail `npm run typecheck` when the
 * derivation loses a field's precise type, and the runtime check fails when
 * normalize() and the type disagree on the keys.
 */
import type { Blueprint } from '../../lib/blueprint/blueprint';
import type { Baseline } from '../../lib/core/baselines';
import type { AzureEnvironment, Cloud, VolumeProvisioning } from '../../lib/core/defaults';
import type { Runtime } from '../../lib/core/runtimes';
import { exampleBlueprint } from '../support/synth';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Volume = NonNullable<Blueprint['storage']>['volume'];

const PRECISE: [
  Equal<Blueprint['clouds'], readonly Cloud[]>,
  Equal<Blueprint['nodePool']['runtime'], Runtime>,
  Equal<Blueprint['nodePool']['baseline'], Baseline>,
  Equal<Blueprint['nodePool']['minCount'], number>,
  Equal<Blueprint['azure']['environment'], AzureEnvironment>,
  Equal<Volume['provisioning'], VolumeProvisioning>,
  Equal<Volume['sizeGiB'], number>,
  Equal<Volume['kind'], 'file' | 'block'>,
  Equal<Blueprint['network']['policy']['egress'], 'deny-all'>,
] = [true, true, true, true, true, true, true, true, true];

describe('Blueprint', () => {
  test('its fields keep the precise types of the schema', () => {
    expect(PRECISE.every(Boolean)).toBe(true);
  });

  test('a normalized blueprint has the converted fields and not the raw ones', () => {
    const bp = exampleBlueprint();
    expect(Object.keys(bp.storage!.volume).sort()).toEqual(['encryption', 'kind', 'mountPath', 'name', 'provisioning', 'readOnly', 'sizeGiB']);
    expect(bp.nodePool).toMatchObject({ minCount: 10, maxCount: 10 });
  });
});
