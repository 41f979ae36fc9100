/**
 * A package-lock.json for a project that installs the packed hms-sys, drawn from
 * hms-sys's own lock file: `npm install --offline` then takes every tarball from
 * the npm cache that `npm ci` filled, by integrity. (Offline, npm cannot resolve a
 * version range itself: `npm ci` caches tarballs, not the registry's package
 * documents, so a project without a lock file fails with ERESOLVE.)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dev?: boolean;
  optional?: boolean;
  [key: string]: unknown;
}
export interface Lock {
  name: string;
  version: string;
  lockfileVersion: number;
  requires: boolean;
  packages: Record<string, LockEntry>;
}

/** Where Node finds `name` from the package at `from` (a lock path), or undefined. */
function locate(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir).replace(/\/node_modules$/, '')) {
    const candidate = `${dir === '.' || dir === '' ? '' : `${dir}/`}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (dir === '' || dir === '.') return undefined;
  }
}

/** Dependencies a package needs installed: regular, optional, and peers not marked optional. */
function needs(entry: LockEntry): string[] {
  const peers = Object.keys(entry.peerDependencies ?? {}).filter((p) => !entry.peerDependenciesMeta?.[p]?.optional);
  return [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {}), ...peers];
}

/**
 * The lock for `project` (its package.json) with hms-sys from `tarball`
 * (relative to the project, as package.json names it).
 */
export function offlineLockFor(project: { name: string; version: string; dependencies: Record<string, string>; devDependencies?: Record<string, string> }, hmsLock: Lock, tarballPath: string, tarballSpec: string): Lock {
  const hmsPackage = JSON.parse(execFileSync('tar', ['-xzOf', tarballPath, 'package/package.json'], { encoding: 'utf8' })) as LockEntry & { name: string; dependencies: Record<string, string> };
  const from = hmsLock.packages;
  const picked: Record<string, LockEntry> = {};
  const queue: [string, string][] = Object.keys({ ...project.dependencies, ...project.devDependencies, ...hmsPackage.dependencies })
    .filter((n) => n !== 'hms-sys')
    .map((n) => ['', n]);
  while (queue.length > 0) {
    const [at, name] = queue.shift()!;
    const path = locate(from, at, name);
    if (!path) {
      if (from[at]?.optionalDependencies?.[name] !== undefined) continue;
      throw new Error(`hms-sys's lock file has no ${name} (needed by ${at || 'the project'})`);
    }
    if (picked[path]) continue;
    const { dev: _dev, optional: _optional, devOptional: _devOptional, peer: _peer, ...entry } = from[path]!;
    picked[path] = entry;
    needs(entry).forEach((n) => queue.push([path, n]));
  }
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarballPath)).digest('base64')}`;
  picked['node_modules/hms-sys'] = {
    version: hmsPackage.version,
    resolved: tarballSpec,
    integrity,
    license: hmsPackage.license,
    dependencies: hmsPackage.dependencies,
    bin: hmsPackage.bin,
    engines: hmsPackage.engines,
    peerDependencies: hmsPackage.peerDependencies,
    peerDependenciesMeta: hmsPackage.peerDependenciesMeta,
  };
  const dependencies = { ...project.dependencies, 'hms-sys': tarballSpec };
  return {
    name: project.name,
    version: project.version,
    lockfileVersion: 3,
    requires: true,
    packages: { '': { name: project.name, version: project.version, dependencies, devDependencies: project.devDependencies }, ...picked },
  };
}
