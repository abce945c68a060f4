// Loaded with `node --import ./scripts/bench-probe.js` by scripts/bench.js: when the process ends it
// writes, to the file named by ZJS_BENCH_PROBE, the bytes allocated on the JS heap (from the heap
// before and after each collection), the time spent collecting, the wall time and the peak RSS.
import { writeFileSync } from 'node:fs';
import { GCProfiler, getHeapStatistics } from 'node:v8';

const started = process.hrtime.bigint();
const profiler = new GCProfiler();
profiler.start();
const heapAtStart = getHeapStatistics().used_heap_size;

process.on('exit', () => {
  const data = profiler.stop();
  let allocated = 0;
  let gcMicros = 0;
  let last = heapAtStart;
  for (const gc of data?.statistics ?? []) {
    const before = gc.beforeGC.heapStatistics.usedHeapSize;
    const after = gc.afterGC.heapStatistics.usedHeapSize;
    allocated += Math.max(0, before - last);
    last = after;
    gcMicros += gc.cost;
  }
  allocated += Math.max(0, getHeapStatistics().used_heap_size - last);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const file = process.env.ZJS_BENCH_PROBE;
  if (file) writeFileSync(file, JSON.stringify({ allocated, gcMs: gcMicros / 1000, wallMs, maxRssKb: process.resourceUsage().maxRSS, collections: data?.statistics.length ?? 0 }));
});
