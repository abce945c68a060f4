/**
 * Why an input could not be read at all. The CLI renders each as one line and exits 2.
 * `page` is 1-based; 0 on a `pdf` error means the document as a whole.
 */
export type InputError =
  | { kind: 'not-found'; file: string }
  | { kind: 'unreadable'; file: string; detail: string }
  | { kind: 'empty'; file: string }
  | { kind: 'binary'; file: string; line: number }
  /** `offset`: 0-based byte offset of the first invalid byte in the file. */
  | { kind: 'encoding'; file: string; line: number; offset: number; encoding: string }
  | { kind: 'csv'; file: string; line: number; detail: CsvProblem }
  /** `fallback`: the file was not UTF-8 at this line and byte, and was read as GB18030. */
  | { kind: 'not-disclosure'; file: string; fallback?: EncodingFallback }
  /** A FIFO, a socket or a device: only regular files are read. */
  | { kind: 'special-file'; file: string; type: SpecialFile }
  /** Larger than the limit (bytes); `part`: the part of a workbook whose unpacked size is over it. */
  | { kind: 'too-large'; file: string; size: number; limit: number; part?: string }
  | { kind: 'unsupported'; file: string; extension: string }
  | { kind: 'no-text-layer'; file: string; page: number }
  | { kind: 'pdf'; file: string; page: number; detail: string }
  | { kind: 'xlsx'; file: string; detail: XlsxProblem };

/** Where a file stopped being UTF-8, when it was read as GB18030 instead. */
export interface EncodingFallback {
  line: number;
  offset: number;
  from: string;
  to: string;
}

export type SpecialFile = 'fifo' | 'socket' | 'character-device' | 'block-device' | 'other';

export type CsvProblem =
  | { kind: 'ragged'; expected: number; actual: number }
  | { kind: 'quote' }
  | { kind: 'other'; message: string };

/**
 * Why a workbook cannot be read. `formula`: formulas saved without their computed values (as some
 * programs write workbooks), which only a spreadsheet program can supply by recalculating.
 */
export type XlsxProblem =
  | { kind: 'encrypted' }
  | { kind: 'legacy' }
  | { kind: 'corrupt'; message: string }
  | { kind: 'formula'; sheet: string; cell: string; count: number };

export type Loaded<T> = { ok: true; value: T } | { ok: false; error: InputError };

export const ok = <T>(value: T): Loaded<T> => ({ ok: true, value });
export const fail = <T>(error: InputError): Loaded<T> => ({ ok: false, error });
