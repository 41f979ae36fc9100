import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved } from '../../engine/values';
import { IDENTITY_POLICY_TYPES, matchesAction, policyDocuments } from './private/iam-statements';

/**
 * Actions that let a principal grant itself more: the IAM privilege escalation
 * paths (Rhino Security Labs' list, which checkov CKV_AWS_286 and
 * trivy AVD-AWS-0057 also follow).
 */
export const PRIVILEGE_ESCALATION_ACTIONS = [
  'iam:createpolicyversion', 'iam:setdefaultpolicyversion', 'iam:passrole', 'iam:createaccesskey', 'iam:createloginprofile',
  'iam:updateloginprofile', 'iam:attachuserpolicy', 'iam:attachgrouppolicy', 'iam:attachrolepolicy', 'iam:putuserpolicy',
  'iam:putgrouppolicy', 'iam:putrolepolicy', 'iam:addusertogroup', 'iam:updateassumerolepolicy', 'lambda:updatefunctioncode',
];

export const iamPolicyNoPrivilegeEscalation: Rule = {
  id: 'HMS-IAM-3',
  publicChecks: ['CKV_AWS_286', 'CKV2_AWS_40'],
  appliesTo: IDENTITY_POLICY_TYPES,
  summary: 'Policies grant no privilege escalation (iam:*, PassRole, policy and credential changes) on every resource',
  rationale: 'A principal that can change its own permissions holds every permission (AC-6, AC-6(10), AC-2).',
  fix: 'Remove iam:* and the escalation actions, or limit Resource to the specific roles and users the principal manages.',
  check(r, ctx) {
    for (const { raw, doc, statements } of policyDocuments(r, ctx)) {
      if (!doc) {
        if (isUnresolved(raw)) return unknown('the policy is not known from the configuration', raw);
        continue;
      }
      for (const s of statements.filter((x) => x.allow && x.resources.some((res) => res === '*' || res.trim() === 'arn:aws:iam::*:*'))) {
        const granted = s.notAction
          ? PRIVILEGE_ESCALATION_ACTIONS.filter((a) => !s.actions.some((p) => matchesAction(p, a)))
          : PRIVILEGE_ESCALATION_ACTIONS.filter((a) => s.actions.some((p) => matchesAction(p, a)));
        if (granted.length > 0) return fail(`a statement allows ${granted.slice(0, 3).join(', ')}${granted.length > 3 ? ', ...' : ''} on every resource`);
      }
    }
    return pass;
  },
};
