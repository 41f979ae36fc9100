/**
 * The dated Kubernetes support calendars of EKS and AKS: one table per cloud, the
 * only place hms-sys learns which versions a cluster may run. Update it when a
 * cloud publishes a new version or moves a date, citing the page you read.
 *
 * A version passes through three phases on each cloud:
 * - `standard`: EKS standard support, AKS community support (the default tiers);
 * - `extended`: EKS extended support (billed per cluster hour; `upgrade_policy.support_type
 *   = EXTENDED`), AKS long-term support (Premium tier with the `AKSLongTermSupport` plan);
 * - `ended`: neither cloud creates or supports the version any more.
 */
import type { Cloud } from './defaults';

/** One minor version on one cloud. Dates are ISO days (UTC), the first day outside the phase being the day after. */
export interface KubernetesVersionLifecycle {
  readonly version: string;
  /** General availability on the cloud. */
  readonly released: string;
  /** Last day of standard (EKS) or community (AKS) support. */
  readonly endOfStandardSupport: string;
  /** Last day of extended (EKS) or long-term (AKS) support. */
  readonly endOfExtendedSupport: string;
}

export interface VersionCalendar {
  readonly cloud: Cloud;
  /** The page the dates were read from. */
  readonly source: string;
  /** The day someone last compared the table with the source. */
  readonly checked: string;
  /** What the cloud calls its paid support after standard support ends. */
  readonly extendedSupportName: string;
  /** Newest first. */
  readonly versions: readonly KubernetesVersionLifecycle[];
}

/**
 * EKS: 14 months of standard support from release, then 12 months of extended support.
 * Dates from the EKS release calendar (docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html);
 * 1.36's release date is from AWS's 1.36 release notes (kubernetes-versions-standard.html) and the
 * 14 + 12 month rule.
 */
export const EKS_VERSION_CALENDAR: VersionCalendar = {
  cloud: 'aws',
  source: 'https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html#kubernetes-release-calendar',
  checked: '2026-11-22',
  extendedSupportName: 'EKS extended support (billed per cluster hour)',
  versions: [
    { version: '1.36', released: '2026-06-02', endOfStandardSupport: '2027-08-02', endOfExtendedSupport: '2028-08-02' },
    { version: '1.35', released: '2026-01-28', endOfStandardSupport: '2027-03-27', endOfExtendedSupport: '2028-03-27' },
    { version: '1.34', released: '2025-10-02', endOfStandardSupport: '2026-12-02', endOfExtendedSupport: '2027-12-02' },
    { version: '1.33', released: '2025-05-29', endOfStandardSupport: '2026-07-29', endOfExtendedSupport: '2027-07-29' },
    { version: '1.32', released: '2025-01-23', endOfStandardSupport: '2026-03-23', endOfExtendedSupport: '2027-03-23' },
    { version: '1.31', released: '2024-09-26', endOfStandardSupport: '2025-11-26', endOfExtendedSupport: '2026-11-26' },
  ],
};

/**
 * AKS: 12 months of community support from GA, then one more year of long-term
 * support on the Premium tier. "Mar 2027" in Microsoft's table means the last day of the month.
 * @see https://learn.microsoft.com/azure/aks/supported-kubernetes-versions#aks-kubernetes-release-calendar
 * @see https://learn.microsoft.com/azure/aks/long-term-support
 */
export const AKS_VERSION_CALENDAR: VersionCalendar = {
  cloud: 'azure',
  source: 'https://learn.microsoft.com/azure/aks/supported-kubernetes-versions#aks-kubernetes-release-calendar',
  checked: '2026-11-22',
  extendedSupportName: 'AKS long-term support (Premium tier, AKSLongTermSupport plan)',
  versions: [
    { version: '1.37', released: '2026-10-01', endOfStandardSupport: '2027-10-31', endOfExtendedSupport: '2028-10-31' },
    { version: '1.36', released: '2026-06-01', endOfStandardSupport: '2027-06-30', endOfExtendedSupport: '2028-06-30' },
    { version: '1.35', released: '2026-03-01', endOfStandardSupport: '2027-03-31', endOfExtendedSupport: '2028-03-31' },
    { version: '1.34', released: '2025-11-01', endOfStandardSupport: '2026-11-30', endOfExtendedSupport: '2027-11-30' },
    { version: '1.33', released: '2025-06-01', endOfStandardSupport: '2026-07-31', endOfExtendedSupport: '2027-07-31' },
    { version: '1.32', released: '2025-04-01', endOfStandardSupport: '2026-03-31', endOfExtendedSupport: '2027-03-31' },
    { version: '1.31', released: '2024-11-01', endOfStandardSupport: '2025-11-01', endOfExtendedSupport: '2026-11-30' },
  ],
};

export const VERSION_CALENDARS: Readonly<Record<Cloud, VersionCalendar>> = { aws: EKS_VERSION_CALENDAR, azure: AKS_VERSION_CALENDAR };

/** A version this close to the end of its phase gets a warning at validate and synth. */
export const VERSION_WARNING_DAYS = 60;

export type SupportPhase = 'not-yet-released' | 'standard' | 'extended' | 'ended';

