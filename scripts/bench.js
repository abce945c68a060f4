// Measures zjs against node's own start-up, throughput and memory on many documents in one run,
// and allocations and garbage collection per document: every target of the speed work, as figures
// and ratios taken in the same run (never a timed test).
// Usage: npm run bench
//   BENCH_RUNS=n     repeats each start-up timing n times (default 15)
//   BENCH_BATCH=n    repeats the 1,000-document batch n times (default 3)
//   BENCH_LARGE=1    also runs 10,000 documents (several minutes)
//   BENCH_JOBS=n     the worker count of the pool figure (default 2)
//   BENCH_ONLY=startup  only the start-up figures (node, --version, one document)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURE = 'fixtures/zhuzhou-hrss-2023.txt';
const PDF = 'fixtures/zhuzhou-hrss-2023.pdf';
const PDF_COPIES = 16;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const BATCH_RUNS = Number(process.env.BENCH_BATCH ?? 3);
const JOBS = Number(process.env.BENCH_JOBS ?? 2);
const STARTUP_ONLY = process.env.BENCH_ONLY === 'startup';
const SIZES = process.env.BENCH_LARGE ? [100, 1000, 10000] : [100, 1000];
// One core: pin the process when taskset exists, so the figure does not borrow a second core.
const hasTaskset = spawnSync('taskset', ['--version']).status === 0;
const pin = hasTaskset ? ['taskset', '-c', '0'] : [];
// Peak resident memory of the child, from GNU time when it exists.
const hasTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0;

const zjs = ['node', 'bin/zjs.js'];
const help = spawnSync('node', ['bin/zjs.js', 'check', '--help'], { encoding: 'utf8' }).stdout ?? '';
const hasJobs = help.includes('--jobs');
// Reconciling documents as sets keeps each checked document until the batch is read; --no-sets streams.
const streamed = help.includes('--no-sets') ? ['--no-sets'] : [];

/** Runs a command; returns wall milliseconds and, with GNU time, the peak RSS in MB. */
function timed(args, { pinned = true } = {}) {
  const prefix = [...(pinned ? pin : []), ...(hasTime ? ['/usr/bin/time', '-f', '%M'] : [])];
  const [cmd, ...rest] = [...prefix, ...args];
  const start = process.hrtime.bigint();
  const run = spawnSync(cmd, rest, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0 && run.status !== 1) {
    process.stderr.write(`${args.join(' ')} exited ${run.status}\n${run.stderr}`);
    process.exit(2);
  }
  const lines = run.stderr.trim().split('\n');
  const rssMb = hasTime ? Number(lines[lines.length - 1]) / 1024 : NaN;
  return { ms, rssMb };
}

/** What the probe records for one run (allocations, collection time), pinned to one core. */
function probed(args, file) {
  const [cmd, ...rest] = [...pin, 'node', '--import', './scripts/bench-probe.js', ...args.slice(1)];
  const run = spawnSync(cmd, rest, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ZJS_BENCH_PROBE: file } });
  if (run.status !== 0 && run.status !== 1) {
    process.stderr.write(`${args.join(' ')} exited ${run.status}\n${run.stderr}`);
    process.exit(2);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Start-up figures alternate between the commands, so that a change in load hits each alike. */
function interleaved(commands) {
  for (const args of commands) timed(args); // warm the file cache
  const times = commands.map(() => []);
  for (let i = 0; i < RUNS; i++) commands.forEach((args, n) => times[n].push(timed(args).ms));
  return times.map(median);
}

/** A folder of `count` copies of a fixture (hard links where the file system allows). */
function corpus(root, count, from = FIXTURE, extension = '.txt') {
  const dir = join(root, `n${count}${extension}`);
  mkdirSync(dir);
  for (let i = 0; i < count; i++) {
    const to = join(dir, `copy-${String(i).padStart(5, '0')}${extension}`);
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  }
  return dir;
}

async function pageCount(file) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const pages = pdf.numPages;
  await pdf.destroy();
  return pages;
}

