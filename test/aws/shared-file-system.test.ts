import { SharedFileSystem, type SharedFileSystemProps } from '../../lib/aws/shared-file-system';
import { onlyResource, policyOf, resourcesOf, synthConstructs } from '../support/synth';

const BASE: SharedFileSystemProps = {
  volumeName: 'contract-pdfs',
  namePrefix: 'dcaa-audit',
  vpcId: 'vpc-1',
  subnetIds: ['subnet-a', 'subnet-b', 'subnet-c'],
  clientSecurityGroupId: 'sg-nodes',
};

describe('SharedFileSystem', () => {
  describe('secure defaults', () => {
    let handle = '';
    const tf = synthConstructs((scope) => {
      handle = new SharedFileSystem(scope, 'fs', BASE).volumeHandle;
    });
    const fs = onlyResource(tf, 'aws_efs_file_system');

    test('EFS encrypted with its own rotating customer key, elastic throughput, protected from destroy (SC-28, SC-12)', () => {
      expect(fs).toMatchObject({ encrypted: true, throughput_mode: 'elastic', performance_mode: 'generalPurpose', lifecycle: { prevent_destroy: true } });
      expect(fs.kms_key_id).toMatch(/^\$\{aws_kms_key\.\w+\.arn\}$/);
      expect(onlyResource(tf, 'aws_kms_key').enable_key_rotation).toBe(true);
    });

    test('a mount target in every private subnet, behind a group that admits NFS from the nodes only and sends nothing (SC-7)', () => {
      expect(resourcesOf(tf, 'aws_efs_mount_target').map((m) => m.subnet_id)).toEqual(['subnet-a', 'subnet-b', 'subnet-c']);
      const sg = onlyResource(tf, 'aws_security_group');
      expect(sg.ingress).toEqual([expect.objectContaining({ protocol: 'tcp', from_port: 2049, to_port: 2049, security_groups: ['sg-nodes'] })]);
      expect(sg.ingress[0].cidr_blocks ?? []).toEqual([]);
      expect(sg.egress).toEqual([]);
      for (const m of resourcesOf(tf, 'aws_efs_mount_target')) expect(m.security_groups).toEqual([expect.stringMatching(/aws_security_group/)]);
    });

    test('the file system policy refuses clients without TLS and allows mounting only through the mount targets (SC-8)', () => {
      const statements = policyOf(onlyResource(tf, 'aws_efs_file_system_policy')).Statement;
      expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Action: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
      const allow = statements.find((s) => s.Effect === 'Allow');
      expect(allow.Action).toEqual(['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite']);
      expect(allow.Condition).toEqual({ Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } });
    });

    test("an access point runs every operation as the workload's user (10001) in the volume's own folder (AC-6)", () => {
      const ap = onlyResource(tf, 'aws_efs_access_point');
      expect(ap.posix_user).toEqual({ uid: 10001, gid: 10001 });
      expect(ap.root_directory).toEqual({ path: '/contract-pdfs', creation_info: { owner_uid: 10001, owner_gid: 10001, permissions: '0750' } });
      // The CSI volume handle of an access point (resolved in the stack tests): fs-...::fsap-...
      expect(handle).toMatch(/^.+::.+$/);
    });
  });

  test('readOnly takes write access away in the file system policy', () => {
    const tf = synthConstructs((scope) => new SharedFileSystem(scope, 'fs', { ...BASE, readOnly: true }));
    const allow = policyOf(onlyResource(tf, 'aws_efs_file_system_policy')).Statement.find((s) => s.Effect === 'Allow');
    expect(allow.Action).toEqual(['elasticfilesystem:ClientMount']);
  });

  test.each([
    [{ subnetIds: [] }, /subnetIds must list the private subnets/],
    [{ posixId: 0 }, /posixId \(0\) must be a non-root user id/],
  ])('refuses %p', (props, message) => {
    expect(() => synthConstructs((scope) => new SharedFileSystem(scope, 'fs', { ...BASE, ...props }))).toThrow(message);
  });
});
