import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { coversPort, fromWorld, isAllPorts, permissionsOf, SECURITY_GROUP_TYPES } from './private/security-group-rules';

/** CKV_AWS_24, CKV_AWS_25, CKV_AWS_277; NIST.800.53.R5-EC2RestrictedSSH / EC2RestrictedCommonPorts. */
export const securityGroupAdminPorts: Rule = {
  id: 'HMS-SG-1',
  appliesTo: SECURITY_GROUP_TYPES,
  summary: 'No ingress from the internet to SSH, RDP or all ports',
  rationale: 'Administrative ports open to the world are the first thing scanners find (SC-7, AC-4, AC-17).',
  fix: 'Allow only named agency networks, or remove the rule and use SSM Session Manager.',
  check(r) {
    for (const p of permissionsOf(r).filter((x) => x.direction === 'ingress')) {
      if (p.cidrs === 'unknown') return unknown('source ranges are not known from the configuration');
      if (!fromWorld(p)) continue;
      if (isAllPorts(p)) return fail('all ports are open to the internet');
      for (const port of [22, 3389]) if (coversPort(p, port)) return fail(`port ${port} is open to the internet`);
    }
    return pass;
  },
};

/** CKV_AWS_260. */
export const securityGroupHttpFromWorld: Rule = {
  id: 'HMS-SG-2',
  appliesTo: SECURITY_GROUP_TYPES,
  summary: 'No plain HTTP (port 80) from the internet',
  rationale: 'Unencrypted HTTP exposes data in transit (SC-8, SC-7).',
  fix: 'Serve HTTPS on 443 from named networks; redirect at a load balancer if needed.',
  check(r) {
    const open = permissionsOf(r).some((p) => p.direction === 'ingress' && fromWorld(p) && !isAllPorts(p) && coversPort(p, 80));
    return open ? fail('port 80 is open to the internet') : pass;
  },
};

/** CKV_AWS_382. */
export const securityGroupEgressToWorld: Rule = {
  id: 'HMS-SG-3',
  appliesTo: SECURITY_GROUP_TYPES,
  summary: 'No unrestricted egress to the internet',
  rationale: 'Deny by default, allow by exception, for outbound traffic too (SC-7(5), AC-4).',
  fix: 'Remove the 0.0.0.0/0 egress rule; allow the destinations workloads need.',
  check(r) {
    const open = permissionsOf(r).some((p) => p.direction === 'egress' && fromWorld(p) && isAllPorts(p));
    return open ? fail('all egress to the internet is allowed') : pass;
  },
};
