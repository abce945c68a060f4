import { randomBytes } from 'node:crypto';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import type { HtmlFile, HtmlFolderStream } from '../report/html.js';
import { FORMATS, type FormatOptions, type ReportFormat } from '../report/index.js';
import { TOOL, type ReportDocument, type ReportStream, type ReportSummary, type RunInfo, type SpooledStream } from '../report/model.js';
import { openFileAtomic, writeFileAtomic, type AtomicFile } from './atomic-write.js';
import { mayWrite, type WriteGuard } from './destinations.js';
import type { Io } from './io.js';
import type { OutputTarget } from './outputs.js';
import type { Progress } from './progress.js';

/** Why a report could not be written: the path and the error code (`input`: it would replace an input). */
export type WriteProblem = { path: string; code: string } | null;

/**
 * A report written as the documents are checked, each document let go once written: to standard
 * output, to a file that appears whole at the end, or into a folder page by page.
 */
export interface Sink {
  target: OutputTarget;
  document: (doc: ReportDocument) => Promise<void>;
  /** What follows the last document (totals, ranking, a folder's index); `run` gives the run for a cover. */
  end: (summary: ReportSummary, run: () => Promise<RunInfo>) => Promise<void>;
  /** Puts the file in place; the first write problem of the report, if any. */
  commit: () => Promise<WriteProblem>;
  abort: () => Promise<void>;
}

function problemOf(path: string, error: unknown): { path: string; code: string } {
  return { path, code: (error as NodeJS.ErrnoException).code ?? 'error' };
}

/**
 * Opens a sink for every target whose format can be written a document at a time: to standard
 * output or a file, the formats that stream (text, json, csv) and those whose head waits for the
 * end (github, sarif, junit: their documents' parts set aside in a temporary file meanwhile); html
 * into a folder; the workbook into a file.
 */
export async function openSinks(
  targets: readonly OutputTarget[],
  paths: ReadonlyMap<OutputTarget, string>,
  optionsFor: (target: OutputTarget) => FormatOptions,
  guard: WriteGuard,
  io: Io,
  progress: Progress | undefined,
): Promise<{ ok: true; sinks: Sink[] } | { ok: false; problem: { path: string; code: string } }> {
  const sinks: Sink[] = [];
  const fail = async (path: string, error: unknown) => {
    for (const sink of sinks) await sink.abort();
    return { ok: false as const, problem: problemOf(path, error) };
  };
  const temporary = io.env.TMPDIR || tmpdir();
  for (const target of targets) {
    const format: ReportFormat = FORMATS[target.format];
    const { stream, spooled, write } = format;
    if (target.output !== null && format.folder !== undefined && (await isFolderTarget(target.output))) {
      sinks.push(folderSink(target, target.output, format.folder(TOOL, optionsFor(target)), guard));
      continue;
    }
    if (stream === undefined && spooled === undefined && (write === undefined || target.output === null)) continue;
    let spool: Spool | undefined;
    if (stream === undefined && spooled !== undefined) {
      try {
        spool = await openSpool(temporary);
      } catch (error) {
        return fail(temporary, error);
      }
    }
    let out: Destination;
    if (target.output === null) out = stdoutDestination(io, progress);
    else {
      const path = paths.get(target) ?? target.output;
      let file: AtomicFile;
      try {
        file = await openFileAtomic(path);
      } catch (error) {
        await spool?.discard();
        return fail(path, error);
      }
      if (stream === undefined && spooled === undefined && write !== undefined) {
        try {
          sinks.push(await bookSink(target, path, file, (bytes) => write(bytes, TOOL, optionsFor(target))));
        } catch (error) {
          await file.abort();
          return fail(path, error);
        }
        continue;
      }
      out = fileDestination(path, file);
    }
    if (stream !== undefined) sinks.push(textSink(target, stream(TOOL, optionsFor(target)), out));
    else if (spooled !== undefined && spool !== undefined) sinks.push(spooledSink(target, spooled(TOOL, optionsFor(target)), spool, out));
  }
  return { ok: true, sinks };
}

/** Where a text report goes: standard output, or a file that appears whole at `commit`. */
interface Destination {
  write: (text: string) => Promise<void>;
  commit: () => Promise<WriteProblem>;
  abort: () => Promise<void>;
}

function stdoutDestination(io: Io, progress: Progress | undefined): Destination {
  return {
    write: async (text) => {
      // The progress line shares the terminal: cleared before the report goes on, redrawn after.
      if (io.isTTY) progress?.clear();
      io.stdout(text);
    },
    commit: async () => null,
    abort: async () => undefined,
  };
}

function fileDestination(path: string, file: AtomicFile): Destination {
  let problem: WriteProblem = null;
  return {
    write: async (text) => {
      if (problem !== null) return;
      await file.write(text).catch((error: unknown) => {
        problem = problemOf(path, error);
      });
    },
    commit: () => commitFile(file, path, problem),
    abort: () => file.abort(),
  };
}

/** A report that streams: each document's text goes out as it comes. */
function textSink(target: OutputTarget, stream: ReportStream, out: Destination): Sink {
  return {
    target,
    document: (doc) => out.write(stream.document(doc)),
    end: (summary) => out.write(stream.end(summary)),
    commit: () => out.commit(),
    abort: () => out.abort(),
  };
}

