import { fail, pass, type Rule } from '../../engine/rule';
import { block } from '../../engine/values';

/** CKV_AWS_100. */
export const eksNodeGroupNoRemoteAccess: Rule = {
  id: 'HMS-EKS-6',
  appliesTo: ['aws_eks_node_group'],
  summary: 'Node groups allow no SSH remote access',
  rationale: 'SSH keys on nodes are long-lived shared authenticators outside IAM (IA-5, AC-17, SC-7).',
  fix: 'Remove remote_access; reach nodes with SSM Session Manager if at all.',
  check: (r) => (block(r.values, 'remote_access') ? fail('remote_access opens SSH to the nodes') : pass),
};
