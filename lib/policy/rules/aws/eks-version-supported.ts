import { EKS_VERSION_CALENDAR, supportPhase } from '../../../core/kubernetes-versions';
import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved } from '../../engine/values';

const minor = (v: string) => v.split('.').map(Number);
const older = (a: string, b: string) => {
  const [x1, y1] = minor(a);
  const [x2, y2] = minor(b);
  return x1 < x2 || (x1 === x2 && y1 < y2);
};

/** EKS release calendar (lib/core/kubernetes-versions.ts). */
export const eksVersionSupported: Rule = {
  id: 'HMS-EKS-8',
  publicChecks: ['CKV_AWS_339'],
  appliesTo: ['aws_eks_cluster'],
  summary: 'EKS clusters run a Kubernetes version that EKS still supports',
  rationale: 'A version past the end of extended support gets no security patches and is upgraded by AWS on its own schedule (SI-2, CM-2).',
  fix: `Set version to one in support: ${EKS_VERSION_CALENDAR.versions.map((v) => v.version).join(', ')} (see ${EKS_VERSION_CALENDAR.source}).`,
  check(r) {
    const version = r.values.version;
    if (version === undefined || version === null) return pass; // EKS creates the current default version
    if (isUnresolved(version)) return unknown('the Kubernetes version is not known from the configuration', version);
    const v = String(version).trim().replace(/^v/, '').split('.').slice(0, 2).join('.');
    const oldest = EKS_VERSION_CALENDAR.versions[EKS_VERSION_CALENDAR.versions.length - 1].version;
    const phase = older(v, oldest) ? 'ended' : supportPhase('aws', v, new Date());
    return phase === 'ended' ? fail(`Kubernetes ${v} is past the end of EKS support`) : pass;
  },
};
