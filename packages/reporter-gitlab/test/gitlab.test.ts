// `--format gitlab` on results the real engine produced: GitLab Code Quality's required fields,
// paths relative to the repository root, and fingerprints that survive edits elsewhere in the file.
import { describe, expect, it } from 'vitest';
import { format, toCodeQuality, type CodeQualityIssue } from '@migralint/reporter-gitlab';
import { lintDemo, lintRealistic } from '../../../test/support/reporter-demo.js';

const options = { cwd: '/project/supabase', root: '/project' };

describe('GitLab Code Quality report', () => {
  it('has one issue per open finding with the fields GitLab reads', async () => {
    const issues: CodeQualityIssue[] = JSON.parse(format(await lintRealistic(), options));
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin])).toEqual([
      ['demo/no-drop-column', 'major', 'supabase/migrations/20260219120000_cleanup.sql', 3],
      ['demo/require-if-not-exists', 'minor', 'supabase/migrations/20260219120000_cleanup.sql', 4],
      ['demo/table-created', 'info', 'supabase/migrations/20260101000000_init.sql', 1],
    ]);
    expect(issues[0]).toEqual({
      description: 'Dropping column "legacy_flag" breaks code that still reads it. Safe way: stop reading the column in a release, then drop it in a later migration.',
      check_name: 'demo/no-drop-column',
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}:1$/),
      severity: 'major',
      location: { path: 'supabase/migrations/20260219120000_cleanup.sql', lines: { begin: 3, end: 3 } },
      type: 'issue',
      categories: ['Bug Risk'],
      engine_name: 'migralint',
    });
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });

  it('--quiet keeps errors only; a clean run is an empty array', async () => {
    expect(toCodeQuality(await lintRealistic(), { ...options, quiet: true }).map((i) => i.check_name)).toEqual(['demo/no-drop-column']);
    expect(format(await lintDemo([{ path: '/project/m.sql', content: 'SELECT 1;\n' }]), options)).toBe('[]\n');
  });

  it('keeps fingerprints when lines are added above, and tells equal statements apart', async () => {
    const before = toCodeQuality(await lintDemo([{ path: '/project/m.sql', content: 'DROP TABLE a;\nDROP TABLE a;\n' }]), options);
    const after = toCodeQuality(await lintDemo([{ path: '/project/m.sql', content: '-- a comment\n\nSELECT 1;\nDROP  TABLE a;\nDROP TABLE a;\n' }]), options);
    expect(before.map((i) => i.fingerprint)).toEqual(after.map((i) => i.fingerprint));
    expect(after.map((i) => i.location.lines.begin)).toEqual([4, 5]);
    expect(before[0]!.fingerprint.split(':')[0]).toBe(before[1]!.fingerprint.split(':')[0]);
    expect(before.map((i) => i.fingerprint.split(':')[1])).toEqual(['1', '2']);
  });
});