/** A temporary file holding the documents' parts of a report until its head is known. */
interface Spool {
  write: (text: string) => Promise<void>;
  /** What was written, in pieces of whole characters. */
  read: () => AsyncIterable<string>;
  discard: () => Promise<void>;
}

async function openSpool(dir: string): Promise<Spool> {
  const path = join(dir, `zjs-report-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(path, 'wx+', 0o600);
  // Used through its descriptor only: removed from the folder at once, so that even a killed run
  // leaves nothing behind (where the system refuses to remove an open file, it goes at the end).
  const kept = await rm(path).then(
    () => false,
    () => true,
  );
  let closed = false;
  return {
    write: async (text) => {
      await handle.write(text);
    },
    read: async function* () {
      for await (const piece of handle.createReadStream({ start: 0, encoding: 'utf8', autoClose: false })) yield piece as string;
    },
    discard: async () => {
      if (!closed) await handle.close().catch(() => undefined);
      closed = true;
      if (kept) await rm(path, { force: true }).catch(() => undefined);
    },
  };
}

/** A report whose head waits for the whole batch: the documents' parts go to a spool, then head, parts and tail go out. */
function spooledSink(target: OutputTarget, stream: SpooledStream, spool: Spool, out: Destination): Sink {
  let problem: WriteProblem = null;
  const fail = (error: unknown) => {
    problem ??= problemOf(target.output ?? '-', error);
  };
  return {
    target,
    document: async (doc) => {
      const text = stream.document(doc);
      if (problem === null) await spool.write(text).catch(fail);
    },
    end: async (summary, run) => {
      if (problem !== null) return;
      const { head, tail } = stream.end(summary, await run());
      await out.write(head);
      try {
        for await (const piece of spool.read()) await out.write(piece);
      } catch (error) {
        fail(error);
        return;
      }
      await out.write(tail);
      await spool.discard();
    },
    commit: async () => {
      if (problem === null) return out.commit();
      await spool.discard();
      await out.abort();
      return problem;
    },
    abort: async () => {
      await spool.discard();
      await out.abort();
    },
  };
}

/** Puts a written file in place, or discards it after a problem. */
async function commitFile(file: AtomicFile, path: string, problem: WriteProblem): Promise<WriteProblem> {
  if (problem !== null) {
    await file.abort();
    return problem;
  }
  try {
    await file.commit();
    return null;
  } catch (error) {
    return problemOf(path, error);
  }
}

/** A workbook into a file that appears whole at the end: its bytes go out as the writer zips them. */
async function bookSink(
  target: OutputTarget,
  path: string,
  file: AtomicFile,
  open: (out: Writable) => Promise<{ document: (doc: ReportDocument) => void; end: (summary: ReportSummary) => Promise<void> }>,
): Promise<Sink> {
  let problem: WriteProblem = null;
  const out = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      file.write(chunk).then(
        () => done(),
        (error: Error) => done(error),
      );
    },
  });
  out.on('error', (error) => {
    problem ??= problemOf(path, error);
  });
  const book = await open(out);
  return {
    target,
    document: async (doc) => {
      if (problem === null) book.document(doc);
    },
    end: async (summary) => {
      // After a write problem the writer waits for a stream that has failed: it is not finished.
      if (problem !== null) return;
      await book.end(summary).catch((error: unknown) => {
        problem ??= problemOf(path, error);
      });
    },
    commit: () => commitFile(file, path, problem),
    abort: () => file.abort(),
  };
}

/** An html report into a folder: each document's page as it comes, the index at the end; never over an input. */
export function folderSink(target: OutputTarget, dir: string, stream: HtmlFolderStream, guard: WriteGuard): Sink {
  let problem: WriteProblem = null;
  const put = async (file: HtmlFile) => {
    if (problem === null) problem = await writeFolderFile(dir, file, guard);
  };
  return {
    target,
    document: (doc) => put(stream.document(doc)),
    end: async (summary, run) => put(stream.end(summary, await run())),
    commit: async () => problem,
    // The pages written so far stay: the index, written last, is what a reader opens first.
    abort: async () => undefined,
  };
}

/** Writes one file of a report folder (`index.html`, `docs/N.html`), never over an input. */
async function writeFolderFile(dir: string, file: HtmlFile, guard: WriteGuard): Promise<WriteProblem> {
  const path = join(dir, ...file.path.split('/'));
  const verdict = await mayWrite(guard, path);
  if (!verdict.ok) return { path, code: 'input' };
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    return problemOf(path, error);
  }
  return writeOne(path, file.content);
}

export async function writeOne(path: string, content: string | Uint8Array): Promise<WriteProblem> {
  try {
    await writeFileAtomic(path, content);
    return null;
  } catch (error) {
    return problemOf(path, error);
  }
}

/** An output that names a folder: it ends with a slash or is an existing directory. */
export async function isFolderTarget(output: string): Promise<boolean> {
  if (/[\\/]$/.test(output)) return true;
  try {
    return (await stat(output)).isDirectory();
  } catch {
    return false;
  }
}
