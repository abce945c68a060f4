import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import type { HtmlFile, HtmlFolderStream } from '../report/html.js';
import { FORMATS, type FormatOptions, type ReportFormat } from '../report/index.js';
import { TOOL, type ReportDocument, type ReportStream, type ReportSummary, type RunInfo } from '../report/model.js';
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
 * Opens a sink for every target whose format can be written a document at a time: text formats
 * that stream (to standard output or a file), html into a folder, the workbook into a file.
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
  for (const target of targets) {
    const format: ReportFormat = FORMATS[target.format];
    if (target.output === null) {
      if (format.stream === undefined) continue;
      const stream = format.stream(TOOL, optionsFor(target));
      const write = (text: string) => {
        // The progress line shares the terminal: cleared before the report goes on, redrawn after.
        if (io.isTTY) progress?.clear();
        io.stdout(text);
      };
      sinks.push({
        target,
        document: async (doc) => write(stream.document(doc)),
        end: async (summary) => write(stream.end(summary)),
        commit: async () => null,
        abort: async () => undefined,
      });
      continue;
    }
    if (format.folder !== undefined && (await isFolderTarget(target.output))) {
      sinks.push(folderSink(target, target.output, format.folder(TOOL, optionsFor(target)), guard));
      continue;
    }
    if (format.stream === undefined && format.write === undefined) continue;
    const path = paths.get(target) ?? target.output;
    let file: AtomicFile;
    try {
      file = await openFileAtomic(path);
    } catch (error) {
      return fail(path, error);
    }
    if (format.stream !== undefined) {
      sinks.push(fileSink(target, path, file, format.stream(TOOL, optionsFor(target))));
      continue;
    }
    if (format.write !== undefined) {
      try {
        sinks.push(await bookSink(target, path, file, (out) => (format.write as NonNullable<ReportFormat['write']>)(out, TOOL, optionsFor(target))));
      } catch (error) {
        await file.abort();
        return fail(path, error);
      }
    }
  }
  return { ok: true, sinks };
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

/** A text report into a file that appears whole at the end. */
function fileSink(target: OutputTarget, path: string, file: AtomicFile, stream: ReportStream): Sink {
  let problem: WriteProblem = null;
  const write = async (text: string) => {
    if (problem !== null) return;
    await file.write(text).catch((error: unknown) => {
      problem = problemOf(path, error);
    });
  };
  return {
    target,
    document: (doc) => write(stream.document(doc)),
    end: (summary) => write(stream.end(summary)),
    commit: () => commitFile(file, path, problem),
    abort: () => file.abort(),
  };
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
