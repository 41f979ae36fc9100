/**
 * A project folder whose dcaa-audit stacks are "applied" against the fake API
 * server: state files as `terraform show -json` prints them (the fake terraform
 * shows a state file by printing it), with the EKS cluster's endpoint and CA
 * pointing at the fake, and a fake `aws` credential plugin on PATH.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BUILT_CLI as BIN } from './built-cli';
import { CLI_ENV, exampleProject, runCli, type CliResult } from './cli';
import type { FakeKubeApi } from './fake-kube-api';

const FAKE_TERRAFORM = join(__dirname, 'fake-terraform');

const out = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, value]) => [k, { value, sensitive: false }]));

export interface LiveProject {
  readonly dir: string;
  /** Folder of the fake credential plugins, first on PATH. */
  readonly bin: string;
}

/** The example blueprint on AWS only, applied: cloud and Kubernetes stack state. */
export function liveProject(api: FakeKubeApi, options: { server?: string; edit?: (yaml: string) => string } = {}): LiveProject {
  const dir = exampleProject((y) => `${(options.edit ?? ((x) => x))(y)}\nclouds: [aws]\n`);
  const states = join(dir, 'terraform-state');
  mkdirSync(states);
  writeFileSync(
    join(states, 'dcaa-audit-aws.tfstate'),
    JSON.stringify({
      format_version: '1.0',
      values: {
        outputs: out({ cluster_name: 'dcaa-audit', node_pool_name: 'dcaa-secure' }),
        root_module: {
          resources: [
            { address: 'aws_eks_cluster.cluster_Resource', type: 'aws_eks_cluster', values: { name: 'dcaa-audit', endpoint: options.server ?? api.url, certificate_authority: [{ data: api.caData }], status: 'ACTIVE' } },
          ],
        },
      },
    }),
  );
  writeFileSync(
    join(states, 'dcaa-audit-aws-k8s.tfstate'),
    JSON.stringify({
      format_version: '1.0',
      values: { outputs: out({ namespace_name: 'dcaa-audit', deployment_name: 'dcaa-secure', replicas: 10, image: 'ghcr.io/hms/dcaa-audit:v1.0', claim_name: 'contract-pdfs', claim_mount_path: '/data/pdfs', network_policy_name: 'dcaa-isolated-default-deny', egress: 'deny-all' }) },
    }),
  );
  const bin = mkdtempSync(join(tmpdir(), 'fake-plugins-'));
  api.installPlugin(bin, 'aws');
  return { dir, bin };
}

export interface Spawned {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs bin/hms-sys in `project` without blocking the event loop (the fake API
 * server lives in this process and must answer).
 */
export function runLive(project: LiveProject, args: string[], extra: NodeJS.ProcessEnv = {}, started: (child: ChildProcess) => void = () => undefined): Promise<Spawned> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: project.dir,
      env: { ...CLI_ENV, ...extra, PATH: `${project.bin}:${FAKE_TERRAFORM}:${dirname(process.execPath)}:/usr/bin:/bin` },
    });
    started(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout: stdout.trimEnd(), stderr: stderr.trimEnd() }));
  });
}

/**
 * Runs the CLI in this process, with the project's fake credential plugins and
 * the fake terraform first on PATH: what the spawned binary does, without the
 * cost of a process. Calls must not overlap: PATH is this test file's.
 */
export async function runLiveInProcess(project: LiveProject, args: string[]): Promise<CliResult> {
  const saved = process.env.PATH;
  process.env.PATH = `${project.bin}:${FAKE_TERRAFORM}:${saved}`;
  try {
    return await runCli(args, project.dir);
  } finally {
    process.env.PATH = saved;
  }
}
