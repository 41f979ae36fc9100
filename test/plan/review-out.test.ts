import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkReviewFolder } from '../../lib/plan/review-out';
import { exampleProject, runCli } from '../support/cli';

describe('plan --offline --review-out DIR', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'review-out-'));
  mkdirSync(join(cwd, 'real'));
  symlinkSync(join(cwd, 'real'), join(cwd, 'linked'));
  mkdirSync(join(cwd, 'terraform-state'));
  writeFileSync(join(cwd, 'a-file'), 'x');

  test.each([
    ['reviews', join(cwd, 'reviews')],
    ['real/reviews', join(cwd, 'real', 'reviews')],
    ['real', join(cwd, 'real')],
  ])('%s is accepted, as an absolute path', (path, absolute) => {
    expect(checkReviewFolder(path, cwd)).toBe(absolute);
  });

  test.each([
    ['', /names no folder/],
    ['terraform-state', /Terraform state folder/],
    ['terraform-state/reviews', /Terraform state folder/],
    ['.', /Terraform state folder/],
    ['linked', /it is a symbolic link/],
    ['linked/reviews', /its parent .*linked is a symbolic link/],
    ['a-file', /is a file, not a folder/],
    ['a-file/reviews', /a-file is a file, not a folder/],
  ])('%s is refused (exit 1) with what to give instead', (path, why) => {
    expect(() => checkReviewFolder(path, cwd)).toThrow(why);
  });

  describe('before any synthesis or Terraform run', () => {
    const saved = { ...process.env };
    let result: Awaited<ReturnType<typeof runCli>>;
    let project: string;
    beforeAll(async () => {
      // A fake terraform: if the check came after the plans, this test would not start the real one.
      process.env.PATH = `${join(__dirname, '..', 'support', 'fake-terraform')}:${dirname(process.execPath)}`;
      project = exampleProject();
      mkdirSync(join(project, 'terraform-state'), { recursive: true });
      result = await runCli(['plan', '--offline', 'dcaa-audit-aws', '--review-out', 'terraform-state/reviews'], project);
    });
    afterAll(() => {
      process.env = saved;
    });

    test('a folder inside terraform-state/ is refused with exit 1 and nothing planned', () => {
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/will not save review plans in --review-out terraform-state\/reviews: .*Terraform state folder/);
      expect(result.stdout).not.toMatch(/terraform init/);
    });
  });
});
