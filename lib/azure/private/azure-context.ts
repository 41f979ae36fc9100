import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { Fn, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

const CONTEXT_ID = 'AzureContext';

/** Tenant, subscription and the principal running Terraform, read once per stack. */
export class AzureContext extends Construct {
  static of(scope: Construct): AzureContext {
    const stack = TerraformStack.of(scope);
    return (stack.node.tryFindChild(CONTEXT_ID) as AzureContext | undefined) ?? new AzureContext(stack, CONTEXT_ID);
  }

  public readonly tenantId: string;
  public readonly subscriptionId: string;
  /** Object id of the principal that runs Terraform. */
  public readonly deployerObjectId: string;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    const client = new DataAzurermClientConfig(this, 'Client');
    this.tenantId = client.tenantId;
    this.subscriptionId = client.subscriptionId;
    this.deployerObjectId = client.objectId;
  }

  /**
   * A name that must be unique across Azure (Key Vaults, storage accounts):
   * `prefix` and a hash of the subscription and `seed`, lowercase hex, `length` long.
   */
  globalName(prefix: string, seed: string, length: number): string {
    return Fn.format(`${prefix}%s`, [Fn.substr(Fn.sha1(Fn.format('%s/%s', [this.subscriptionId, seed])), 0, length - prefix.length)]);
  }
}
