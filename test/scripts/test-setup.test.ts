import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'zjs-setup-'));
chmodSync(root, 0o755);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const NOBODY = 65534;
const IS_ROOT = process.getuid?.() === 0;

/** A PATH holding only apt-get and fc-list (and a stand-in sudo when asked): nothing else decides. */
function path(withSudo: boolean): string {
  const bin = join(root, withSudo ? 'with-sudo' : 'without-sudo');
  if (existsSync(bin)) return bin;
  mkdirSync(bin);
  for (const tool of ['apt-get', 'fc-list']) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    if (found === '') throw new Error(`${tool} is missing: these tests expect a Debian machine, as npm test does`);
    symlinkSync(found, join(bin, tool));
  }
  if (withSudo) {
    writeFileSync(join(bin, 'sudo'), '#!/bin/sh\nexit 99\n');
    chmodSync(join(bin, 'sudo'), 0o755);
  }
  chmodSync(bin, 0o755);
  return bin;
}

/** Runs the script; `missing` makes it treat those packages as missing, `asUser` runs it as a user who is not root. */
function setup(args: string[], options: { missing?: string; asUser?: boolean; sudo?: boolean } = {}) {
  const env: Record<string, string> = { PATH: path(options.sudo ?? false), HOME: root };
  if (options.missing) env.ZJS_TEST_SETUP_MISSING = options.missing;
  // As root, “not root” is the user nobody; otherwise the tests already run as a user who is not root.
  const user = options.asUser && IS_ROOT ? { uid: NOBODY, gid: NOBODY } : {};
  const r = spawnSync(process.execPath, ['scripts/test-setup.js', ...args], { encoding: 'utf8', env, ...user });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('scripts/test-setup.js, run by npm test first', () => {
  it('finds Chromium and a CJK font on this machine and installs nothing', () => {
    const r = setup([]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('/usr/bin/chromium and a CJK font are present');
    expect(r.stdout).toBe('');
  });

  it('installs what is missing with apt-get, directly as root (dry run: prints the commands)', () => {
    // Not root, the user running the tests goes through sudo like any other.
    const sudo = IS_ROOT ? '' : 'sudo ';
    const r = setup(['--dry-run'], { missing: 'chromium,fonts-wqy-zenhei', sudo: !IS_ROOT });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      `would run: ${sudo}apt-get update -qq\n` + `would run: ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-wqy-zenhei\n`,
    );
  });

  it('not as root, installs through sudo when there is one', () => {
    const r = setup(['--dry-run'], { missing: 'chromium', asUser: true, sudo: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('would run: sudo apt-get update -qq\n' + 'would run: sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium\n');
  });

  it('not as root and without sudo, says in one line what to install and fails: the browser tests never skip', () => {
    for (const args of [[], ['--dry-run']]) {
      const r = setup(args, { missing: 'fonts-wqy-zenhei', asUser: true });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('apt-get install -y fonts-wqy-zenhei');
    }
  });
});
