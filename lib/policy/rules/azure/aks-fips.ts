import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';
import { AKS, AKS_NODE_POOL, nodePoolSettings } from './private/aks';

/** Derived: AKS FIPS-enabled node pools; no checkov check. */
export const aksFips: Rule = {
  id: 'HMS-AKS-13',
  appliesTo: [AKS, AKS_NODE_POOL],
  summary: 'AKS node pools run FIPS-enabled images',
  rationale: 'Cryptography protecting CUI and PHI must use FIPS 140 validated modules (SC-13).',
  fix: 'Set fips_enabled = true on every node pool (changing it needs temporary_name_for_rotation).',
  check(r) {
    const v = bool(nodePoolSettings(r)?.fips_enabled);
    if (v === 'unknown') return unknown('fips_enabled is not known from the configuration', nodePoolSettings(r)?.fips_enabled);
    return v === true ? pass : fail('FIPS is not enabled on the node pool');
  },
};
