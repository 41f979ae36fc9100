import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MissingProviderError, PROVIDER_BINDINGS, requireProviderBinding } from '../../lib/core/providers';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('provider bindings', () => {
  test('each is an optional peer dependency at the version we develop against', () => {
    for (const { packageName, version } of Object.values(PROVIDER_BINDINGS)) {
      expect([packageName, pkg.peerDependencies[packageName], pkg.peerDependenciesMeta[packageName], pkg.devDependencies[packageName]]).toEqual([packageName, `^${version}`, { optional: true }, version]);
      expect(pkg.dependencies[packageName]).toBeUndefined();
    }
  });

  test('cdktf and constructs are peer dependencies, so the agency app and hms-sys share one copy when they can', () => {
    expect(pkg.peerDependencies).toMatchObject({ cdktf: `^${pkg.devDependencies.cdktf}`, constructs: `^${pkg.devDependencies.constructs}` });
    expect(pkg.peerDependenciesMeta.cdktf).toBeUndefined();
    expect(pkg.dependencies.cdktf).toBeUndefined();
    expect(pkg.dependencies.constructs).toBeUndefined();
  });

  test('a missing one is one line naming the package to install', () => {
    const missing = () => {
      throw new Error("Cannot find module '@cdktf/provider-azurerm/package.json'");
    };
    let error: unknown;
    try {
      requireProviderBinding('azure', 'hms-sys/azure', missing);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingProviderError);
    const e = error as MissingProviderError;
    expect(e.message).toBe('hms-sys/azure needs the provider bindings @cdktf/provider-azurerm, which are not installed; run: npm install --save-exact @cdktf/provider-azurerm@14.23.1');
    expect(e.stack).toBe(`MissingProviderError: ${e.message}`);
    expect(e.exitCode).toBe(3);
  });

  test('an installed one passes', () => {
    expect(() => requireProviderBinding('aws', 'hms-sys/aws')).not.toThrow();
  });
});
