import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { inputsOf, type DocumentSource } from '../load/index.js';

/**
 * “May I write here?” for every command that writes. A path string says little: a symbolic link,
 * a hard link or a folder reached through a linked alias can all lead back to an input. So an output
 * is compared by where it really leads (symbolic links resolved, also for parts that do not exist
 * yet) and by file identity (device and inode), against every input file and input folder.
 */

/** What the guard compares: the real path, and device:inode when the thing exists. */
interface Known {
  real: string;
  id: string | null;
}

/** Files and folders a run reads. Writing over a file, or anywhere inside a folder, is refused. */
export interface InputPaths {
  files: readonly string[];
  folders: readonly string[];
}

export type Refusal = 'input' | 'inside-input' | 'same-output';

export type Verdict = { ok: true; real: string } | { ok: false; refusal: Refusal };

export interface WriteGuard {
  files: Known[];
  folders: Known[];
  /** Outputs already granted in this run: two writers never share a file. */
  outputs: Known[];
}

const MAX_LINKS = 40;

/** Where a path really leads, symbolic links resolved, also when it (or its last parts) does not exist yet. */
export async function realPathOf(path: string, links = 0): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    // Missing, or a link to something missing: follow a dangling link to where writing would create the file.
  }
  if (links < MAX_LINKS) {
    try {
      if ((await lstat(absolute)).isSymbolicLink()) return await realPathOf(resolve(dirname(absolute), await readlink(absolute)), links + 1);
    } catch {
      // Not there at all: resolve the parent instead.
    }
  }
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(await realPathOf(parent, links), basename(absolute));
}

async function identity(path: string): Promise<string | null> {
  try {
    const info = await stat(path, { bigint: true });
    return `${info.dev}:${info.ino}`;
  } catch {
    return null;
  }
}

async function known(path: string): Promise<Known> {
  const real = await realPathOf(path);
  return { real, id: await identity(real) };
}

const within = (path: string, folder: string): boolean => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/** The files a document source is read from, and the folder that is the document, when it is one (each reader says). */
export function sourcePaths(source: DocumentSource): InputPaths {
  const { files, folder } = inputsOf(source);
  return { files, folders: folder !== undefined ? [folder] : [] };
}

/** Every input path of the sources, plus files read besides them (config, waivers, a baseline). */
export function inputPaths(sources: readonly DocumentSource[], extra: InputPaths = { files: [], folders: [] }): InputPaths {
  const all = sources.map(sourcePaths);
  return { files: [...all.flatMap((p) => p.files), ...extra.files], folders: [...all.flatMap((p) => p.folders), ...extra.folders] };
}

/** A guard over the inputs of one run. */
export async function guardInputs(inputs: InputPaths): Promise<WriteGuard> {
  return {
    files: await Promise.all(inputs.files.map(known)),
    folders: await Promise.all(inputs.folders.map(known)),
    outputs: [],
  };
}

/** Identities of a real path and every folder above it, for the folders' bind-mounted or otherwise aliased forms. */
async function lineage(real: string): Promise<string[]> {
  const ids: string[] = [];
  for (let path = real; ; path = dirname(path)) {
    const id = await identity(path);
    if (id !== null) ids.push(id);
    if (dirname(path) === path) return ids;
  }
}

const same = (a: Known, b: Known): boolean => a.real === b.real || (a.id !== null && a.id === b.id);

/**
 * May the run write `output`? Refused when it is an input file (the same path, a link to it, a hard
 * link of it), lies inside an input folder (also through an alias), or another output of the run
 * already has it. Granted, it is claimed for this run and its real path is returned: the place to
 * write, so that a link the user keeps to a report stays a link.
 */
export async function mayWrite(guard: WriteGuard, output: string): Promise<Verdict> {
  const target = await known(output);
  if (guard.files.some((f) => same(f, target))) return { ok: false, refusal: 'input' };
  if (guard.folders.length > 0) {
    const above = await lineage(target.real);
    if (guard.folders.some((f) => within(target.real, f.real) || (f.id !== null && above.includes(f.id)))) return { ok: false, refusal: 'inside-input' };
  }
  if (guard.outputs.some((o) => same(o, target))) return { ok: false, refusal: 'same-output' };
  guard.outputs.push(target);
  return { ok: true, real: target.real };
}
