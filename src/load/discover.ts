import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { InputError } from './errors.js';
import { type FolderFile, type IgnoredFile, type ReadOptions, type Reader, type SourceBase } from './readers/index.js';
import { isZjsReport } from './reports.js';
import { xlsxReader } from './readers/xlsx.js';

/** A path that names no document: missing, unreadable or of an unsupported type. */
export interface MissingSource {
  kind: 'missing';
  source: string;
  error: InputError;
}

/** How folders are searched: what to read them with, and patterns of paths to pass over. */
export interface SearchOptions extends ReadOptions {
  /**
   * Patterns with gitignore semantics (`*.bak`, `drafts/`, `/old`, `!keep.csv`), matched against
   * paths relative to each folder given; a file named on the command line is always read.
   */
  ignore?: readonly string[];
}

/** The documents found, and the files passed over while searching (listed with `--verbose`). */
export interface Discovery<S> {
  sources: S[];
  ignored: IgnoredFile[];
}

type Found = Discovery<SourceBase | MissingSource>;

const SKIP_DIRS = new Set(['node_modules', '.git']);

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function missing(path: string, error: unknown): MissingSource {
  const code = (error as NodeJS.ErrnoException).code;
  return {
    kind: 'missing',
    source: path,
    error: code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'not-found', file: path } : { kind: 'unreadable', file: path, detail: code ?? 'error' },
  };
}

/**
 * Files or folders given by the user → the documents they hold, in a stable order. A file is read
 * by the reader of its extension. A folder is offered whole to the readers that read folders (a
 * folder of CSV sheets is one document); otherwise each file in it goes to the reader of its
 * extension, and each sub-folder is searched the same way (not hidden ones, `.git` or
 * `node_modules`). Reports zjs wrote and paths matching `ignore` are passed over and listed.
 */
export async function searchWith(readers: readonly Reader[], paths: readonly string[], options: SearchOptions): Promise<Found> {
  const found = await collect(readers, paths, options);
  return { ...found, sources: pairUp(readers, found.sources) };
}

/** Sources of a reader that joins parts of one document (a 说明 and its 表), joined; order kept. */
function pairUp(readers: readonly Reader[], sources: ReadonlyArray<SourceBase | MissingSource>): Array<SourceBase | MissingSource> {
  let out = [...sources];
  for (const reader of readers) {
    if (!reader.pairUp) continue;
    const mine = out.filter((s): s is SourceBase => s.kind === reader.kind && !('error' in s));
    if (mine.length < 2) continue;
    const joined = reader.pairUp(mine);
    if (joined.length === mine.length) continue;
    const first = new Map(joined.map((s) => [s.source, s]));
    // Each joined source stands where its first file stood; the files it absorbed are dropped.
    out = out.flatMap((s) => (s.kind !== reader.kind || 'error' in s ? [s] : first.has(s.source) ? [first.get(s.source) as SourceBase] : []));
  }
  return out;
}

async function collect(readers: readonly Reader[], paths: readonly string[], options: SearchOptions): Promise<Found> {
  const found: Found = { sources: [], ignored: [] };
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      found.sources.push(missing(path, error));
      continue;
    }
    if (info.isDirectory()) {
      const patterns = ignore().add([...(options.ignore ?? [])]);
      await searchFolder(path, path, patterns, options, readers, found);
    } else {
      const ext = extname(path).toLowerCase();
      const reader = readers.find((r) => r.extensions.includes(ext));
      found.sources.push(reader ? reader.given(path) : { kind: 'missing', source: path, error: { kind: 'unsupported', file: path, extension: ext } });
    }
  }
  return found;
}

/** A path inside the searched folder as gitignore patterns see it: relative, with forward slashes. */
const relativeTo = (root: string, path: string): string => relative(root, path).split(sep).join('/');

async function searchFolder(root: string, dir: string, patterns: Ignore, options: SearchOptions, readers: readonly Reader[], found: Found): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    found.sources.push({ kind: 'missing', source: dir, error: { kind: 'unreadable', file: dir, detail: (error as NodeJS.ErrnoException).code ?? 'error' } });
    return;
  }
  entries.sort(byName);
  const known = new Set(readers.flatMap((r) => r.extensions.filter((e) => e !== '')));
  const files: FolderFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const ext = extname(entry.name).toLowerCase();
    if (!known.has(ext)) continue;
    if (patterns.ignores(relativeTo(root, path))) found.ignored.push({ path, reason: 'pattern' });
    else if (await isZjsReport(path, ext, options.maxBytes ?? xlsxReader.maxBytes)) found.ignored.push({ path, reason: 'report' });
    else files.push({ path, name: entry.name, ext });
  }
  for (const reader of readers) {
    if (!reader.claimFolder) continue;
    const claim = await reader.claimFolder(dir, files, options);
    for (const file of claim.ignored) found.ignored.push(file);
    if (claim.source) {
      found.sources.push(claim.source);
      return;
    }
  }
  const kept = new Map(files.map((f) => [f.path, f]));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIP_DIRS.has(entry.name)) {
      if (patterns.ignores(`${relativeTo(root, path)}/`)) found.ignored.push({ path, reason: 'pattern' });
      else await searchFolder(root, path, patterns, options, readers, found);
      continue;
    }
    const file = kept.get(path);
    if (!file) continue;
    const source = readers.find((r) => r.searched !== undefined && r.extensions.includes(file.ext))?.searched?.(file);
    if (source) found.sources.push(source);
  }
}
