import { fail, ok, type Loaded } from './errors.js';

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'];

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** 1-based line of a byte offset. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Bytes to text. UTF-16 by its BOM; otherwise strict UTF-8 (with or without BOM), else GB18030
 * (a superset of GBK, which Chinese Excel writes). NUL bytes mean a binary file.
 */
/** iconv-lite carries large code tables; it loads only when a file is not UTF-8. */
async function legacyDecode(bytes: Uint8Array, encoding: 'gb18030' | 'utf-16le' | 'utf-16be'): Promise<string> {
  const { default: iconv } = await import('iconv-lite');
  return iconv.decode(Buffer.from(bytes), encoding);
}

export async function decode(file: string, bytes: Uint8Array, forced?: Encoding): Promise<Loaded<string>> {
  if (bytes.length === 0) return fail({ kind: 'empty', file });
  const encoding = forced ?? sniff(bytes);
  let text: string;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    text = await legacyDecode(bytes, encoding);
  } else if (bytes.indexOf(0) >= 0) {
    return fail({ kind: 'binary', file, line: lineAt(bytes, bytes.indexOf(0)) });
  } else if (encoding === 'utf-8') {
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      if (forced) return fail({ kind: 'encoding', file, line: firstBadUtf8Line(bytes), encoding: 'utf-8' });
      text = await legacyDecode(bytes, 'gb18030');
    }
  } else {
    text = await legacyDecode(bytes, 'gb18030');
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return fail({ kind: 'empty', file });
  const control = /[\u0000-\u0008\u000e-\u001f\u007f]/.exec(text);
  if (control) return fail({ kind: 'binary', file, line: text.slice(0, control.index).split('\n').length });
  return ok(text);
}

function sniff(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // UTF-16 without BOM: every other byte NUL in the first characters of ASCII-heavy text.
  if (bytes.length >= 4 && bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0) return 'utf-16le';
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[2] === 0 && bytes[1] !== 0) return 'utf-16be';
  return 'utf-8';
}

function firstBadUtf8Line(bytes: Uint8Array): number {
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        strictUtf8.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      start = i + 1;
      line++;
    }
  }
  return 1;
}

/** Splits text into lines, accepting \r\n, \n and \r. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}