const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const loadBefore = load();
const root = mkdtempSync(join(tmpdir(), 'zjs-bench-'));
const rows = [];
const row = (measure, result, target = '', met = '') => rows.push([measure, result, target, met]);
const yes = (ok) => (ok ? 'met' : 'not met');
try {
  const [node, oneJson, oneText, version] = interleaved([
    ['node', '-e', '0'],
    [...zjs, 'check', FIXTURE, '--format', 'json'],
    [...zjs, 'check', FIXTURE],
    [...zjs, '--version'],
  ]);
  row(`node -e 0 (median of ${RUNS})`, `${node.toFixed(0)} ms`);
  row('zjs --version (start-up alone)', `${version.toFixed(0)} ms (${(version / node).toFixed(2)}× node)`);
  row('one document, --format json', `${oneJson.toFixed(0)} ms (${(oneJson / node).toFixed(2)}× node)`, '≤ 2× node', yes(oneJson / node <= 2));
  row('one document, text report', `${oneText.toFixed(0)} ms (${(oneText / node).toFixed(2)}× node)`, '≤ 2× node', yes(oneText / node <= 2));

  if (!STARTUP_ONLY) {
    const dirs = new Map(SIZES.map((n) => [n, corpus(root, n)]));
    const batch = new Map();
    for (const n of SIZES) {
      const args = [...zjs, 'check', dirs.get(n), '--format', 'json', '--no-progress', ...streamed, ...(hasJobs ? ['--jobs', '1'] : [])];
      timed(args);
      const runs = Array.from({ length: n === 1000 ? BATCH_RUNS : 1 }, () => timed(args));
      batch.set(n, { ms: median(runs.map((r) => r.ms)), rssMb: Math.max(...runs.map((r) => r.rssMb)) });
    }
    const big = batch.get(1000);
    const perDoc = (big.ms - oneJson) / 999;
    row('1,000 documents in one run, one core', `${(big.ms / 1000).toFixed(2)} s`);
    row('throughput, one core', `${(1000 / (big.ms / 1000)).toFixed(0)} documents/s overall, ${(1000 / perDoc).toFixed(0)}/s after start-up (${perDoc.toFixed(2)} ms each)`, '≥ 500/s', yes(1000 / perDoc >= 500));
    if (hasJobs) {
      const args = [...zjs, 'check', dirs.get(1000), '--format', 'json', '--no-progress', '--jobs', String(JOBS)];
      timed(args, { pinned: false });
      const pool = median(Array.from({ length: BATCH_RUNS }, () => timed(args, { pinned: false }).ms));
      const poolPerDoc = (pool - oneJson) / 999;
      row(`throughput, --jobs ${JOBS} (${availableParallelism()} cores, not pinned)`, `${(1000 / (pool / 1000)).toFixed(0)} documents/s overall, ${(1000 / poolPerDoc).toFixed(0)}/s after start-up; ${(big.ms / pool).toFixed(2)}× one core`, '≥ 900/s', yes(1000 / poolPerDoc >= 900));
    } else {
      row('throughput, worker pool', 'no pool (--jobs) yet', '≥ 900/s', 'not met');
    }
    if (hasTime) {
      for (const n of SIZES) row(`peak RSS, ${n.toLocaleString('en')} documents`, `${batch.get(n).rssMb.toFixed(0)} MB`, 'flat');
      const first = batch.get(SIZES[0]).rssMb;
      const last = batch.get(SIZES[SIZES.length - 1]).rssMb;
      row(`peak RSS growth per document${streamed.length ? ' (--no-sets: streamed)' : ''}`, `${((last - first) / (SIZES[SIZES.length - 1] - SIZES[0]) * 1024).toFixed(1)} KB`, 'flat (≈ 0)', yes(last < first * 1.25));
      if (streamed.length) {
        // The default run reconciles sets: every checked document is kept until the batch is read.
        const sets = timed([...zjs, 'check', dirs.get(1000), '--format', 'json', '--no-progress', ...(hasJobs ? ['--jobs', '1'] : [])]);
        row('peak RSS, 1,000 documents, reconciled as sets (the default)', `${sets.rssMb.toFixed(0)} MB (${(((sets.rssMb - first) / (1000 - SIZES[0])) * 1024).toFixed(0)} KB a document kept)`);
      }
      // One document's memory against its size: the Zhuzhou text with its 情况说明 repeated to 4 and 16 MB.
      const grown = [4, 16].map((mb) => {
        const file = join(root, `grown-${mb}.txt`);
        const text = readFileSync(FIXTURE, 'utf8');
        const lines = text.split('\n');
        const narrative = lines.slice(440, 700).join('\n');
        let out = text;
        while (Buffer.byteLength(out) < mb * 1048576) out += `\n${narrative}`;
        writeFileSync(file, out);
        return { mb, rssMb: timed([...zjs, 'check', file, '--format', 'json']).rssMb };
      });
      const [g4, g16] = grown;
      row('one document of 4 MB / 16 MB of narrative', `${g4.rssMb.toFixed(0)} / ${g16.rssMb.toFixed(0)} MB peak RSS: ${((g16.rssMb - g4.rssMb) / 12).toFixed(0)} MB per MB of text`);
    }

    // Allocations and collection per document: the difference between 100 documents and one.
    const probe = join(root, 'probe.json');
    const p1 = probed([...zjs, 'check', FIXTURE, '--format', 'json'], probe);
    const p100 = probed([...zjs, 'check', dirs.get(100), '--format', 'json', '--no-progress', ...(hasJobs ? ['--jobs', '1'] : [])], probe);
    row('JS heap allocated per document', `${((p100.allocated - p1.allocated) / 99 / 1e6).toFixed(1)} MB (one document alone: ${(p1.allocated / 1e6).toFixed(1)} MB)`);
    row('garbage collection share, 100 documents', `${((p100.gcMs / p100.wallMs) * 100).toFixed(1)}% (${p100.gcMs.toFixed(0)} ms of ${p100.wallMs.toFixed(0)} ms, ${p100.collections} collections)`);
    row('garbage collection share, one document', `${((p1.gcMs / p1.wallMs) * 100).toFixed(1)}% (${p1.gcMs.toFixed(0)} ms of ${p1.wallMs.toFixed(0)} ms)`);
    // PDF: pages per second on the 32-page Zhuzhou PDF in one run, and a folder of copies with and without the pool.
    const pdfPages = await pageCount(PDF);
    const pdfDir = corpus(root, PDF_COPIES, PDF, '.pdf');
    const pdfOne = median(Array.from({ length: 3 }, () => timed([...zjs, 'check', PDF, '--format', 'json']).ms));
    const pdfBatch = timed([...zjs, 'check', pdfDir, '--format', 'json', '--no-progress', ...(hasJobs ? ['--jobs', '1'] : [])]).ms;
    row(`PDF, one ${pdfPages}-page document`, `${(pdfOne / 1000).toFixed(2)} s, ${(pdfPages / (pdfOne / 1000)).toFixed(0)} pages/s`);
    row(`PDF, ${PDF_COPIES} copies, one core`, `${(pdfBatch / 1000).toFixed(2)} s, ${((PDF_COPIES * pdfPages) / (pdfBatch / 1000)).toFixed(0)} pages/s`);
    if (hasJobs) {
      const pdfPool = timed([...zjs, 'check', pdfDir, '--format', 'json', '--no-progress', '--jobs', String(JOBS)], { pinned: false }).ms;
      row(`PDF, ${PDF_COPIES} copies, --jobs ${JOBS}`, `${(pdfPool / 1000).toFixed(2)} s, ${((PDF_COPIES * pdfPages) / (pdfPool / 1000)).toFixed(0)} pages/s; ${(pdfBatch / pdfPool).toFixed(2)}× one core`);
    }
    // A long PDF: the Zhuzhou text with its 情况说明 repeated to about 500 pages, printed by Chromium as
    // the Zhuzhou PDF is (scripts/fixtures/zhuzhou-pdf.mjs); measured only where Chromium is installed.
    if (existsSync('/usr/bin/chromium')) {
      const lines = readFileSync(FIXTURE, 'utf8').split('\n');
      const narrative = lines.slice(440, 700).join('\n');
      const longText = join(root, 'long.txt');
      const longPdf = join(root, 'long.pdf');
      writeFileSync(longText, [lines.join('\n'), ...Array.from({ length: 66 }, () => narrative)].join('\n'));
      const printed = spawnSync('node', ['scripts/fixtures/zhuzhou-pdf.mjs', longText, longPdf, '-'], { encoding: 'utf8' });
      if (printed.status === 0) {
        const pages = await pageCount(longPdf);
        const ms = timed([...zjs, 'check', longPdf, '--format', 'json']).ms;
        row(`PDF, a ${pages}-page document`, `${(ms / 1000).toFixed(2)} s, ${(pages / (ms / 1000)).toFixed(0)} pages/s`);
      } else row('PDF, a 500-page document', `not measured: printing it failed (${printed.stderr.trim().split('\n').pop()})`);
    } else row('PDF, a 500-page document', 'not measured: Chromium (/usr/bin/chromium) prints it, and is not installed');
  }
  row('core', hasTaskset ? 'pinned to one core (taskset -c 0) except the pool' : 'not pinned (taskset missing)');
  row('load average (1, 5, 15 min)', `${loadBefore} before, ${load()} after`);
  process.stdout.write(
    `Node ${process.version}, ${availableParallelism()} cores\n\n| measure | result | target | |\n|---|---|---|---|\n` + rows.map((r) => `| ${r.join(' | ')} |`).join('\n') + '\n',
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
