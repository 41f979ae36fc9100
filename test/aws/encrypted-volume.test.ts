import { CustomerManagedKey } from '../../lib/aws/customer-managed-key';
import { EncryptedVolume } from '../../lib/aws/encrypted-volume';
import { onlyResource, resourcesOf, synthConstructs } from '../support/synth';

const BASE = { volumeName: 'contract-pdfs', namePrefix: 'dcaa', sizeGiB: 1024, availabilityZone: 'us-gov-west-1a' };

describe('EncryptedVolume', () => {
  describe('secure defaults', () => {
    const tf = synthConstructs((scope) => new EncryptedVolume(scope, 'vol', BASE));
    const volume = onlyResource(tf, 'aws_ebs_volume');

    test('an encrypted gp3 volume of the requested size (SC-28, CKV_AWS_3)', () => {
      expect(volume).toMatchObject({ encrypted: true, type: 'gp3', size: 1024, iops: 3000, throughput: 125, availability_zone: 'us-gov-west-1a' });
    });

    test('encrypted with its own customer-managed key with rotation (CKV_AWS_189)', () => {
      expect(volume.kms_key_id).toMatch(/\$\{aws_kms_key\.\w+\.arn\}/);
      expect(onlyResource(tf, 'aws_kms_key')).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
    });

    test('protected from destroy, and snapshotted if ever deleted', () => {
      expect(volume.lifecycle).toEqual({ prevent_destroy: true });
      expect(volume.final_snapshot).toBe(true);
    });

    test('tagged with its name', () => {
      expect(volume.tags).toEqual({ Name: 'contract-pdfs' });
    });
  });

  describe('options', () => {
    test('kmsKey uses a given key instead of creating one', () => {
      const tf = synthConstructs((scope) => {
        const key = new CustomerManagedKey(scope, 'shared', { description: 'd', aliasName: 'a' });
        new EncryptedVolume(scope, 'vol', { ...BASE, kmsKey: key });
      });
      expect(resourcesOf(tf, 'aws_kms_key')).toHaveLength(1);
    });

    test('iops and throughputMiBps', () => {
      const tf = synthConstructs((scope) => new EncryptedVolume(scope, 'vol', { ...BASE, iops: 6000, throughputMiBps: 500 }));
      expect(onlyResource(tf, 'aws_ebs_volume')).toMatchObject({ iops: 6000, throughput: 500 });
    });

    test('preventDestroy false lifts the protection', () => {
      const tf = synthConstructs((scope) => new EncryptedVolume(scope, 'vol', { ...BASE, preventDestroy: false }));
      expect(onlyResource(tf, 'aws_ebs_volume').lifecycle).toEqual({ prevent_destroy: false });
    });
  });

  describe('validation errors', () => {
    test.each([
      [{ sizeGiB: 0 }, /EncryptedVolume.sizeGiB \(0\) must be a whole number from 1 to 16384/],
      [{ sizeGiB: 20000 }, /sizeGiB \(20000\)/],
      [{ iops: 100 }, /iops \(100\) must be from 3000 to 16000/],
      [{ throughputMiBps: 2000 }, /throughputMiBps \(2000\) must be from 125 to 1000/],
    ])('%p', (props, message) => {
      expect(() => synthConstructs((scope) => new EncryptedVolume(scope, 'vol', { ...BASE, ...props }))).toThrow(message);
    });
  });
});
