import { checkReachable, type Reachability } from './endpoint-reachable';
import type { PreflightCheck, PreflightContext, PreflightOutcome } from './preflight';

/** The EKS API serves HTTPS on 443. */
export const EKS_API_PORT = 443;

/** `https://ABC.gr7.us-gov-west-1.eks.amazonaws.com` -> host and port (443 unless the URL names one). */
function endpointOf(url: string): { host: string; port: number } | undefined {
  try {
    const parsed = new URL(url);
    return parsed.hostname ? { host: parsed.hostname, port: parsed.port ? Number(parsed.port) : EKS_API_PORT } : undefined;
  } catch {
    return undefined;
  }
}

/** Where apply must run from, in the blueprint's own terms. */
function whereToRun(context: PreflightContext): string {
  const aws = context.blueprint.aws;
  const operators = aws.operatorCidrs.length > 0 ? aws.operatorCidrs.join(', ') : 'none';
  const route = aws.transitGatewayId
    ? `routed through transit gateway ${aws.transitGatewayId}`
    : 'connected to the VPC (aws.transitGatewayId is not set, so only machines inside the VPC have a route)';
  return `The cluster API is private. Run hms-sys apply from a machine in aws.operatorCidrs (now: ${operators}), ${route}, whose credentials are the principal that applied ${context.blueprint.name}-aws or one of aws.clusterAdminArns; see README "Deploying for real"`;
}

function explain(host: string, port: number, r: Reachability): string {
  switch (r.reason) {
    case 'name does not resolve':
      return `${host} does not resolve (${r.detail ?? 'no answer'}): EKS publishes private endpoints in public DNS, so this machine has no working DNS resolver`;
    case 'timed out':
      return `${host} resolves to ${r.address}, but nothing answers on ${port} (${r.detail}): this network has no route to the VPC, or the cluster security group does not admit it`;
    default:
      return `${host} (${r.address ?? 'unresolved'}) is not reachable on ${port}: ${r.reason}${r.detail ? ` (${r.detail})` : ''}`;
  }
}

/**
 * Before a Kubernetes stack on EKS: the private API endpoint that the cluster stack
 * reported must be reachable from this machine, or the kubernetes provider would fail
 * midway (or hang). Says where apply must run from when it is not.
 */
export function awsClusterEndpointCheck(reach: typeof checkReachable = checkReachable): PreflightCheck {
  return {
    name: 'EKS API endpoint reachable',
    appliesTo: (stack) => stack.cloud === 'aws' && stack.layer === 'kubernetes',
    async run(context): Promise<PreflightOutcome> {
      const clusterStack = `${context.blueprint.name}-aws`;
      const endpoint = context.outputsOf(clusterStack)?.cluster_endpoint;
      const target = typeof endpoint === 'string' ? endpointOf(endpoint) : undefined;
      if (!target) {
        return { ok: false, message: `${clusterStack} reported no cluster_endpoint; apply ${clusterStack} first (hms-sys apply ${context.blueprint.name} applies it before its Kubernetes stack)` };
      }
      const r = await reach(target.host, target.port);
      return r.ok ? { ok: true } : { ok: false, message: `${explain(target.host, target.port, r)}. ${whereToRun(context)}` };
    },
  };
}
