import { createInflateRaw, inflateRawSync } from 'node:zlib';

/**
 * Just enough of the zip format to measure a workbook before it is unpacked: the entries of the
 * central directory with their sizes, and the bytes of one entry. A workbook's XML can unpack to
 * hundreds of times its size (one 300 MB shared string packs into a few hundred KB), and the
 * spreadsheet library inflates every part whole, so the sizes are checked here first.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the directory states it; `unpackedSize` measures what the data really inflates to. */
  size: number;
  localHeader: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** The central directory's entries, or undefined when the bytes are not a readable zip. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 22 bytes plus at most a 64 KiB comment.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return undefined;
    entries.push({
      name: Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, nameLength).toString('utf8'),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localHeader: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Where an entry's data starts, after its local header. */
function dataOf(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeader;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return undefined;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) return undefined;
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * How many bytes an entry really unpacks to (a directory can state any size), counted as they
 * are inflated and never kept; counting stops past `limit` (giving `limit + 1`). Undefined when
 * the data cannot be inflated.
 */
export async function unpackedSize(bytes: Uint8Array, entry: ZipEntry, limit: number): Promise<number | undefined> {
  const data = dataOf(bytes, entry);
  if (!data) return undefined;
  if (entry.method === STORED) return data.length;
  if (entry.method !== DEFLATED) return undefined;
  return await new Promise<number | undefined>((resolve) => {
    const inflate = createInflateRaw();
    let total = 0;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        inflate.destroy();
        resolve(limit + 1);
      }
    });
    inflate.on('end', () => resolve(total));
    inflate.on('error', () => resolve(undefined));
    inflate.end(data);
  });
}

/** The text of a small entry (at most `limit` bytes), or undefined. */
export function entryText(bytes: Uint8Array, entry: ZipEntry, limit: number): string | undefined {
  const data = dataOf(bytes, entry);
  if (!data || entry.size > limit) return undefined;
  try {
    const raw = entry.method === STORED ? data : entry.method === DEFLATED ? inflateRawSync(data, { maxOutputLength: limit }) : undefined;
    return raw ? Buffer.from(raw).toString('utf8') : undefined;
  } catch {
    return undefined;
  }
}
