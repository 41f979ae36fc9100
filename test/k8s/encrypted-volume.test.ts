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
    const tf = synthConstructs((s) => new EncryptedVolume(s, 'vol', { ...BASE, existingVolume: { volumeHandle: 'vol-0123', zone: 'us-gov-west-1a' } }));
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

  describe('shared file storage (kind file)', () => {
    const FILE_TARGET = {
      ...EKS_TARGET,
      fileStorage: { provisioner: 'files.csi.example.com', parameters: { encrypted: 'true' }, accessMode: 'ReadWriteMany' as const, mountOptions: ['tls'] },
    };
    const tf = synthConstructs((s) =>
      new EncryptedVolume(s, 'vol', { ...BASE, target: FILE_TARGET, kind: 'file', existingVolume: { volumeHandle: 'fs-1::fsap-2', volumeAttributes: { share: 'pdfs' } } }),
    );

    test('a ReadWriteMany claim bound to the file system, reachable from every zone', () => {
      const pv = onlyResource(tf, 'kubernetes_persistent_volume_v1');
      expect(pv.spec[0]).toMatchObject({
        access_modes: ['ReadWriteMany'],
        mount_options: ['tls'],
        persistent_volume_source: { csi: { driver: 'files.csi.example.com', volume_handle: 'fs-1::fsap-2', volume_attributes: { share: 'pdfs' } } },
      });
      expect(pv.spec[0].node_affinity).toBeUndefined();
      expect(pv.spec[0].persistent_volume_source.csi.fs_type).toBeUndefined();
      expect(onlyResource(tf, 'kubernetes_persistent_volume_claim_v1').spec.access_modes).toEqual(['ReadWriteMany']);
      expect(onlyResource(tf, 'kubernetes_storage_class_v1').volume_binding_mode).toBe('Immediate');
    });

    test('refuses file storage on a cluster that provides none, and without the file system to bind', () => {
      expect(() => synthConstructs((s) => new EncryptedVolume(s, 'vol', { ...BASE, kind: 'file', existingVolume: { volumeHandle: 'x' } }))).toThrow(
        /provides no shared file storage/,
      );
      expect(() => synthConstructs((s) => new EncryptedVolume(s, 'vol', { ...BASE, target: FILE_TARGET, kind: 'file' }))).toThrow(/pass its file system as existingVolume/);
    });
  });

  test('refuses a size below 1 GiB', () => {
    expect(() => synthConstructs((s) => new EncryptedVolume(s, 'vol', { ...BASE, sizeGiB: 0 }))).toThrow(/sizeGiB \(0\)/);
  });
});
