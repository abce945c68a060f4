import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { inputErrorLine } from '../engine/input-errors.js';
import type { Lang } from '../engine/messages.js';
import type { DocumentSource } from '../load/index.js';
import { unpackEntry, type CheckedEntry, type PackedEntry } from './checked-entry.js';
import type { Io } from './io.js';
import { Serialized } from './held.js';
import type { Progress } from './progress.js';
import type { DocumentFlags } from './session.js';
import { words } from './words.js';

/** What each worker is started with: the command line's paths and flags, to open the same session. */
export interface PoolSetup {
  paths: string[];
  flags: DocumentFlags;
  /** Whether each document's digest is wanted (the run reconciles documents). */
  digest: boolean;
}

export interface PoolRequest {
  index: number;
  /** The source's name as the main thread found it: the worker checks it found the same one. */
  source: string;
}

export type PoolReply =
  | { index: number; kind: 'entry'; entry: CheckedEntry }
  /** A checked document of a reconciling run, serialised by the worker. */
  | { index: number; kind: 'packed'; entry: PackedEntry }
  /** A text passed over while searching: no disclosure table in it. */
  | { index: number; kind: 'skipped' }
  /** A bug: the stack, thrown again on the main thread. */
  | { index: number; kind: 'failed'; message: string };

/** Below this many documents a pool costs more to start (each worker loads and compiles zjs) than it saves. */
export const POOL_MIN_DOCUMENTS = 8;

/** The worker's bundle beside the command line's (dist/worker.js); absent when running from the sources. */
export function workerFile(): string | null {
  const file = fileURLToPath(new URL('./worker.js', import.meta.url));
  return existsSync(file) ? file : null;
}

/**
 * Loads and checks the documents on `jobs` worker threads and yields them in the order of
 * `sources`, exactly as the in-process loop would (unreadable inputs on stderr as they come in
 * order, passed-over texts counted at the end). At most a few documents per worker are in flight
 * or waiting for an earlier one, so memory stays flat.
 */
export async function* checkInPool(
  file: string,
  setup: PoolSetup,
  sources: readonly DocumentSource[],
  jobs: number,
  lang: Lang,
  io: Io,
  progress?: Progress,
): AsyncGenerator<CheckedEntry> {
  const workers = Array.from({ length: Math.min(jobs, sources.length) }, () => new Worker(file, { workerData: setup }));
  const done = new Map<number, PoolReply>();
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  let next = 0;
  const window = workers.length * 4;
  let written = 0;
  const send = (worker: Worker) => {
    const source = sources[next];
    if (source === undefined || next >= written + window) return false;
    worker.postMessage({ index: next, source: source.source } satisfies PoolRequest);
    next++;
    return true;
  };
  const idle: Worker[] = [];
  for (const worker of workers) {
    worker.on('message', (reply: PoolReply) => {
      done.set(reply.index, reply);
      if (!send(worker)) idle.push(worker);
      wake?.();
    });
    worker.on('error', (error) => {
      failure = error;
      wake?.();
    });
    worker.on('exit', (code) => {
      if (code !== 0 && failure === null) failure = new Error(`a pool worker stopped with code ${code}`);
      wake?.();
    });
    send(worker);
  }
  let skipped = 0;
  try {
    for (const [index, source] of sources.entries()) {
      let reply = done.get(index);
      while (reply === undefined) {
        if (failure !== null) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
        reply = done.get(index);
      }
      done.delete(index);
      written = index + 1;
      // The window moved: idle workers take the next documents.
      while (idle.length > 0 && next < sources.length && next < written + window) {
        const worker = idle.pop();
        if (worker) send(worker);
      }
      progress?.start(index, source.source);
      if (reply.kind === 'failed') throw new Error(reply.message);
      if (reply.kind === 'skipped') {
        skipped++;
        continue;
      }
      if (reply.kind === 'packed') {
        yield unpackEntry(reply.entry);
        continue;
      }
      const { entry } = reply.entry;
      if (!(entry instanceof Serialized) && entry.kind === 'unreadable') {
        progress?.clear();
        io.stderr(`zjs: ${words(lang).error}: ${inputErrorLine(entry.error)}\n`);
      }
      yield reply.entry;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  progress?.stop();
  if (skipped > 0) io.stderr(`zjs: ${words(lang).skipped(skipped)}\n`);
}
