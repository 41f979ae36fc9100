import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Blueprint } from '../blueprint/blueprint';
import type { Cloud } from '../core/defaults';
import { clusterEndpoint, providerExec } from '../live/connection';
import { desiredPlatform, type DesiredPlatform } from '../live/desired';
import type { ClusterConnection } from '../live/kube-client';
import type { ShowJson, StackState } from '../status/summarize';
import { terraformEnvironment } from '../terraform/environment';
import { terraformError } from '../terraform/run';
import { synthesizeBlueprints } from './synthesize';

/** One cloud of a blueprint: its stacks' state, and its cluster when the state has one. */
export interface CloudTarget {
  readonly cloud: Cloud;
  /** The cloud stack and the Kubernetes stack, as their state says (for what is not deployed). */
  readonly stacks: readonly StackState[];
  /** How to reach the cluster, once the cloud stack has created it. */
  readonly connection?: ClusterConnection;
  readonly desired: DesiredPlatform;
}

export interface LiveTargets {
  readonly targets: readonly CloudTarget[];
  /** Stack names with no state at all, for the "nothing deployed" message. */
  readonly stackNames: readonly string[];
  readonly anyDeployed: boolean;
}

function outputsOf(show: ShowJson | undefined): Record<string, unknown> | undefined {
  if (!show) return undefined;
  return Object.fromEntries(Object.entries(show.values?.outputs ?? {}).map(([k, v]) => [k, v.value]));
}

/**
 * Synthesizes the blueprint into `work` (so cdktf.out is left alone), reads each
 * of its stacks' state from `stateDir` through `terraform show -json`, and finds
 * each cloud's cluster: endpoint and CA from the cloud stack's state, the
 * credential plugin from the Kubernetes stack's provider block.
 */
export function locateClusters(bp: Blueprint, stateDir: string, work: string): LiveTargets {
  const result = synthesizeBlueprints([bp], join(work, 'cdktf.out'));
  const stacks = result.stacks.filter((s) => s.layer === 'cloud' || s.layer === 'kubernetes');
  const tf = terraformEnvironment(join(work, '.terraform-cli'));
  const states = new Map<string, StackState>();
  for (const s of stacks) {
    const state = join(stateDir, `${s.stackName}.tfstate`);
    const base = { stackName: s.stackName, cloud: s.cloud, layer: s.layer as 'cloud' | 'kubernetes' };
    if (!existsSync(state)) {
      states.set(s.stackName, base);
      continue;
    }
    // Terraform needs the providers' schemas to show resources; outputs alone it shows anywhere.
    const init = spawnSync('terraform', ['init', '-input=false', '-no-color', '-backend=false'], { cwd: dirname(s.file), env: tf.env, encoding: 'utf8' });
    const cwd = init.status === 0 ? dirname(s.file) : mkdtempSync(join(work, 'bare-'));
    const show = spawnSync('terraform', ['show', '-json', '-no-color', state], { cwd, env: tf.env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    states.set(s.stackName, show.status !== 0 ? { ...base, error: terraformError(`${show.stdout}${show.stderr}`) } : { ...base, show: JSON.parse(show.stdout) as ShowJson });
  }
  const targets = bp.clouds.map((cloud): CloudTarget => {
    const cloudStack = states.get(`${bp.name}-${cloud}`);
    const k8sStack = states.get(`${bp.name}-${cloud}-k8s`);
    const k8sFile = stacks.find((s) => s.stackName === `${bp.name}-${cloud}-k8s`)?.file;
    const endpoint = cloudStack?.show && clusterEndpoint(cloud, cloudStack.show);
    const exec = k8sFile ? providerExec(JSON.parse(readFileSync(k8sFile, 'utf8'))) : undefined;
    return {
      cloud,
      stacks: [cloudStack, k8sStack].filter((s): s is StackState => s !== undefined),
      connection: endpoint && exec ? { label: `${bp.name}-${cloud}`, ...endpoint, exec } : undefined,
      desired: desiredPlatform(bp, cloud, outputsOf(k8sStack?.show)),
    };
  });
  return { targets, stackNames: stacks.map((s) => s.stackName), anyDeployed: [...states.values()].some((s) => s.show || s.error) };
}
