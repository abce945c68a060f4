// Times `zjs check --format json` on hostile narrative text (issue 9 item 4). Each case is the
// Zhuzhou fixture with hostile text appended: one line (the cases of the report), or a megabyte
// of sentences just short of the longest sentence read (the worst found per MB). Not a test:
// times vary by machine; the tests bound the work instead (test/property/narrative.property.test.ts).
//
// Usage: npm run build && node scripts/narrative-hostile.js [--timeout=S] [--zjs=path/to/bin/zjs.js] [case…]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURE = readFileSync('fixtures/zhuzhou-hrss-2023.txt', 'utf8');
/** About a megabyte of `sentence` repeated, one sentence a line. */
const megabyte = (sentence) => `${sentence}\n`.repeat(Math.ceil(1e6 / Buffer.byteLength(`${sentence}\n`)));
const CASES = {
  'qizhong-x1000': '其中1万元'.repeat(1000),
  'zhichu-x10000': '支出1万元'.repeat(10_000),
  'share-x3000': '1万元占1%'.repeat(3000),
  'digits-100k': '1'.repeat(100_000),
  'spaces-1M': `支出${' '.repeat(1_000_000)}1万元`,
  // Many claims: shares in short sentences under a heading that makes each a claim.
  'shares-1MB': `五、一般公共预算财政拨款支出决算情况说明\n${megabyte('1万元占1%'.repeat(10) + '。')}`,
  // Many figures with long subjects and no claim: the longest subjects read, for every figure.
  'subjects-1MB': megabyte('支出1万元'.repeat(100) + '。'),
  // Compositions: each 其中 lists every later figure, up to the claims kept per sentence.
  'lists-1MB': megabyte('其中1万元'.repeat(12) + '。'),
};
const args = process.argv.slice(2);
const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const names = args.filter((a) => !a.startsWith('--'));
const timeout = Number(option('timeout', 300)) * 1000;
const zjs = option('zjs', 'bin/zjs.js');
const dir = mkdtempSync(join(tmpdir(), 'zjs-hostile-'));
const rows = [];
try {
  for (const [name, text] of Object.entries(CASES)) {
    if (names.length > 0 && !names.includes(name)) continue;
    const file = join(dir, `${name}.txt`);
    writeFileSync(file, `${FIXTURE}\n${text}\n`);
    const bytes = Buffer.byteLength(text);
    const start = process.hrtime.bigint();
    const run = spawnSync('node', [zjs, 'check', file, '--format', 'json'], { timeout, maxBuffer: 1 << 30, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const result = run.error ? `stopped after ${timeout / 1000} s` : `exit ${run.status}, ${(Buffer.byteLength(run.stdout) / 1e6).toFixed(2)} MB of JSON`;
    rows.push([name, `${(bytes / 1e3).toFixed(0)} KB`, `${(ms / 1000).toFixed(2)} s`, result]);
    process.stderr.write(`${rows.at(-1).join(' | ')}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`| case | appended | time | result |\n|---|---|---|---|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`);
