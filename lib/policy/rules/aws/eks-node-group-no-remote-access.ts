import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, isUnresolved } from '../../engine/values';

export const eksNodeGroupNoRemoteAccess: Rule = {
  id: 'HMS-EKS-6',
  publicChecks: ['CKV_AWS_100'],
  appliesTo: ['aws_eks_node_group'],
  summary: 'Node groups allow no SSH remote access',
  rationale: 'SSH keys on nodes are long-lived shared authenticators outside IAM (IA-5, AC-17, SC-7).',
  fix: 'Remove remote_access; reach nodes with SSM Session Manager if at all.',
  check(r) {
    const access = block(r.values, 'remote_access');
    if (!access) return pass;
    // The key decides whether SSH reaches the nodes; a key fed by a variable is the operator's choice.
    if (isUnresolved(access.ec2_ssh_key)) return unknown('remote_access is set and its SSH key is not known from the configuration', access.ec2_ssh_key);
    return fail('remote_access opens SSH to the nodes');
  },
};
