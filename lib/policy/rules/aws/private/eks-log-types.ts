import { strings } from '../../../engine/values';

/** The log types auditors need: who called the API, what they did, how they authenticated. */
export const REQUIRED_EKS_LOG_TYPES = ['api', 'audit', 'authenticator'];
export const ALL_EKS_LOG_TYPES = [...REQUIRED_EKS_LOG_TYPES, 'controllerManager', 'scheduler'];

/** The wanted log types a cluster does not enable, or 'unknown' when its list is not known. */
export function missingLogTypes(value: unknown, wanted: readonly string[]): string[] | 'unknown' {
  const enabled = strings(value);
  if (enabled === 'unknown') return 'unknown';
  return wanted.filter((t) => !(enabled ?? []).includes(t));
}
