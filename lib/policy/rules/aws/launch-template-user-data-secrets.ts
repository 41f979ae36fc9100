import { fail, pass, type Rule } from '../../engine/rule';
import { INSTANCE_TYPES, userDataOf } from './private/instance-settings';

const SECRET_PATTERNS = [
  /\b(AKIA|ASIA)[0-9A-Z]{16}\b/, // AWS access key id
  /aws_secret_access_key\s*[=:]/i,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
];

function texts(userData: string): string[] {
  const decoded = /^[A-Za-z0-9+/=\s]+$/.test(userData) ? Buffer.from(userData, 'base64').toString('utf8') : '';
  return [userData, decoded];
}

export const launchTemplateUserDataSecrets: Rule = {
  id: 'HMS-LT-6',
  publicChecks: ['CKV_AWS_46', 'AVD-AWS-0129', 'AVD-AWS-0029'],
  appliesTo: INSTANCE_TYPES,
  summary: 'User data holds no credentials or private keys',
  rationale: 'User data is readable by anyone who can describe the instance or reach IMDS (IA-5, SC-28).',
  fix: 'Remove the secret; give the node a role, and read secrets from Secrets Manager at boot.',
  check(r) {
    const found = userDataOf(r).filter((u): u is string => typeof u === 'string').some((u) => texts(u).some((t) => SECRET_PATTERNS.some((p) => p.test(t))));
    return found ? fail('user data contains a credential or private key') : pass;
  },
};
