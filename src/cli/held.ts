import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { DocumentDigest } from '../sets/digest.js';

/**
 * A value a pool worker serialised (v8), kept as its bytes until it is read: the main thread of a
 * reconciling run puts a worker's document straight into the temporary file, without building it.
 */
export class Serialized<T> {
  constructor(readonly bytes: Uint8Array) {}

  /** Serialises a value, in bytes of exactly its length. */
  static of<T>(value: T): Serialized<T> {
    return new Serialized<T>(exact(serialize(value)));
  }

  read(): T {
    return deserialize(this.bytes) as T;
  }
}

/** `value` itself, or read from its bytes. */
export function readValue<T>(value: T | Serialized<T>): T {
  return value instanceof Serialized ? value.read() : value;
}

/**
 * Bytes that own their whole memory, so that they can be moved to another thread: the serialiser's
 * buffer may hold more room than it uses, and a small Buffer copy would share Node's pool.
 */
function exact(bytes: Buffer): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

/** How many held documents stay in memory: ZJS_HELD_IN_MEMORY (a whole number), 16 by default. */
export function heldInMemory(setting: string | undefined): number {
  return setting !== undefined && /^\d+$/.test(setting.trim()) ? Number(setting.trim()) : 16;
}

/**
 * A private temporary file that values are appended to and read back from by offset. It is removed
 * from its folder as soon as it is open where the system allows it (read and written through its
 * descriptor only), so that a run that is killed leaves nothing behind.
 */
class SpillFile {
  private end = 0;

  private constructor(
    private fd: number | null,
    private dir: string | null,
  ) {}

  /** A new file in `parent`, or null where none can be made. */
  static open(parent: string): SpillFile | null {
    let dir: string | null = null;
    try {
      dir = mkdtempSync(join(parent, 'zjs-held-'));
      const fd = openSync(join(dir, 'values'), 'w+', 0o600);
      try {
        rmSync(dir, { recursive: true });
        dir = null;
      } catch {
        // Kept until close() (a system that cannot remove an open file).
      }
      return new SpillFile(fd, dir);
    } catch {
      if (dir !== null) rmSync(dir, { recursive: true, force: true });
      return null;
    }
  }

  /** Appends a value's bytes; where they are. */
  append(bytes: Uint8Array): Spilled {
    writeSync(this.fd as number, bytes, 0, bytes.length, this.end);
    const at: Spilled = [this.end, bytes.length];
    this.end += bytes.length;
    return at;
  }

  read([offset, length]: Spilled): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    readSync(this.fd as number, bytes, 0, length, offset);
    return bytes;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true });
    this.fd = null;
    this.dir = null;
  }
}

/** Byte offset and length of a value in a spill file. */
type Spilled = readonly [offset: number, length: number];

/**
 * Where a run's held values go past the first few: a spill file opened on first need (never again
 * once it could not be made, and then everything stays in memory).
 */
class Spill {
  private file: SpillFile | null = null;
  private failed = false;

  constructor(private readonly parent: string) {}

  get open(): boolean {
    return this.file !== null;
  }

  /** The file, opened now if it is not yet; null where none can be made. */
  get(): SpillFile | null {
    if (this.file === null && !this.failed) {
      this.file = SpillFile.open(this.parent);
      this.failed = this.file === null;
    }
    return this.file;
  }

  close(): void {
    this.file?.close();
    this.file = null;
  }
}

/**
 * The checked documents of a batch kept until every document is read (document sets are reconciled
 * then). The first few stay in memory; the rest go, serialised, to a private temporary file that is
 * read back in order and removed, so that a province-sized run keeps only its digests' heads in
 * memory. Entries are plain data (they already cross worker threads), so serialisation gives them
 * back exactly. Where no temporary file can be made, entries stay in memory.
 */
export class HeldEntries<T> {
  private readonly memory: Array<T | Serialized<T> | undefined> = [];
  /** Where each spilled entry is, in the order held. */
  private readonly spilled: Spilled[] = [];
  private readonly spill: Spill;

  constructor(
    private readonly inMemory = 16,
    parent: string = tmpdir(),
  ) {
    this.spill = new Spill(parent);
  }

  get length(): number {
    return this.memory.length + this.spilled.length;
  }

  /** Whether some entries were written to the temporary file (for tests). */
  get spilling(): boolean {
    return this.spill.open;
  }

  /** Holds an entry; one a worker already serialised is written as its bytes. */
  push(entry: T | Serialized<T>): void {
    const file = this.spilled.length > 0 || this.memory.length >= this.inMemory ? this.spill.get() : null;
    if (file === null) {
      this.memory.push(entry);
      return;
    }
    this.spilled.push(file.append(entry instanceof Serialized ? entry.bytes : serialize(entry)));
  }

  /** Every entry in the order pushed, each let go as it is given; the temporary file is removed after. */
  *drain(): Generator<T> {
    try {
      for (let i = 0; i < this.memory.length; i++) {
        const entry = this.memory[i] as T | Serialized<T>;
        this.memory[i] = undefined;
        yield readValue(entry);
      }
      const file = this.spill.get();
      for (const at of this.spilled) yield deserialize((file as SpillFile).read(at)) as T;
    } finally {
      this.close();
    }
  }

  /** Removes the temporary file (also when a run stops before draining). */
  close(): void {
    this.spill.close();
  }
}

/**
 * The digests of a run's documents: in memory, only what finds a document's partners (source,
 * department, kind, year); the cells and claims serialised, the first few in memory and the rest in
 * a private temporary file as the held documents are (a digest takes about 8 KB so, and several
 * times that as objects).
 */
export class KeptDigests {
  private readonly bytes = new Map<string, Uint8Array | Spilled>();
  private readonly spill: Spill;

  constructor(
    private readonly inMemory = 16,
    parent: string = tmpdir(),
  ) {
    this.spill = new Spill(parent);
  }

  /** The head of a digest, kept; its whole is given back by `whole`. A pool worker's comes serialised, with its head. */
  keep(digest: DocumentDigest | HeadedDigest): DocumentDigest {
    const head = 'head' in digest ? digest.head : digestHead(digest);
    const bytes = 'head' in digest ? digest.whole.bytes : Serialized.of(digest).bytes;
    const file = this.bytes.size >= this.inMemory ? this.spill.get() : null;
    this.bytes.set(head.source, file === null ? bytes : file.append(bytes));
    return head;
  }

  /** The whole digest of a head this kept; any other digest (a partner given on the command line) as it is. */
  whole(digest: DocumentDigest): DocumentDigest {
    const kept = this.bytes.get(digest.source);
    if (kept === undefined) return digest;
    return deserialize(kept instanceof Uint8Array ? kept : (this.spill.get() as SpillFile).read(kept)) as DocumentDigest;
  }

  /** Whether some digests were written to the temporary file (for tests). */
  get spilling(): boolean {
    return this.spill.open;
  }

  /** Removes the temporary file. */
  close(): void {
    this.spill.close();
  }
}

/** A digest as a pool worker sends it: its head, and the whole serialised. */
export interface HeadedDigest {
  head: DocumentDigest;
  whole: Serialized<DocumentDigest>;
}

/** What finds a digest's partners (source, department, kind, year), without its cells and claims. */
export function digestHead(digest: DocumentDigest): DocumentDigest {
  const { source, files, kind, department, year } = digest;
  return { source, files, kind, ...(department ? { department } : {}), ...(year !== undefined ? { year } : {}), cells: {}, claims: [] };
}
