/**
 * An agency's own stack: hms-sys constructs (network, cluster, node pool) next to
 * the agency's own resources, all under hms-sys's FedRAMP baseline. AWS only: the
 * project installs @cdktf/provider-aws and not the Azure or Kubernetes bindings.
 *
 *   npm install && npx cdktf synth     # or: npx tsx main.ts
 *   npx hms-sys check agency.out/stacks/agency-platform/cdk.tf.json
 */
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { aws, policy } from 'hms-sys';

// Its own output folder (cdktf.json "output" says the same): hms-sys writes the blueprint's
// stacks to cdktf.out, and an output folder belongs to one app.
const app = new App({ outdir: 'agency.out' });
const stack = new TerraformStack(app, 'agency-platform');
new AwsProvider(stack, 'aws', { region: 'us-gov-west-1' });
// Every resource of the stack, ours and the agency's, is checked at synth. Strict: a warning
// stops synthesis too, unless it is acknowledged with a reason.
policy.FedRampBaseline.of(stack, { strict: true });

const network = new aws.IsolatedNetwork(stack, 'network', { name: 'agency' });
const cluster = new aws.SecureCluster(stack, 'cluster', { clusterName: 'agency', subnetIds: network.privateSubnetIds });
// The agency sizes the pool per environment, at plan time.
const nodes = new TerraformVariable(stack, 'node_count', { type: 'number', default: 3, description: 'nodes in the general pool' });
new aws.SecureNodePool(stack, 'pool', { cluster, nodePoolName: 'general', subnetIds: network.privateSubnetIds, desiredSize: nodes.numberValue, runtime: 'fips-ubuntu-22.04' });

// The agency's own resource: debug logs of its intake service, under the network's log key.
const debugLogs = new CloudwatchLogGroup(stack, 'intake-debug-logs', { name: '/agency/intake/debug', retentionInDays: 30, kmsKeyId: network.logKey.kmsKeyArn });
// Kept 30 days, not the 365 that AU-11 asks of audit records: say why, once, where the assessor reads it.
policy.FedRampBaseline.acknowledge(debugLogs, 'HMS-LOG-3', 'debug output only; audit records go to the cluster audit log (365 days), SSP AU-11 row 4');

app.synth();
