import { ToolchainError } from './errors';

/**
 * The prebuilt provider bindings each part of hms-sys loads, with the version our
 * code is written and tested against. They are optional peer dependencies: an
 * AWS-only agency omits `@cdktf/provider-azurerm` (269 MB), an Azure-only one
 * `@cdktf/provider-aws`. A test keeps this table equal to package.json.
 */
export const PROVIDER_BINDINGS = {
  aws: { packageName: '@cdktf/provider-aws', version: '20.1.0' },
  azure: { packageName: '@cdktf/provider-azurerm', version: '14.23.1' },
  k8s: { packageName: '@cdktf/provider-kubernetes', version: '12.1.1' },
  tfe: { packageName: '@cdktf/provider-tfe', version: '12.5.1' },
} as const;

export type ProviderBinding = keyof typeof PROVIDER_BINDINGS;

/** Raised when a part of hms-sys is used whose provider bindings are not installed. */
export class MissingProviderError extends ToolchainError {
  constructor(message: string) {
    super(message);
    this.name = 'MissingProviderError';
    // Uncaught, Node prints `stack`: keep it the one line that says what to install.
    this.stack = `${this.name}: ${message}`;
  }
}

/**
 * Fails with one line naming the package to install when `binding`'s provider
 * package cannot be resolved; `usedBy` says what needed it (`hms-sys/azure`).
 */
export function requireProviderBinding(binding: ProviderBinding, usedBy: string, resolve: (id: string) => string = require.resolve): void {
  const { packageName, version } = PROVIDER_BINDINGS[binding];
  try {
    resolve(`${packageName}/package.json`);
  } catch {
    throw new MissingProviderError(
      `${usedBy} needs the provider bindings ${packageName}, which are not installed; run: npm install --save-exact ${packageName}@${version}`,
    );
  }
}

/**
 * A provider package that a module imports at load time and that is not installed
 * (`Cannot find module '@cdktf/provider-azurerm/lib/key-vault'`), as the one line
 * that names the package to install; undefined for any other error.
 */
export function missingProviderOf(error: unknown): MissingProviderError | undefined {
  const e = error as { code?: unknown; message?: unknown } | null;
  const message = e?.message;
  if (e?.code !== 'MODULE_NOT_FOUND' || typeof message !== 'string') return undefined;
  const binding = Object.values(PROVIDER_BINDINGS).find((b) => message.includes(`'${b.packageName}'`) || message.includes(`'${b.packageName}/`));
  return binding && new MissingProviderError(`hms-sys needs the provider bindings ${binding.packageName} for this, which are not installed; run: npm install --save-exact ${binding.packageName}@${binding.version}`);
}
