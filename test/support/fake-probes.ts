/**
 * How probe pods end on the fake cluster: what the kubelet would put in the
 * pod status after the probe script ran on a healthy platform, or on one with
 * a given fault.
 */
import type { PodOutcome } from './fake-kube-api';

type Obj = Record<string, any>;
export type Fault = 'non-fips-node' | 'egress-open' | 'ingress-open' | 'no-network' | 'image-pull' | 'volume-read-only' | 'never-starts';

const envOf = (job: Obj): Record<string, string> => Object.fromEntries((job.spec.template.spec.containers[0].env ?? []).map((e: Obj) => [e.name, e.value]));

export function probeOutcomes(faults: Fault[] = []): (job: Obj) => PodOutcome {
  return (job) => {
    const env = envOf(job);
    const kind = job.metadata.labels['hms-sys/probe'];
    if (faults.includes('image-pull')) return { phase: 'Pending', waitingReason: 'ImagePullBackOff', waitingMessage: `Back-off pulling image "${job.spec.template.spec.containers[0].image}"` };
    if (faults.includes('never-starts')) return { phase: 'Pending', waitingReason: 'ContainerCreating', waitingMessage: '' };
    const ran = (ok: boolean, message: string, exitCode = ok ? 0 : 1): PodOutcome => ({ phase: exitCode === 0 ? 'Succeeded' : 'Failed', exitCode, message });
    switch (kind) {
      case 'fips': {
        const off = faults.includes('non-fips-node') && env.NODE_NAME.endsWith('-12.us-gov-west-1.compute.internal');
        return ran(!off, `node ${env.NODE_NAME}: fips_enabled=${off ? 0 : 1}`);
      }
      case 'egress': {
        const open = faults.includes('egress-open');
        return ran(!open, ` tcp ${env.TARGET_HOST}:${env.TARGET_PORT} ${open ? 'reached' : 'blocked'};${env.CHECK_DNS === '1' ? ' dns blocked;' : ''}`);
      }
      case 'ingress': {
        if (faults.includes('no-network')) return ran(false, 'control: the Kubernetes API service at 172.20.0.1:443 is not reachable either, so a refusal proves nothing', 2);
        const open = faults.includes('ingress-open');
        return ran(!open, `control reached;${env.TARGETS.split(' ').map((t: string, i: number) => ` ${t} ${open && i === 0 ? 'reached' : 'blocked'};`).join('')}`);
      }
      case 'volume': {
        const ro = faults.includes('volume-read-only');
        const writable = env.READ_ONLY !== 'true' && !ro;
        const ok = (env.READ_ONLY === 'true') !== writable;
        return ran(ok, `node ${env.NODE_NAME}: ${env.MOUNT_PATH} ${writable ? 'writable' : 'not writable (touch: /data/pdfs/.hms-sys-probe: Read-only file system)'}`);
      }
      default:
        return ran(false, `unknown probe ${kind}`, 2);
    }
  };
}
