/**
 * Problems that involve several blueprints: two of them whose generated stacks
 * would share a name (CDKTF stops synth with "There is already a Construct with
 * name ..."), one state bucket or Terraform Cloud organization named with two
 * different settings. Found at validation, with the file and line of each field.
 */
import type { Cloud } from '../core/defaults';
import type { BlueprintProblem } from '../core/errors';
import { cloudStackName, kubernetesStackName, stateBucketStackName, workspacesStackName } from '../core/stack-names';
import type { Blueprint, FieldLocation } from './blueprint';

/** One stack hms-sys would generate, and the field of the blueprint that names it. */
interface PlannedStack {
  readonly stackName: string;
  readonly blueprint: Blueprint;
  readonly field: string;
  /** What the stack is, for messages: `the AWS stack of dcaa-audit`. */
  readonly what: string;
}

const CLOUD_LABEL: Record<Cloud, string> = { aws: 'AWS', azure: 'Azure' };

function where(bp: Blueprint, field: string): FieldLocation {
  return bp.locations?.[field] ?? { file: bp.sourceFile, line: 0, column: 0 };
}

function problemAt(bp: Blueprint, field: string, message: string): BlueprintProblem {
  const at = where(bp, field);
  return { ...at, path: at.file.startsWith('$') ? '' : field, message };
}

function describeAt(bp: Blueprint, field: string): string {
  const at = where(bp, field);
  return at.line > 0 ? `${at.file}:${at.line}` : at.file;
}

/** Every stack the blueprints yield, as stacks/app.ts names them. */
function plannedStacks(blueprints: readonly Blueprint[]): PlannedStack[] {
  const planned: PlannedStack[] = [];
  for (const bp of blueprints) {
    for (const cloud of bp.clouds) {
      planned.push({ stackName: cloudStackName(bp.name, cloud), blueprint: bp, field: 'name', what: `the ${CLOUD_LABEL[cloud]} stack of blueprint ${bp.name}` });
      planned.push({ stackName: kubernetesStackName(bp.name, cloud), blueprint: bp, field: 'name', what: `the Kubernetes stack on ${CLOUD_LABEL[cloud]} of blueprint ${bp.name}` });
    }
    if (bp.stateBucket) {
      planned.push({ stackName: stateBucketStackName(bp.stateBucket.bucket), blueprint: bp, field: 'stateBucket.bucket', what: `the bootstrap stack of state bucket ${bp.stateBucket.bucket}` });
    }
    if (bp.terraformCloud) {
      const org = bp.terraformCloud.organization;
      planned.push({ stackName: workspacesStackName(org), blueprint: bp, field: 'terraformCloud.organization', what: `the workspaces stack of Terraform Cloud organization ${org}` });
    }
  }
  return planned;
}

/** Every problem that only shows when blueprints are taken together. */
export function findCollisions(blueprints: readonly Blueprint[]): BlueprintProblem[] {
  const problems: BlueprintProblem[] = [];
  const names = new Map<string, Blueprint>();
  for (const bp of blueprints) {
    const other = names.get(bp.name);
    if (other) problems.push(problemAt(bp, 'name', `blueprint name "${bp.name}" is also used by ${describeAt(other, 'name')}; names must be unique (they name stacks and namespaces), so rename one`));
    else names.set(bp.name, bp);
  }

  // The same bucket or organization from several blueprints is one stack; the same name from different things is a collision.
  const byStack = new Map<string, PlannedStack>();
  for (const stack of plannedStacks(blueprints)) {
    const first = byStack.get(stack.stackName);
    if (!first) {
      byStack.set(stack.stackName, stack);
      continue;
    }
    const same = stack.field === first.field && stack.field !== 'name';
    if (!same) {
      if (first.blueprint.name !== stack.blueprint.name) {
        problems.push(
          problemAt(stack.blueprint, stack.field, `${stack.what} would be named ${stack.stackName}, like ${first.what} (${describeAt(first.blueprint, first.field)}); rename one of them`),
        );
      }
      continue;
    }
    const mine = stack.field === 'stateBucket.bucket' ? stack.blueprint.stateBucket?.bucket : stack.blueprint.terraformCloud?.organization;
    const theirs = first.field === 'stateBucket.bucket' ? first.blueprint.stateBucket?.bucket : first.blueprint.terraformCloud?.organization;
    if (mine !== theirs) {
      problems.push(
        problemAt(stack.blueprint, stack.field, `${JSON.stringify(mine)} and ${JSON.stringify(theirs)} (${describeAt(first.blueprint, first.field)}) would both have the stack ${stack.stackName}; write the name the same way in both, or choose another`),
      );
    } else if (stack.field === 'stateBucket.bucket' && stack.blueprint.stateBucket?.region !== first.blueprint.stateBucket?.region) {
      problems.push(
        problemAt(stack.blueprint, 'stateBucket.region', `state bucket ${mine} is in ${stack.blueprint.stateBucket?.region} here and in ${first.blueprint.stateBucket?.region} in ${describeAt(first.blueprint, 'stateBucket.region')}; a bucket has one region`),
      );
    } else if (stack.field === 'terraformCloud.organization' && stack.blueprint.terraformCloud?.hostname !== first.blueprint.terraformCloud?.hostname) {
      problems.push(
        problemAt(
          stack.blueprint,
          'terraformCloud.hostname',
          `organization ${mine} is on ${stack.blueprint.terraformCloud?.hostname} here and on ${first.blueprint.terraformCloud?.hostname} in ${describeAt(first.blueprint, 'terraformCloud.hostname')}; one workspaces stack serves one organization on one host`,
        ),
      );
    }
  }
  // Commands take a blueprint name or a stack name (lib/cli/stack-selection.ts): one name must not be both.
  for (const bp of blueprints) {
    const stack = byStack.get(bp.name);
    if (stack && stack.blueprint.name !== bp.name) {
      problems.push(
        problemAt(bp, 'name', `blueprint name "${bp.name}" is also the name of ${stack.what} (${describeAt(stack.blueprint, stack.field)}), so "hms-sys plan ${bp.name}" could mean either; rename one of them`),
      );
    }
  }
  return problems;
}
