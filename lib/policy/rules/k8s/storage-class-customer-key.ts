import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isObject, setState } from '../../engine/values';
import { STORAGE_CLASS_TYPES } from './private/storage-class';

export const storageClassCustomerKey: Rule = {
  id: 'HMS-K8S-13',
  appliesTo: STORAGE_CLASS_TYPES,
  summary: 'EBS storage classes name a customer KMS key',
  rationale: 'Without kmsKeyId, EBS uses the AWS-managed key (SC-12, SC-28(1)).',
  fix: 'Set parameters.kmsKeyId to the customer key ARN.',
  check(r) {
    if (r.values.storage_provisioner !== 'ebs.csi.aws.com') return pass;
    const params = isObject(r.values.parameters) ? r.values.parameters : {};
    const set = setState(params.kmsKeyId);
    if (set === 'unknown') return unknown('parameters.kmsKeyId is not known from the configuration', params.kmsKeyId);
    return set ? pass : fail('no parameters.kmsKeyId');
  },
};
