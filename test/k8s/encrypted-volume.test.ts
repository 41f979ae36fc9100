import { EncryptedVolume } from '../../lib/k8s/encrypted-volume';
import { AKS_TARGET, EKS_TARGET } from '../support/k8s-fixtures';
import { onlyResource, synthConstructs } from '../support/synth';

const BASE = { target: EKS_TARGET, namespaceName: 'dcaa', volumeName: 'contract-pdfs', sizeGiB: 1024 };

describe('k8s.EncryptedVolume', () => {
  describe('dynamic provisioning (no existing disk)', () => {
    const tf = synthConstructs((s) => new EncryptedVolume(s, 'vol', BASE));

    test('an EBS storage class that encrypts with the customer key, retains disks and allows expansion', () => {
      expect(onlyResource(tf, 'kubernetes_storage_class_v1')).toMatchObject({
        storage_provisioner: 'ebs.csi.aws.com',
        parameters: { type: 'gp3', encrypted: 'true', kmsKeyId: 'arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/abc' },
        reclaim_policy: 'Retain',
        allow_volume_expansion: true,
        volume_binding_mode: 'WaitForFirstConsumer',
      });
    });

    test('a claim of the blueprint size on that class, protected from destroy, and no pre-bound volume', () => {
      const claim = onlyResource(tf, 'kubernetes_persistent_volume_claim_v1');
      expect(claim.spec).toMatchObject({ access_modes: ['ReadWriteOnce'], resources: { requests: { storage: '1024Gi' } } });
      expect(claim.spec.storage_class_name).toMatch(/kubernetes_storage_class_v1/);
      expect(claim.lifecycle).toEqual({ prevent_destroy: true });
      expect(tf.resource?.kubernetes_persistent_volume_v1).toBeUndefined();
    });
  });

  test('static provisioning binds the claim to the disk the cloud stack created, in its zone', () => {
    const tf = synthConstructs((s) => new EncryptedVolume(s, 'vol', { ...BASE, existingDisk: { volumeHandle: 'vol-0123', zone: 'us-gov-west-1a' } }));
    const pv = onlyResource(tf, 'kubernetes_persistent_volume_v1');
    expect(pv.spec[0]).toMatchObject({
      capacity: { storage: '1024Gi' },
      persistent_volume_reclaim_policy: 'Retain',
      persistent_volume_source: { csi: { driver: 'ebs.csi.aws.com', volume_handle: 'vol-0123', fs_type: 'ext4' } },
      node_affinity: { required: { node_selector_term: [{ match_expressions: [{ key: 'topology.ebs.csi.aws.com/zone', operator: 'In', values: ['us-gov-west-1a'] }] }] } },
    });
    expect(onlyResource(tf, 'kubernetes_persistent_volume_claim_v1').spec.volume_name).toMatch(/kubernetes_persistent_volume_v1/);
  });

  test('on AKS the class encrypts through the disk encryption set', () => {
    const tf = synthConstructs((s) => new EncryptedVolume(s, 'vol', { ...BASE, target: AKS_TARGET }));
    expect(onlyResource(tf, 'kubernetes_storage_class_v1')).toMatchObject({
      storage_provisioner: 'disk.csi.azure.com',
      parameters: { skuName: 'Premium_LRS', diskEncryptionSetID: expect.stringContaining('diskEncryptionSets/des'), networkAccessPolicy: 'DenyAll' },
    });
  });

  test('refuses a size below 1 GiB', () => {
    expect(() => synthConstructs((s) => new EncryptedVolume(s, 'vol', { ...BASE, sizeGiB: 0 }))).toThrow(/sizeGiB \(0\)/);
  });
});
