import { fail, pass, unknown, type Outcome, type Rule } from '../../engine/rule';
import { exposureOf } from '../../engine/network';
import { groupPermissions, internetReach, permissionsOf, reaching, SECURITY_GROUP_TYPES, type Permission } from './private/security-group-rules';

/** Administrative ports that must never face the internet. */
export const ADMIN_PORTS = [22, 3389];

/**
 * The outcome for one port (or all ports) in one direction: fail when `own`
 * admits public addresses to it and, together with the rest of its group,
 * the internet at large; unknown when a source or the ports are not known and
 * the rest does not already decide it.
 */
export function openToInternet(own: readonly Permission[], group: readonly Permission[], direction: 'ingress' | 'egress', port: number | 'all', what: string): Outcome {
  const mine = reaching(own.filter((p) => p.direction === direction), port);
  const all = reaching(group.filter((p) => p.direction === direction), port);
  const reach = internetReach(all.known);
  const minePublic = exposureOf(mine.known.flatMap((p) => p.cidrs));
  if ('internet' in reach && reach.internet && minePublic.publicIpv4 + minePublic.publicIpv6 > 0n) {
    return fail(`${what} ${direction === 'ingress' ? 'is open to' : 'may reach'} the internet`);
  }
  const ownReach = internetReach(mine.known);
  const whole = internetReach(own.filter((p) => p.direction === direction));
  const sourcesMayBeOpen = !('internet' in whole && !whole.internet);
  const unknowns = [...('unknown' in ownReach ? ownReach.unknown : []), ...(mine.unknownPorts.length > 0 && sourcesMayBeOpen ? mine.unknownPorts : [])];
  return unknowns.length > 0 ? unknown(`whether ${what} is open to the internet is not known from the configuration`, unknowns) : pass;
}

/** NIST.800.53.R5-EC2RestrictedSSH / EC2RestrictedCommonPorts. */
export const securityGroupAdminPorts: Rule = {
  id: 'HMS-SG-1',
  publicChecks: ['CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_277', 'CKV_AWS_260', 'AVD-AWS-0107'],
  appliesTo: SECURITY_GROUP_TYPES,
  summary: 'No ingress from the internet to SSH, RDP or all ports',
  rationale: 'Administrative ports open to the world are the first thing scanners find (SC-7, AC-4, AC-17).',
  fix: 'Allow only named agency networks, or remove the rule and use SSM Session Manager.',
  check(r, ctx) {
    const own = permissionsOf(r, ctx);
    const group = groupPermissions(r, ctx);
    const outcomes = [openToInternet(own, group, 'ingress', 'all', 'every port'), ...ADMIN_PORTS.map((p) => openToInternet(own, group, 'ingress', p, `port ${p}`))];
    return outcomes.find((o) => o.status === 'fail') ?? outcomes.find((o) => o.status === 'unknown') ?? pass;
  },
};
