import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Testing } from 'cdktf';
import { AksStack } from '../../stacks/aks-stack';
import { addBlueprintStacks, AKS_ENTRA_SERVER_ID } from '../../stacks/app';
import { EksStack } from '../../stacks/eks-stack';
import { KubernetesStack } from '../../stacks/kubernetes-stack';
import { exampleBlueprint, onlyResource, synthStack, type TfJson } from '../support/synth';

/** Builds and fully synthesizes the app: cross-stack references resolve only then. */
function build(edit?: (yaml: string) => string) {
  const app = Testing.app();
  const result = addBlueprintStacks(app, [exampleBlueprint(edit)]);
  app.synth();
  const byName = Object.fromEntries(result.stacks.map((s) => [s.stackName, s.stack]));
  const json = (name: string): TfJson => JSON.parse(readFileSync(join(app.outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'));
  return { app, result, byName, json };
}

describe('addBlueprintStacks', () => {
  const { result, byName } = build();

  test('the example yields four stacks: each cloud and its Kubernetes layer', () => {
    expect(result.stacks.map((s) => [s.stackName, s.layer])).toEqual([
      ['dcaa-audit-aws', 'cloud'],
      ['dcaa-audit-aws-k8s', 'kubernetes'],
      ['dcaa-audit-azure', 'cloud'],
      ['dcaa-audit-azure-k8s', 'kubernetes'],
    ]);
    expect(byName['dcaa-audit-aws']).toBeInstanceOf(EksStack);
    expect(byName['dcaa-audit-azure']).toBeInstanceOf(AksStack);
  });

  test('each Kubernetes stack depends on its cluster stack and reads it through remote state', () => {
    expect(byName['dcaa-audit-aws-k8s'].dependencies).toEqual([byName['dcaa-audit-aws']]);
    expect(byName['dcaa-audit-azure-k8s'].dependencies).toEqual([byName['dcaa-audit-azure']]);
  });

  test('every stack passes the policy packs', () => {
    for (const stack of Object.values(byName)) expect(stack.node.validate()).toEqual([]);
  });

  test('says why a claim is not mounted by ten replicas where a cloud has no shared storage: now neither does (EFS on AWS, an NFS share on Azure)', () => {
    expect(result.notices.filter((n) => n.includes('not mounted by the workload'))).toEqual([]);
  });
});

describe('KubernetesStack', () => {
  const { json } = build();
  const aws = json('dcaa-audit-aws-k8s');
  const azure = json('dcaa-audit-azure-k8s');

  test('matches the snapshots', () => {
    expect(aws).toMatchSnapshot('aws-k8s');
    expect(azure).toMatchSnapshot('azure-k8s');
  });

  test('EKS: endpoint and CA from the cluster stack, token from aws eks get-token; nothing on disk', () => {
    const [provider] = aws.provider?.kubernetes as any[];
    expect(provider.host).toMatch(/terraform_remote_state\.cross-stack-reference-input-dcaa-audit-aws\.outputs/);
    expect(provider.cluster_ca_certificate).toMatch(/^\$\{base64decode\(data\.terraform_remote_state/);
    expect(provider.exec).toEqual([{ api_version: 'client.authentication.k8s.io/v1beta1', command: 'aws', args: ['eks', 'get-token', '--cluster-name', 'dcaa-audit', '--region', 'us-gov-west-1', '--output', 'json'] }]);
    expect(provider.config_path).toBeUndefined();
    expect(provider.token).toBeUndefined();
  });

  test('AKS: Entra ID tokens from kubelogin for Azure Government', () => {
    const [provider] = azure.provider?.kubernetes as any[];
    expect(provider.exec[0]).toMatchObject({ command: 'kubelogin', args: ['get-token', '--login', 'azurecli', '--server-id', AKS_ENTRA_SERVER_ID, '--environment', 'AzureUSGovernmentCloud'] });
  });

  test('the cluster stacks mark the outputs they share as sensitive, and output nothing secret themselves', () => {
    const eks = json('dcaa-audit-aws');
    const shared = Object.entries(eks.output ?? {}).filter(([name]) => name.startsWith('cross-stack-output-'));
    expect(shared.length).toBeGreaterThan(0);
    for (const [, output] of shared) expect((output as any).sensitive).toBe(true);
  });

  test('EKS: the ten replicas share the EFS access point, mounted over TLS at /data/pdfs by every one of them', () => {
    const pv = onlyResource(aws, 'kubernetes_persistent_volume_v1').spec[0];
    expect(pv.access_modes).toEqual(['ReadWriteMany']);
    expect(pv.mount_options).toEqual(['tls']);
    expect(pv.persistent_volume_source.csi.driver).toBe('efs.csi.aws.com');
    expect(pv.persistent_volume_source.csi.volume_handle).toMatch(/^\$\{[^}]*cross-stack-output-aws_efs_file_system[^}]*id\}::\$\{[^}]*cross-stack-output-aws_efs_access_point[^}]*id\}$/);
    expect(pv.node_affinity).toBeUndefined();
    expect(onlyResource(aws, 'kubernetes_persistent_volume_claim_v1').spec.access_modes).toEqual(['ReadWriteMany']);
    const deployment = onlyResource(aws, 'kubernetes_deployment_v1').spec;
    expect(deployment.replicas).toBe('10');
    expect(deployment.template.spec.container[0].volume_mount).toContainEqual({ name: 'data', mount_path: '/data/pdfs', read_only: false });
  });

  test('EKS: pods pull the upstream image through the private ECR pull-through cache, while the blueprint names ghcr.io', () => {
    const image = onlyResource(aws, 'kubernetes_deployment_v1').spec.template.spec.container[0].image;
    expect(image).toMatch(/^\$\{[^}]*account_id\}\.dkr\.ecr\.\$\{[^}]*\}\.\$\{[^}]*dns_suffix\}\/dcaa-audit\/ghcr\/hms\/dcaa-audit:v1\.0$/);
    const { '//': _metadata, ...deployment } = onlyResource(aws, 'kubernetes_deployment_v1');
    expect(JSON.stringify(deployment)).not.toContain('ghcr.io/');
    // HMS-K8S-9 reads the tag after the apply-time registry host: nothing to acknowledge.
    expect(JSON.stringify(_metadata ?? {})).not.toContain('HMS-K8S-9');
  });

  test('EKS: an internal NLB admits the agency range only, and keeps client addresses for the NetworkPolicy', () => {
    const service = onlyResource(aws, 'kubernetes_service_v1');
    expect(service.metadata.annotations).toEqual({ 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb', 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' });
    expect(service.spec).toMatchObject({ type: 'LoadBalancer', load_balancer_source_ranges: ['192.168.15.0/24'], external_traffic_policy: 'Local' });
    const allow = Object.values(aws.resource?.kubernetes_network_policy_v1 ?? {}).find((p: any) => p.metadata.name === 'dcaa-isolated-allow-ingress') as any;
    expect(allow.spec.ingress[0].from).toEqual([{ ip_block: { cidr: '192.168.15.0/24' } }]);
    expect(allow.spec.ingress[0].ports).toEqual([{ port: '8080', protocol: 'TCP' }]);
  });

  test('EKS: the system pods strict NetworkPolicy would starve get their own policies: CoreDNS and the EFS CSI controller', () => {
    const system = Object.values(aws.resource?.kubernetes_network_policy_v1 ?? {}).filter((p: any) => p.metadata.namespace === 'kube-system') as any[];
    expect(system.map((p) => [p.metadata.name, p.spec.pod_selector.match_labels])).toEqual([
      ['hms-sys-coredns', { 'k8s-app': 'kube-dns' }],
      ['hms-sys-efs-csi-controller', { app: 'efs-csi-controller' }],
    ]);
    for (const p of system) expect(p.spec.egress).toEqual([{}]);
    expect(system[0].spec.ingress[0].ports).toEqual([{ port: '53', protocol: 'UDP' }, { port: '53', protocol: 'TCP' }]);
    expect(system[1].spec.ingress).toBeUndefined();
  });

  test('AKS: ten replicas mount one NFS share read-write at /data/pdfs, encrypted in transit (item 8)', () => {
    const pv = onlyResource(azure, 'kubernetes_persistent_volume_v1');
    expect(pv.spec[0]).toMatchObject({ access_modes: ['ReadWriteMany'], mount_options: ['nconnect=4', 'noresvport', 'actimeo=30'] });
    expect(pv.spec[0].persistent_volume_source.csi).toMatchObject({
      driver: 'file.csi.azure.com',
      volume_attributes: { protocol: 'nfs', resourceGroup: expect.stringMatching(/dcaa-audit-rg|cross-stack/), shareName: 'contract-pdfs', encryptInTransit: 'true' },
    });
    expect(pv.spec[0].persistent_volume_source.csi.volume_handle).toMatch(/#contract-pdfs$/);
    expect(pv.spec[0].node_affinity).toBeUndefined();
    expect(onlyResource(azure, 'kubernetes_persistent_volume_claim_v1').spec.access_modes).toEqual(['ReadWriteMany']);
    const spec = onlyResource(azure, 'kubernetes_deployment_v1').spec;
    expect(spec.replicas).toBe('10');
    expect(spec.template.spec.container[0].volume_mount).toContainEqual({ name: 'data', mount_path: '/data/pdfs', read_only: false });
    // The class provisions only into the blueprint's own account (customer key).
    expect(onlyResource(azure, 'kubernetes_storage_class_v1').parameters).toMatchObject({ protocol: 'nfs', storageAccount: expect.stringMatching(/cross-stack-output/) });
  });

  test('AKS: pods pull the upstream image through the private registry cache (item 7)', () => {
    const image = onlyResource(azure, 'kubernetes_deployment_v1').spec.template.spec.container[0].image;
    expect(image).toMatch(/^\$\{.*cross-stack-output-azurerm_container_registry.*\}\/ghcr\.io\/hms\/dcaa-audit:v1\.0$/);
  });

  test('AKS: an internal load balancer in the node subnet, open to the agency range only (item 9)', () => {
    expect(onlyResource(azure, 'kubernetes_service_v1')).toMatchObject({
      metadata: { annotations: { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true', 'service.beta.kubernetes.io/azure-load-balancer-internal-subnet': 'nodes' } },
      spec: { type: 'LoadBalancer', load_balancer_source_ranges: ['192.168.15.0/24'], external_traffic_policy: 'Local' },
    });
  });

  test('AKS: one replica binds a static claim to the managed disk in its zone', () => {
    const single = build((y) => y.replace('replicas: 10', 'replicas: 1')).json('dcaa-audit-azure-k8s');
    const azurePv = onlyResource(single, 'kubernetes_persistent_volume_v1');
    expect(azurePv.spec[0].node_affinity.required.node_selector_term[0].match_expressions[0]).toMatchObject({ key: 'topology.disk.csi.azure.com/zone', values: ['usgovvirginia-1'] });
  });

  test('outputs the status summary: namespace, policy, egress, deployment, replicas, claim', () => {
    expect(Object.keys(aws.output ?? {}).sort()).toEqual(['claim_access_mode', 'claim_mount_path', 'claim_name', 'deployment_name', 'egress', 'image', 'namespace_name', 'network_policy_name', 'replicas', 'service_name', 'system_network_policies']);
    expect(azure.output?.claim_mount_path).toEqual({ value: '/data/pdfs' });
  });
});

describe('volume provisioning choices', () => {
  // Dynamic provisioning applies to a block volume, which one replica mounts.
  const dynamicYaml = (y: string) => y.replace('    encryption: aes256', '    encryption: aes256\n    provisioning: dynamic').replace('replicas: 10', 'replicas: 1');

  test('dynamic: the cloud stacks create a key but no disk, and Kubernetes provisions on first use', () => {
    const { json } = build(dynamicYaml);
    const eks = json('dcaa-audit-aws');
    expect(eks.resource?.aws_ebs_volume).toBeUndefined();
    expect(Object.keys(eks.resource?.aws_kms_alias ?? {}).some((k) => k.startsWith('volume-key'))).toBe(true);
    const aks = json('dcaa-audit-azure');
    expect(aks.resource?.azurerm_managed_disk).toBeUndefined();
    const k8s = json('dcaa-audit-aws-k8s');
    expect(k8s.resource?.kubernetes_persistent_volume_v1).toBeUndefined();
    expect(onlyResource(k8s, 'kubernetes_storage_class_v1').parameters.kmsKeyId).toMatch(/cross-stack-output-aws_kms_key/);
  });

  test('a single replica mounts the block claim at the default /data/pdfs, and nothing is said', () => {
    const { result, json } = build((y) => y.replace('replicas: 10', 'replicas: 1'));
    const spec = onlyResource(json('dcaa-audit-aws-k8s'), 'kubernetes_deployment_v1').spec.template.spec;
    expect(spec.container[0].volume_mount).toContainEqual({ name: 'data', mount_path: '/data/pdfs', read_only: false });
    expect(result.notices.some((n) => n.includes('not mounted'))).toBe(false);
  });

  test('a blueprint with "storage: none" and no workload has no claim and no deployment', () => {
    const app = new App();
    const bp = exampleBlueprint((y) => y.replace(/storage:[\s\S]*?(?=network:)/, 'storage: none\n').replace(/workload:[\s\S]*$/, ''));
    const { stacks } = addBlueprintStacks(app, [{ ...bp, clouds: ['aws'] }]);
    const k8s = synthStack(stacks.find((s) => s.stackName.endsWith('-k8s'))!.stack as KubernetesStack);
    expect(k8s.resource?.kubernetes_persistent_volume_claim_v1).toBeUndefined();
    expect(k8s.resource?.kubernetes_deployment_v1).toBeUndefined();
    expect(onlyResource(k8s, 'kubernetes_namespace_v1').metadata.name).toBe('dcaa-audit');
  });
});
