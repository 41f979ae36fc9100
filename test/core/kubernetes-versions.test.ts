import {
  AKS_VERSION_CALENDAR,
  DEFAULT_KUBERNETES_VERSION,
  EKS_VERSION_CALENDAR,
  judgeVersion,
  supportPhase,
  VERSION_CALENDARS,
  VERSION_WARNING_DAYS,
  versionsInSupport,
} from '../../lib/core/kubernetes-versions';

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('Kubernetes version calendars', () => {
  test('the default is in standard support on both clouds today, and not within the warning window', () => {
    // Fails the build when the calendar goes stale: update lib/core/kubernetes-versions.ts.
    const soon = new Date(Date.now() + VERSION_WARNING_DAYS * 24 * 60 * 60 * 1000);
    for (const cloud of ['aws', 'azure'] as const) {
      expect({ cloud, phase: supportPhase(cloud, DEFAULT_KUBERNETES_VERSION, new Date()) }).toEqual({ cloud, phase: 'standard' });
      expect({ cloud, phase: supportPhase(cloud, DEFAULT_KUBERNETES_VERSION, soon) }).toEqual({ cloud, phase: 'standard' });
    }
  });

  test('the default is the newest version in standard support on both clouds', () => {
    expect(DEFAULT_KUBERNETES_VERSION).toBe('1.36');
    expect(supportPhase('aws', '1.37', at(EKS_VERSION_CALENDAR.checked))).toBe('not-yet-released');
  });

  test.each(Object.values(VERSION_CALENDARS))('$cloud: newest first, each release before its ends, with a source', (calendar) => {
    const minors = calendar.versions.map((v) => Number(v.version.split('.')[1]));
    expect(minors).toEqual([...minors].sort((a, b) => b - a));
    for (const v of calendar.versions) {
      expect(Date.parse(v.released)).toBeLessThan(Date.parse(v.endOfStandardSupport));
      expect(Date.parse(v.endOfStandardSupport)).toBeLessThan(Date.parse(v.endOfExtendedSupport));
    }
    expect(calendar.source).toMatch(/^https:\/\//);
  });

  test('EKS: 14 months of standard support and 12 of extended support', () => {
    for (const v of EKS_VERSION_CALENDAR.versions) {
      const months = (a: string, b: string) => (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
      expect(months(v.released, v.endOfStandardSupport)).toBe(14);
      expect(months(v.endOfStandardSupport, v.endOfExtendedSupport)).toBe(12);
    }
  });

  test('phases change the day after the last day of a phase', () => {
    expect(supportPhase('aws', '1.34', at('2026-12-02'))).toBe('standard');
    expect(supportPhase('aws', '1.34', at('2026-12-03'))).toBe('extended');
    expect(supportPhase('aws', '1.34', at('2027-12-02'))).toBe('extended');
    expect(supportPhase('aws', '1.34', at('2027-12-03'))).toBe('ended');
    expect(supportPhase('azure', '1.33', at('2026-11-22'))).toBe('extended');
    expect(supportPhase('aws', '1.99', at('2026-11-22'))).toBe('not-yet-released');
  });

  test('on 2026-11-22, EKS 1.32 and 1.33 are in extended support and 1.34 leaves standard support on 2026-12-02', () => {
    expect(supportPhase('aws', '1.32', at('2026-11-22'))).toBe('extended');
    expect(supportPhase('aws', '1.33', at('2026-11-22'))).toBe('extended');
    expect(judgeVersion('aws', '1.34', at('2026-11-22')).warning).toMatch(/leaves EKS standard support on 2026-12-02, 10 days from now/);
    expect(versionsInSupport('aws', at('2026-11-22'))).toEqual(['1.36', '1.35', '1.34', '1.33', '1.32', '1.31']);
    expect(versionsInSupport('aws', at('2026-11-27'))).not.toContain('1.31');
  });

  test('judgeVersion refuses what the cloud does not offer, and warns about extended support', () => {
    expect(judgeVersion('aws', '1.31', at('2026-12-01')).refusal).toMatch(/reached the end of EKS support on 2026-11-26; choose one of "1.36", "1.35"/);
    expect(judgeVersion('aws', '1.37', at('2026-11-22')).refusal).toMatch(/EKS does not offer Kubernetes 1.37/);
    expect(judgeVersion('azure', '1.32', at('2026-11-22'))).toMatchObject({ phase: 'extended', warning: expect.stringMatching(/AKS long-term support \(Premium tier/) });
    expect(judgeVersion('azure', '1.36', at('2026-11-22'))).toEqual({ cloud: 'azure', phase: 'standard' });
  });

  test('AKS month-end dates follow Microsoft\'s table ("Mar 2027" is March 31)', () => {
    expect(AKS_VERSION_CALENDAR.versions.find((v) => v.version === '1.35')).toMatchObject({ endOfStandardSupport: '2027-03-31', endOfExtendedSupport: '2028-03-31' });
  });
});
