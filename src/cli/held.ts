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
 * The checked documents of a batch kept until every document is read (document sets are reconciled
 * then). The first few stay in memory; the rest go, serialised, to a private temporary file that is
 * read back in order and removed, so that a province-sized run keeps only its digests in memory.
 * Entries are plain data (they already cross worker threads), so serialisation gives them back
 * exactly. Where no temporary file can be made, entries stay in memory.
 */
export class HeldEntries<T> {
  private readonly memory: Array<T | Serialized<T> | undefined> = [];
  /** Byte offset and length of each spilled entry, by its index among the held ones. */
  private readonly spilled: Array<readonly [offset: number, length: number]> = [];
  private dir: string | null = null;
  private fd: number | null = null;
  private end = 0;
  private failed = false;

  constructor(
    private readonly inMemory = 16,
    private readonly parent: string = tmpdir(),
  ) {}

  get length(): number {
    return this.memory.length + this.spilled.length;
  }

  /** Whether some entries were written to the temporary file (for tests). */
  get spilling(): boolean {
    return this.fd !== null;
  }

  /** Holds an entry; one a worker already serialised is written as its bytes. */
  push(entry: T | Serialized<T>): void {
    if (this.spilled.length === 0 && (this.memory.length < this.inMemory || !this.open())) {
      this.memory.push(entry);
      return;
    }
    const bytes = entry instanceof Serialized ? entry.bytes : serialize(entry);
    writeSync(this.fd as number, bytes, 0, bytes.length, this.end);
    this.spilled.push([this.end, bytes.length]);
    this.end += bytes.length;
  }

  /** Every entry in the order pushed, each let go as it is given; the temporary file is removed after. */
  *drain(): Generator<T> {
    try {
      for (let i = 0; i < this.memory.length; i++) {
        const entry = this.memory[i] as T | Serialized<T>;
        this.memory[i] = undefined;
        yield readValue(entry);
      }
      for (const [offset, length] of this.spilled) {
        const bytes = Buffer.allocUnsafe(length);
        readSync(this.fd as number, bytes, 0, length, offset);
        yield deserialize(bytes) as T;
      }
    } finally {
      this.close();
    }
  }

  /** Removes the temporary file (also when a run stops before draining). */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true });
    this.fd = null;
    this.dir = null;
  }

  private open(): boolean {
    if (this.fd !== null) return true;
    if (this.failed) return false;
    try {
      this.dir = mkdtempSync(join(this.parent, 'zjs-held-'));
      this.fd = openSync(join(this.dir, 'documents'), 'w+', 0o600);
      // The file is read and written through its descriptor only: removed at once where the system
      // allows it, so that nothing is left behind even if the run is killed.
      try {
        rmSync(this.dir, { recursive: true });
        this.dir = null;
      } catch {
        // Kept until close() (a system that cannot remove an open file).
      }
      return true;
    } catch {
      if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true });
      this.dir = null;
      this.failed = true;
      return false;
    }
  }
}

/**
 * The digests of a run's documents: in memory, only what finds a document's partners (source,
 * department, kind, year); the cells and claims serialised beside it, outside the JS heap (a
 * digest takes about 8 KB so, and several times that as objects).
 */
export class KeptDigests {
  private readonly bytes = new Map<string, Uint8Array>();

  /** The head of a digest, kept; its whole is given back by `whole`. A pool worker's comes serialised, with its head. */
  keep(digest: DocumentDigest | HeadedDigest): DocumentDigest {
    if ('head' in digest) {
      this.bytes.set(digest.head.source, digest.whole.bytes);
      return digest.head;
    }
    this.bytes.set(digest.source, Serialized.of(digest).bytes);
    return digestHead(digest);
  }

  /** The whole digest of a head this kept; any other digest (a partner given on the command line) as it is. */
  whole(digest: DocumentDigest): DocumentDigest {
    const bytes = this.bytes.get(digest.source);
    return bytes ? (deserialize(bytes) as DocumentDigest) : digest;
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
