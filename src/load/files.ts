import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { fail, ok, type Loaded, type SpecialFile } from './errors.js';

const MiB = 1024 * 1024;
export const mebibytes = (n: number): number => Math.round(n * MiB);

const CHUNK = 4 * MiB;

function specialType(info: Stats): SpecialFile {
  if (info.isFIFO()) return 'fifo';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice()) return 'character-device';
  if (info.isBlockDevice()) return 'block-device';
  return 'other';
}

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'error';

/**
 * A regular file's bytes, at most `limit` of them. A FIFO, socket or device is refused before
 * anything is read (opened without blocking, so a FIFO with no writer does not hang), and so is a
 * file larger than the limit, also one that grows past it while it is read.
 */
export async function readBytes(file: string, limit: number): Promise<Loaded<Uint8Array>> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = errorCode(error);
    return fail(code === 'ENOENT' ? { kind: 'not-found', file } : { kind: 'unreadable', file, detail: code });
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return fail({ kind: 'special-file', file, type: specialType(info) });
    if (info.size > limit) return fail({ kind: 'too-large', file, size: info.size, limit });
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, info.size - total + 1)));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) return fail({ kind: 'too-large', file, size: total, limit });
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    }
    return ok(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total));
  } catch (error) {
    return fail({ kind: 'unreadable', file, detail: errorCode(error) });
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The first bytes of a regular file (for recognising what it is while searching), or undefined. */
export async function readHead(file: string, bytes: number): Promise<Uint8Array | undefined> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!(await handle.stat()).isFile()) return undefined;
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
