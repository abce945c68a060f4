import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Every file zjs writes appears whole or not at all: it is written to a temporary file beside its
 * target and renamed into place, an atomic step on one file system. Two runs writing the same file
 * leave one complete file, never a mix.
 */

/** A name beside `target` no other run picks: hidden, with the process id and random bytes. */
function temporaryBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

async function modeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o7777;
  } catch {
    return undefined;
  }
}

async function discard(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true }).catch(() => undefined);
}

/** Writes `data` to `target` through a temporary file and a rename; a replaced file keeps its permissions. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryBeside(target);
  try {
    await writeFile(temporary, data, { flag: 'wx' });
  } catch (error) {
    await discard(temporary);
    throw error;
  }
  await putInPlace(temporary, target);
}

/** Renames a written temporary file onto `target`, with the permissions of the file it replaces. */
async function putInPlace(temporary: string, target: string): Promise<void> {
  try {
    const mode = await modeOf(target);
    if (mode !== undefined) await chmod(temporary, mode);
    await rename(temporary, target);
  } catch (error) {
    await discard(temporary);
    throw error;
  }
}

/** A file written piece by piece that appears whole at `commit`, or not at all. */
export interface AtomicFile {
  write: (data: string | Uint8Array) => Promise<void>;
  commit: () => Promise<void>;
  abort: () => Promise<void>;
}

/** A new file open for writing, closed once however often `close` is called. */
export interface NewFile {
  write: (data: string | Uint8Array) => Promise<void>;
  close: () => Promise<void>;
}

/** Creates `path` (never over an existing file) for writing; `mode` as for open(2). */
export async function createFile(path: string, mode?: number): Promise<NewFile> {
  const handle = await open(path, 'wx', mode);
  let closed = false;
  return {
    write: async (data) => {
      if (typeof data === 'string') await handle.write(data);
      else await handle.write(data);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await handle.close();
    },
  };
}

/** Opens a temporary file beside `target` for a report written as it is made (see writeFileAtomic). */
export async function openFileAtomic(target: string): Promise<AtomicFile> {
  const temporary = temporaryBeside(target);
  const { write, close } = await createFile(temporary);
  return {
    write,
    commit: async () => {
      try {
        await close();
      } catch (error) {
        await discard(temporary);
        throw error;
      }
      await putInPlace(temporary, target);
    },
    abort: async () => {
      await close().catch(() => undefined);
      await discard(temporary);
    },
  };
}

/** One file of a folder to write. */
export interface FolderFile {
  name: string;
  text: string;
}

/**
 * Writes the files into the folder `target`. A new folder is filled under a temporary name beside
 * it and renamed into place (with any missing parent folders, removed again on failure); in a
 * folder that exists, every file is written to a temporary name first and the files are renamed
 * into place only once all of them are written. A failure leaves nothing new behind.
 */
export async function writeFolderAtomic(target: string, files: readonly FolderFile[]): Promise<void> {
  const exists = await lstat(target).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!exists) {
    const created = await mkdir(dirname(target), { recursive: true });
    const temporary = temporaryBeside(target);
    try {
      await mkdir(temporary);
      for (const file of files) await writeFile(join(temporary, file.name), file.text, { encoding: 'utf8', flag: 'wx' });
      await rename(temporary, target);
    } catch (error) {
      await discard(temporary);
      if (created !== undefined) await discard(created);
      throw error;
    }
    return;
  }
  const written: Array<{ temporary: string; path: string }> = [];
  try {
    for (const file of files) {
      const path = join(target, file.name);
      const temporary = temporaryBeside(path);
      written.push({ temporary, path });
      await writeFile(temporary, file.text, { encoding: 'utf8', flag: 'wx' });
      const mode = await modeOf(path);
      if (mode !== undefined) await chmod(temporary, mode);
    }
  } catch (error) {
    for (const w of written) await discard(w.temporary);
    throw error;
  }
  let renamed = 0;
  try {
    for (const w of written) {
      await rename(w.temporary, w.path);
      renamed++;
    }
  } catch (error) {
    for (const w of written.slice(renamed)) await discard(w.temporary);
    throw error;
  }
}
