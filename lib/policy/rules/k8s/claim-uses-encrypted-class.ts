import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, isUnresolved, refersTo } from '../../engine/values';
import { metadataOf } from './private/pod-spec';
import { STORAGE_CLASS_TYPES, storageClassEncryption } from './private/storage-class';

/** Derived: no public scanner follows a claim to its class. */
export const claimUsesEncryptedClass: Rule = {
  id: 'HMS-K8S-14',
  appliesTo: ['kubernetes_persistent_volume_claim', 'kubernetes_persistent_volume_claim_v1'],
  summary: 'Persistent volume claims use an encrypted storage class',
  rationale: "A claim without a class gets the cluster default, which may not be encrypted (SC-28, HIPAA 164.312(a)(2)(iv)).",
  fix: "Set spec.storage_class_name to an encrypted class (hms-sys's EncryptedVolume creates one).",
  check(r, ctx) {
    const className = block(r.values, 'spec')?.storage_class_name;
    if (className === undefined || className === '') return fail('no storage_class_name: the cluster default class is used');
    const classes = STORAGE_CLASS_TYPES.flatMap((t) => ctx.resourcesOf(t));
    const sc = classes.find((c) => refersTo(className, c.address) || metadataOf(c.values).name === className);
    if (!sc) return unknown(`storage class ${isUnresolved(className) ? 'reference' : JSON.stringify(className)} is not in this configuration; its encryption cannot be verified`, className);
    const outcome = storageClassEncryption(sc);
    return outcome.status === 'pass' ? pass : outcome.status === 'fail' ? fail(`class ${String(metadataOf(sc.values).name)}: ${outcome.message}`) : outcome;
  },
};
