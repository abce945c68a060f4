// Measures zjs against node's own start-up, and throughput on many documents in one run.
// Usage: npm run bench   (BENCH_RUNS=n repeats the start-up timing n times; default 15)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURE = 'fixtures/zhuzhou-hrss-2023.txt';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const COPIES = Number(process.env.BENCH_COPIES ?? 1000);
// One core: pin the process when taskset exists, so the figure does not borrow a second core.
const pin = spawnSync('taskset', ['--version']).status === 0 ? ['taskset', '-c', '0'] : [];

function timed(args) {
  const [cmd, ...rest] = [...pin, ...args];
  const start = process.hrtime.bigint();
  const run = spawnSync(cmd, rest, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0 && run.status !== 1) {
    process.stderr.write(`${args.join(' ')} exited ${run.status}\n${run.stderr}`);
    process.exit(2);
  }
  return ms;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function repeat(args) {
  timed(args); // warm the file cache
  return median(Array.from({ length: RUNS }, () => timed(args)));
}

const node = repeat(['node', '-e', '0']);
const one = repeat(['node', 'bin/zjs.js', 'check', FIXTURE, '--format', 'json']);

const dir = mkdtempSync(join(tmpdir(), 'zjs-bench-'));
try {
  for (let i = 0; i < COPIES; i++) copyFileSync(FIXTURE, join(dir, `copy-${String(i).padStart(4, '0')}.txt`));
  timed(['node', 'bin/zjs.js', 'check', dir, '--format', 'json']);
  const batch = median([0, 1, 2].map(() => timed(['node', 'bin/zjs.js', 'check', dir, '--format', 'json'])));
  const perDoc = (batch - one) / (COPIES - 1);
  const rows = [
    ['node -e 0 (median of ' + RUNS + ')', `${node.toFixed(0)} ms`],
    ['zjs check, one document, --format json', `${one.toFixed(0)} ms (${(one / node).toFixed(2)}× node; target < 2×)`],
    [`zjs check, ${COPIES} copies in one run`, `${(batch / 1000).toFixed(2)} s`],
    ['marginal time per document', `${perDoc.toFixed(2)} ms`],
    ['throughput', `${(COPIES / (batch / 1000)).toFixed(0)} documents/s overall, ${(1000 / perDoc).toFixed(0)}/s after start-up (target ≥ 500/s)`],
    ['core', pin.length > 0 ? 'pinned to one core (taskset -c 0)' : 'not pinned (taskset missing)'],
  ];
  process.stdout.write('| measure | result |\n|---|---|\n' + rows.map(([a, b]) => `| ${a} | ${b} |`).join('\n') + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
