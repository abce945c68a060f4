import { fail, ok, type EncodingFallback, type Loaded } from './errors.js';

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'];

/** Invalid bytes in a text read as UTF-8 anyway: how many sequences, and where the first is. */
export interface Damage {
  count: number;
  line: number;
  /** 0-based byte offset in the file. */
  offset: number;
}

/** A file's text, the encoding it was read in, and what was odd about it. */
export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Mostly UTF-8 with a few invalid bytes: read as UTF-8, each invalid sequence as U+FFFD. */
  damage?: Damage;
  /** Not UTF-8 from this line on: read as GB18030. */
  fallback?: EncodingFallback;
}

/**
 * Well-formed non-ASCII characters needed for each invalid sequence to call a file damaged UTF-8
 * rather than GBK: GBK text read as UTF-8 gives far fewer characters than invalid sequences (a
 * GBK character forms a UTF-8 one only by chance, about one in six), UTF-8 with a stray byte far more.
 */
const UTF8_MAJORITY = 8;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** 1-based line of a byte offset. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** iconv-lite carries large code tables; it loads only when a file is not UTF-8. */
async function legacyDecode(bytes: Uint8Array, encoding: 'gb18030' | 'utf-16le' | 'utf-16be'): Promise<string> {
  const { default: iconv } = await import('iconv-lite');
  return iconv.decode(Buffer.from(bytes), encoding);
}

/**
 * Bytes to text. UTF-16 by its BOM; otherwise UTF-8 (with or without BOM) when the bytes are
 * UTF-8, or mostly so (a few invalid bytes are reported as damage, not a reason to re-read the
 * file), else GB18030 (a superset of GBK, which Chinese Excel writes). NUL bytes mean a binary file.
 */
export async function decode(file: string, bytes: Uint8Array, forced?: Encoding): Promise<Loaded<Decoded>> {
  if (bytes.length === 0) return fail({ kind: 'empty', file });
  const encoding = forced ?? sniff(bytes);
  let decoded: Decoded;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    decoded = { text: await legacyDecode(bytes, encoding), encoding };
  } else if (bytes.indexOf(0) >= 0) {
    return fail({ kind: 'binary', file, line: lineAt(bytes, bytes.indexOf(0)) });
  } else if (encoding === 'utf-8') {
    const read = await readUtf8(file, bytes, forced === 'utf-8');
    if (!read.ok) return read;
    decoded = read.value;
  } else {
    decoded = { text: await legacyDecode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return fail({ kind: 'empty', file });
  const control = /[\u0000-\u0008\u000e-\u001f\u007f]/.exec(text);
  if (control) return fail({ kind: 'binary', file, line: text.slice(0, control.index).split('\n').length });
  return ok({ ...decoded, text });
}

async function readUtf8(file: string, bytes: Uint8Array, forced: boolean): Promise<Loaded<Decoded>> {
  try {
    return ok({ text: strictUtf8.decode(bytes), encoding: 'utf-8' });
  } catch {
    const problems = utf8Problems(bytes);
    const first = { line: lineAt(bytes, problems.first), offset: problems.first };
    if (forced) return fail({ kind: 'encoding', file, ...first, encoding: 'utf-8' });
    if (problems.characters >= UTF8_MAJORITY * problems.count) {
      return ok({ text: lenientUtf8.decode(bytes), encoding: 'utf-8', damage: { count: problems.count, ...first } });
    }
    return ok({ text: await legacyDecode(bytes, 'gb18030'), encoding: 'gb18030', fallback: { ...first, from: 'utf-8', to: 'gb18030' } });
  }
}

/**
 * Invalid UTF-8 sequences (counted as a decoder replaces them: the longest valid start of a
 * sequence is one), the offset of the first, and the well-formed non-ASCII characters.
 */
function utf8Problems(bytes: Uint8Array): { count: number; first: number; characters: number } {
  let count = 0;
  let first = -1;
  let characters = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    let j = 1;
    while (j <= need) {
      const c = bytes[i + j];
      if (c === undefined || c < (j === 1 ? lo : 0x80) || c > (j === 1 ? hi : 0xbf)) break;
      j++;
    }
    if (need > 0 && j > need) {
      characters++;
      i += need + 1;
      continue;
    }
    count++;
    if (first < 0) first = i;
    i += j;
  }
  return { count, first: Math.max(0, first), characters };
}

function sniff(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // UTF-16 without BOM: every other byte NUL in the first characters of ASCII-heavy text.
  if (bytes.length >= 4 && bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0) return 'utf-16le';
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[2] === 0 && bytes[1] !== 0) return 'utf-16be';
  return 'utf-8';
}

/** Splits text into lines, accepting \r\n, \n and \r. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}