/** Every version any calendar lists, newest first: the values a blueprint may name. */
export const KNOWN_KUBERNETES_VERSIONS: readonly string[] = [...new Set(Object.values(VERSION_CALENDARS).flatMap((c) => c.versions.map((v) => v.version)))].sort(
  compareVersionsDescending,
);

function compareVersionsDescending(a: string, b: string): number {
  const [, am] = a.split('.').map(Number);
  const [, bm] = b.split('.').map(Number);
  return bm - am;
}

/** Midnight UTC of an ISO day, as milliseconds. */
function day(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The lifecycle of `version` on `cloud`, or undefined when the cloud does not list it. */
export function versionLifecycle(cloud: Cloud, version: string): KubernetesVersionLifecycle | undefined {
  return VERSION_CALENDARS[cloud].versions.find((v) => v.version === version);
}

/** The support phase of `version` on `cloud` on the given day. */
export function supportPhase(cloud: Cloud, version: string, on: Date): SupportPhase {
  const v = versionLifecycle(cloud, version);
  if (!v) return 'not-yet-released';
  const t = on.getTime();
  if (t < day(v.released)) return 'not-yet-released';
  if (t < day(v.endOfStandardSupport) + DAY_MS) return 'standard';
  if (t < day(v.endOfExtendedSupport) + DAY_MS) return 'extended';
  return 'ended';
}

/** Versions a new cluster may run on `cloud` on the given day (standard or extended), newest first. */
export function versionsInSupport(cloud: Cloud, on: Date): string[] {
  return VERSION_CALENDARS[cloud].versions.filter((v) => ['standard', 'extended'].includes(supportPhase(cloud, v.version, on))).map((v) => v.version);
}

/** Versions in standard support on every one of `clouds` on the given day, newest first. */
export function versionsInStandardSupport(clouds: readonly Cloud[], on: Date): string[] {
  return KNOWN_KUBERNETES_VERSIONS.filter((v) => clouds.every((c) => supportPhase(c, v, on) === 'standard'));
}

/**
 * The newest version in standard support on both clouds on the day the calendars
 * were last checked. A constant, so that synthesized output does not change with
 * the clock; a test fails the build when it nears the end of standard support.
 */
export const DEFAULT_KUBERNETES_VERSION: string = (() => {
  const checked = new Date(`${EKS_VERSION_CALENDAR.checked}T00:00:00Z`);
  const [newest] = versionsInStandardSupport(['aws', 'azure'], checked);
  if (!newest) throw new Error('kubernetes-versions: no version is in standard support on every cloud; update the calendars');
  return newest;
})();

/** What validation says about a version on one cloud on a day. */
export interface VersionVerdict {
  readonly cloud: Cloud;
  readonly phase: SupportPhase;
  /** Set when the version must be refused: why, and what to choose instead. */
  readonly refusal?: string;
  /** Set when the version works but someone should act soon, or pays more. */
  readonly warning?: string;
}

const CLOUD_NAMES: Readonly<Record<Cloud, string>> = { aws: 'EKS', azure: 'AKS' };

/**
 * Judges `version` for `cloud` on `on`: refused when the cloud does not offer it
 * (not released, or past the end of all support), warned when it is in extended
 * support or within VERSION_WARNING_DAYS of the end of its phase.
 */
export function judgeVersion(cloud: Cloud, version: string, on: Date): VersionVerdict {
  const calendar = VERSION_CALENDARS[cloud];
  const name = CLOUD_NAMES[cloud];
  const phase = supportPhase(cloud, version, on);
  const supported = versionsInSupport(cloud, on);
  const choose = `choose one of ${supported.map((v) => `"${v}"`).join(', ')} (${name} calendar: ${calendar.source}, checked ${calendar.checked})`;
  const v = versionLifecycle(cloud, version);
  if (phase === 'not-yet-released') {
    return { cloud, phase, refusal: `${name} does not offer Kubernetes ${version}${v ? ` before ${v.released}` : ''}; ${choose}` };
  }
  if (phase === 'ended' || !v) {
    return { cloud, phase, refusal: `Kubernetes ${version} reached the end of ${name} support on ${v?.endOfExtendedSupport}; ${choose}` };
  }
  const end = phase === 'standard' ? v.endOfStandardSupport : v.endOfExtendedSupport;
  const daysLeft = Math.floor((day(end) + DAY_MS - on.getTime()) / DAY_MS);
  const newest = supported[0];
  if (phase === 'extended') {
    return {
      cloud,
      phase,
      warning: `Kubernetes ${version} is past ${name} standard support (ended ${v.endOfStandardSupport}) and runs on ${calendar.extendedSupportName} until ${v.endOfExtendedSupport}${daysLeft <= VERSION_WARNING_DAYS ? `, ${daysLeft} days from now` : ''}; upgrade to "${newest}"`,
    };
  }
  if (daysLeft <= VERSION_WARNING_DAYS) {
    return {
      cloud,
      phase,
      warning: `Kubernetes ${version} leaves ${name} standard support on ${end}, ${daysLeft} days from now; after that it needs ${calendar.extendedSupportName}. Plan the upgrade to "${newest}"`,
    };
  }
  return { cloud, phase };
}
