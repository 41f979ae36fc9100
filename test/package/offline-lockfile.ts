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

/** Where the project takes hms-sys from: its package.json, the spec and the lock's `resolved`/`integrity`. */
export interface HmsSource {
  readonly manifest: LockEntry & { name: string; dependencies: Record<string, string> };
  /** As the project's package.json names it: `file:../hms-sys-0.1.0.tgz`, `git+file:///...#<commit>`. */
  readonly spec: string;
  readonly integrity?: string;
}

/** hms-sys from a packed tarball (`tarballSpec` relative to the project, as package.json names it). */
export function tarballSource(tarballPath: string, tarballSpec: string): HmsSource {
  return {
    manifest: JSON.parse(execFileSync('tar', ['-xzOf', tarballPath, 'package/package.json'], { encoding: 'utf8' })),
    spec: tarballSpec,
    integrity: `sha512-${createHash('sha512').update(readFileSync(tarballPath)).digest('base64')}`,
  };
}

/**
 * hms-sys from a git repository at a commit: npm clones it, installs its
 * devDependencies from its own lock file, runs `prepare` (the build) and packs it.
 */
export function gitSource(repository: string, commit: string): HmsSource {
  return {
    manifest: JSON.parse(execFileSync('git', ['-C', repository, 'show', `${commit}:package.json`], { encoding: 'utf8' })),
    spec: `git+file://${repository}#${commit}`,
  };
}

/** The lock for `project` (its package.json) with hms-sys from `hms`. */
export function offlineLockFor(project: { name: string; version: string; dependencies: Record<string, string>; devDependencies?: Record<string, string> }, hmsLock: Lock, hms: HmsSource): Lock {
  const hmsPackage = hms.manifest;
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
  picked['node_modules/hms-sys'] = {
    version: hmsPackage.version,
    resolved: hms.spec,
    ...(hms.integrity ? { integrity: hms.integrity } : {}),
    license: hmsPackage.license,
    dependencies: hmsPackage.dependencies,
    bin: hmsPackage.bin,
    engines: hmsPackage.engines,
    peerDependencies: hmsPackage.peerDependencies,
    peerDependenciesMeta: hmsPackage.peerDependenciesMeta,
  };
  const dependencies = { ...project.dependencies, 'hms-sys': hms.spec };
  return {
    name: project.name,
    version: project.version,
    lockfileVersion: 3,
    requires: true,
    packages: { '': { name: project.name, version: project.version, dependencies, devDependencies: project.devDependencies }, ...picked },
  };
}
