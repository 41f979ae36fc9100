import { TerraformResource, type IAspect } from 'cdktf';
import type { IConstruct } from 'constructs';

interface Taggable {
  tags: Record<string, string>;
  readonly tagsInput?: Record<string, string>;
}

/**
 * azurerm has no provider-level default tags: this aspect gives every resource
 * that takes tags the blueprint's tags, keeping tags a resource sets itself.
 */
export class TagResources implements IAspect {
  constructor(private readonly tags: Readonly<Record<string, string>>) {}

  visit(node: IConstruct): void {
    if (!TerraformResource.isTerraformResource(node) || !('tagsInput' in node)) return;
    const taggable = node as unknown as Taggable;
    taggable.tags = { ...this.tags, ...(taggable.tagsInput ?? {}) };
  }
}
