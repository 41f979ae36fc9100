import { FipsNodeImage, fipsBuildDocument, ubuntu2204KubeletVersion } from '../../lib/aws/fips-node-image';
import { CANONICAL_BUILD_DOMAINS } from '../../lib/aws/private/image-build-network';
import { onlyResource, resourcesOf, synthConstructs } from '../support/synth';

describe('FipsNodeImage', () => {
  describe('the image it builds', () => {
    const tf = synthConstructs((scope) => new FipsNodeImage(scope, 'image', { namePrefix: 'demo', kubernetesVersion: '1.36', kmsKey: { kmsKeyArn: 'arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/node-disks' } }));
    const steps = (phase: string) => (JSON.parse(fipsBuildDocument()).phases as any[]).find((p) => p.name === phase).steps as any[];
    const commands = (phase: string) => steps(phase).flatMap((s) => s.inputs?.commands ?? [`<${s.action}>`]);

    test("starts from Canonical's Ubuntu Pro 22.04 EKS image, published by Canonical in either partition", () => {
      const ami = Object.values(tf.data?.aws_ami ?? {})[0] as any;
      expect(ami.owners).toEqual(['099720109477', '513442679011']);
      expect(ami.filter).toContainEqual({ name: 'name', values: ['ubuntu-eks-pro/k8s_1.34/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*'] });
      expect(ami.most_recent).toBe(true);
      const recipe = onlyResource(tf, 'aws_imagebuilder_image_recipe');
      expect(recipe.parent_image).toMatch(/^\$\{data\.aws_ami\.\w+\.id\}$/);
      // New Canonical serials do not rebuild the image on every plan.
      expect(recipe.lifecycle).toEqual({ ignore_changes: ['parent_image'] });
    });

    test('enables FIPS (fips-updates), reboots into the FIPS kernel, and fails the build unless the kernel is in FIPS mode', () => {
      const build = commands('build');
      expect(build).toContain('pro enable fips-updates --assume-yes');
      expect(build).toContain('<Reboot>');
      // Checked right after the reboot, before anything else changes the machine.
      const afterReboot = build.slice(build.indexOf('<Reboot>'), build.indexOf('pro detach --assume-yes'));
      expect(afterReboot).toContain('test "$(cat /proc/sys/crypto/fips_enabled)" = 1');
      expect(afterReboot).toContain('uname -r | grep -q -- -fips');
      expect(commands('validate')).toContain('test "$(cat /proc/sys/crypto/fips_enabled)" = 1');
      expect(commands('test')).toEqual(expect.arrayContaining(['test "$(cat /proc/sys/crypto/fips_enabled)" = 1', 'test -x /etc/eks/bootstrap.sh']));
      for (const phase of ['build', 'validate', 'test']) for (const s of steps(phase).filter((x) => x.action === 'ExecuteBash')) expect(s.inputs.commands[0]).toBe('set -euo pipefail');
    });

    test('detaches from Ubuntu Pro for good, so that nodes never call Canonical at boot, and checks FIPS survived it', () => {
      const build = commands('build');
      const detach = build.indexOf('pro detach --assume-yes');
      expect(build.slice(0, detach).some((c) => c.includes('disable_auto_attach: true'))).toBe(true);
      expect(build.slice(detach)).toContain('test "$(cat /proc/sys/crypto/fips_enabled)" = 1');
      expect(onlyResource(tf, 'aws_imagebuilder_component').data).toBe(fipsBuildDocument());
    });

    test('the AMI is encrypted with the given key, tested in a fresh instance, and awaited up to 3 hours', () => {
      const dist = onlyResource(tf, 'aws_imagebuilder_distribution_configuration').distribution[0];
      expect(dist.ami_distribution_configuration.kms_key_id).toBe('arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/node-disks');
      const image = onlyResource(tf, 'aws_imagebuilder_image');
      expect(image.image_tests_configuration).toEqual({ image_tests_enabled: true, timeout_minutes: 60 });
      expect(image.timeouts).toEqual({ create: '3h' });
    });

    test('the build instance has IMDSv2, no inbound traffic, and is terminated on failure', () => {
      const infra = onlyResource(tf, 'aws_imagebuilder_infrastructure_configuration');
      expect(infra).toMatchObject({ terminate_instance_on_failure: true, instance_metadata_options: { http_tokens: 'required', http_put_response_hop_limit: 1 } });
      const sg = resourcesOf(tf, 'aws_security_group').find((g) => String(g.name).endsWith('image-builder')) as any;
      expect(sg.ingress).toEqual([]);
      expect(sg.egress.map((e: any) => e.from_port).sort()).toEqual([443, 80].sort());
    });
  });

  describe('the build network', () => {
    const tf = synthConstructs((scope) => new FipsNodeImage(scope, 'image', { namePrefix: 'demo', kubernetesVersion: '1.34', kmsKey: { kmsKeyArn: 'k' } }));

    test('the build waits for every route and route table association of the path out and back, not only the first hop', () => {
      const dependsOn = (onlyResource(tf, 'aws_imagebuilder_image').depends_on ?? []) as string[];
      const expected = [
        ...Object.keys(tf.resource?.aws_route ?? {}).map((k) => `aws_route.${k}`),
        ...Object.keys(tf.resource?.aws_route_table_association ?? {}).map((k) => `aws_route_table_association.${k}`),
      ];
      expect(expected.filter((e) => e.startsWith('aws_route.'))).toHaveLength(4);
      expect(expected.filter((e) => e.startsWith('aws_route_table_association.'))).toHaveLength(3);
      expect(dependsOn).toEqual(expect.arrayContaining(expected));
    });

    test('egress only to an allowlist: Canonical Pro and FIPS hosts, the Ubuntu archive, and the regional AWS endpoints of the build', () => {
      const group = onlyResource(tf, 'aws_networkfirewall_rule_group');
      const list = group.rule_group.rules_source.rules_source_list;
      expect(list.generated_rules_type).toBe('ALLOWLIST');
      expect(list.target_types).toEqual(['TLS_SNI', 'HTTP_HOST']);
      expect(list.targets.slice(0, CANONICAL_BUILD_DOMAINS.length)).toEqual(['contracts.canonical.com', 'esm.ubuntu.com', '.archive.ubuntu.com', 'security.ubuntu.com']);
      for (const t of list.targets.slice(CANONICAL_BUILD_DOMAINS.length)) expect(t).toMatch(/^\.?(ssm|ssmmessages|ec2messages|ec2|logs|imagebuilder|s3)\.\$\{data\.aws_region\.\w+\.name\}\.\$\{data\.aws_partition\.\w+\.dns_suffix\}$/);
      const policy = onlyResource(tf, 'aws_networkfirewall_firewall_policy').firewall_policy;
      expect(policy.stateful_default_actions).toContain('aws:drop_established');
      expect(policy.stateful_engine_options).toEqual({ rule_order: 'STRICT_ORDER' });
    });

    test('the builder subnet reaches out only through the firewall, and replies come back through it', () => {
      const routes = resourcesOf(tf, 'aws_route');
      const firewallEndpoint = /^\$\{tolist\(aws_networkfirewall_firewall\.\w+\.firewall_status\[0\]\.sync_states\)\[0\]\.attachment\[0\]\.endpoint_id\}$/;
      const builderTable = Object.keys(tf.resource?.aws_route_table ?? {}).find((k) => k.includes('BuilderRoutes'));
      const builderRoutes = routes.filter((r) => String(r.route_table_id).includes(String(builderTable)));
      expect(builderRoutes).toEqual([expect.objectContaining({ destination_cidr_block: '0.0.0.0/0', vpc_endpoint_id: expect.stringMatching(firewallEndpoint) })]);
      expect(routes.filter((r) => r.gateway_id)).toHaveLength(1);
      expect(routes.some((r) => String(r.destination_cidr_block).includes('aws_subnet') && firewallEndpoint.test(String(r.vpc_endpoint_id)))).toBe(true);
      expect(tf.resource?.aws_ec2_transit_gateway_vpc_attachment).toBeUndefined();
      expect(tf.resource?.aws_vpc_peering_connection).toBeUndefined();
    });

    test('its flows and the firewall alerts are logged, encrypted, with retention; its default security group is closed', () => {
      expect(onlyResource(tf, 'aws_flow_log').traffic_type).toBe('ALL');
      for (const g of resourcesOf(tf, 'aws_cloudwatch_log_group')) expect(g).toMatchObject({ retention_in_days: 365, kms_key_id: expect.stringMatching(/aws_kms_key/) });
      expect(onlyResource(tf, 'aws_networkfirewall_logging_configuration').logging_configuration.log_destination_config[0].log_type).toBe('ALERT');
      expect(onlyResource(tf, 'aws_default_security_group').ingress).toBeUndefined();
    });
  });

  describe('kubelet version', () => {
    test.each([
      ['1.36', '1.34'],
      ['1.35', '1.34'],
      ['1.34', '1.34'],
      ['1.32', '1.32'],
    ])('a %s cluster gets the Ubuntu 22.04 EKS %s image (kubelets may trail the API server by three minor versions)', (cluster, kubelet) => {
      expect(ubuntu2204KubeletVersion(cluster)).toBe(kubelet);
    });

    test.each(['1.38', '1.28'])('%s has no 22.04 image within the skew policy, and says what to do', (version) => {
      expect(() => ubuntu2204KubeletVersion(version)).toThrow(/no Ubuntu 22.04 EKS image within the kubelet skew policy.*aws\.nodeImageId/);
    });
  });

  describe('an upgrade or a patch (day 2)', () => {
    const key = { kmsKeyArn: 'arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/node-disks' };
    const build = (kubernetesVersion: string, revision?: string) =>
      synthConstructs((scope) => new FipsNodeImage(scope, 'image', { namePrefix: 'demo', kubernetesVersion, kmsKey: key, revision }));
    const [v133, v134, patched] = [build('1.33'), build('1.34'), build('1.34', '2026-11-23')];
    const named = ['aws_imagebuilder_image_recipe', 'aws_imagebuilder_infrastructure_configuration', 'aws_imagebuilder_distribution_configuration'];
    const buildLog = (tf: ReturnType<typeof build>) => resourcesOf(tf, 'aws_cloudwatch_log_group').find((g) => String(g.name).startsWith('/aws/imagebuilder/')) as any;

    test('the build log group is the one Image Builder writes to (/aws/imagebuilder/<recipe name>), and stays the same resource across versions and patches', () => {
      for (const tf of [v133, v134, patched]) expect(buildLog(tf).name).toBe(`/aws/imagebuilder/${onlyResource(tf, 'aws_imagebuilder_image_recipe').name}`);
      // Identical configuration: Terraform neither updates nor replaces it (name forces replacement), so no audit log is lost (AU-11).
      expect(buildLog(v134)).toEqual(buildLog(v133));
      expect(buildLog(patched)).toEqual(buildLog(v133));
      expect(buildLog(v133)).toMatchObject({ retention_in_days: 365, kms_key_id: expect.stringMatching(/aws_kms_key/) });
      const logAddress = Object.keys(v133.resource?.aws_cloudwatch_log_group ?? {}).find((k) => k.includes('BuildLogGroup'));
      expect(onlyResource(v134, 'aws_imagebuilder_image').depends_on).toContain(`aws_cloudwatch_log_group.${logAddress}`);
    });

    test('recipe, infrastructure and distribution keep their names (name forces a new resource); the recipe version carries the kubelet and the revision', () => {
      for (const type of named) expect(onlyResource(v134, type).name).toBe(onlyResource(v133, type).name);
      expect([v133, v134, patched].map((tf) => onlyResource(tf, 'aws_imagebuilder_image_recipe').version)).toEqual(['1.33.0', '1.34.0', '1.34.20261123']);
      // Each AMI keeps a unique, dated name; the old one stays for the nodes that still run it.
      expect(onlyResource(patched, 'aws_imagebuilder_distribution_configuration').distribution[0].ami_distribution_configuration.name).toBe(
        'demo-fips-ubuntu-2204-eks-1.34.20261123-{{ imagebuilder:buildDate }}',
      );
    });

    test('a patch starts from the newest Canonical serial: the recipe takes the data source, and ignores it only between versions', () => {
      const recipe = onlyResource(patched, 'aws_imagebuilder_image_recipe');
      expect(recipe.parent_image).toMatch(/^\$\{data\.aws_ami\.\w+\.id\}$/);
      expect((Object.values(patched.data?.aws_ami ?? {})[0] as any).most_recent).toBe(true);
    });

    test.each(['2026-02-30', '20261123', 'next week'])('a revision that is not a day (%s) is refused', (revision) => {
      expect(() => build('1.34', revision)).toThrow(/revision \(.*\) must be a date, YYYY-MM-DD/);
    });
  });
});
