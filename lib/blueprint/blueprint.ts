import type { BlueprintInput } from './schema';
import type { BlueprintProblem } from '../core/errors';

/** Every field, and every field's fields, read-only. */
type DeepReadonly<T> = T extends (infer E)[] ? readonly DeepReadonly<E>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

type Input = BlueprintInput;
type InputVolume = Exclude<Input['storage'], 'none'>['volume'];

/** What normalize() adds to or changes in the schema's output. */
interface Normalized {
  /** Names the stacks: `<name>-aws`, `<name>-azure`. */
  name: string;
  /** The file it came from, for messages. */
  sourceFile: string;
  nodePool: Omit<Input['nodePool'], 'minCount' | 'maxCount'> & { minCount: number; maxCount: number };
  /** The Azure CNI Overlay pod and Service ranges, chosen so that they collide with nothing when the blueprint names none. */
  azure: Omit<Input['azure'], 'podCidr' | 'serviceCidr'> & { podCidr: string; serviceCidr: string };
  /** Absent when the blueprint says `storage: none`. */
  storage?: {
    volume: Omit<InputVolume, 'size'> & {
      sizeGiB: number;
      /** `file`: shared by every replica (ReadWriteMany); `block`: one node at a time (ReadWriteOnce). */
      kind: 'file' | 'block';
    };
  };
  /** Things the user should know that do not stop the blueprint, located like problems (e.g. a Kubernetes version near its end of support). */
  warnings: BlueprintProblem[];
  /**
   * Where some fields were set (name, stateBucket.*, terraformCloud.*), by dotted
   * path, for problems that involve several blueprints (two stacks with one name).
   * A field set by the environment points at its variable.
   * @default - the blueprint's file, without a line
   */
  locations?: Record<string, FieldLocation>;
}

/**
 * A validated blueprint with every default applied and every unit converted:
 * the typed input that stacks turn into constructs. Derived from the zod schema
 * (`BlueprintSchema`'s output) and what normalize() changes, so a field is declared once.
 */
export type Blueprint = DeepReadonly<Omit<Input, keyof Normalized> & Normalized>;

/** A file (or an environment variable, `$NAME`), line and column; line 0 for the whole file. */
export interface FieldLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Where a blueprint's stacks keep state and run, when that is Terraform Cloud. */
export type TerraformCloudSettings = NonNullable<Blueprint['terraformCloud']>;

/** An S3 bucket, made by the bootstrap stack, that holds the state of every stack. */
export type S3StateSettings = NonNullable<Blueprint['stateBucket']>;
