import { describe, expect, it } from 'vitest';
import type { ProgressStream } from '../../src/cli/io.js';
import { run } from '../support/cli.js';

/** A terminal on standard error that records what is drawn. */
function terminal(): ProgressStream & { text: () => string } {
  let drawn = '';
  return {
    isTTY: true,
    columns: 120,
    write: (t: string) => {
      drawn += t;
      return true;
    },
    text: () => drawn,
  };
}

/** A clock that moves one second each time it is read, as a slow run's would. */
function slowClock(): () => Date {
  let t = Date.parse('2026-03-01T09:00:00Z');
  return () => new Date((t += 1000));
}

describe('progress on standard error', () => {
  it('shows documents done of the total, the rate, the time left and the file being read, on a terminal', async () => {
    const tty = terminal();
    const r = await run(['check', 'fixtures/synthetic'], { progress: tty, now: slowClock() });
    expect(r.code).toBe(0);
    const drawn = tty.text();
    expect(drawn).toContain('2/2 个文档');
    expect(drawn).toContain('0/2 个文档 | – 个/秒');
    expect(drawn).toMatch(/1\/2 个文档 \| [\d.]+ 个\/秒 \| 剩余 \S+ \| fixtures\/synthetic\/full-2024\.txt/);
    // The report itself is unchanged, and nothing of the bar reaches it.
    expect(r.stdout).not.toContain('个文档 |');
    expect(r.stdout).toContain('合计: 2 个文档');
  });

  it('speaks English with --lang en', async () => {
    const tty = terminal();
    await run(['check', 'fixtures/synthetic', '--lang', 'en'], { progress: tty });
    expect(tty.text()).toMatch(/2\/2 documents \| [\d.]+\/s \| \S+ left \|/);
  });

  it('stays quiet with --quiet or --no-progress, and when standard error is not a terminal', async () => {
    for (const flag of ['--quiet', '--no-progress']) {
      const tty = terminal();
      await run(['check', 'fixtures/synthetic', flag], { progress: tty });
      expect(tty.text(), flag).toBe('');
    }
    const pipe = { ...terminal(), isTTY: false };
    await run(['check', 'fixtures/synthetic'], { progress: pipe });
    expect(pipe.text()).toBe('');
  });
});
