import type { Report } from './model.js';

/**
 * Control characters from a workbook or a text (ESC, BEL, a carriage return, bidi overrides) would
 * act on a terminal or a CI log: recolour it, move the cursor, ring, set the window title, reorder
 * what is shown. Before text reaches one they are shown instead, as `\x1b` or `\u202e`.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/g;
const CONTROL_TEST = new RegExp(CONTROL.source);

/** Line breaks and tabs inside a value read as a space; every other control character is written out. */
const SPACE = new Set(['\t', '\n', '\v', '\f', '\r']);

function shown(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text safe for a terminal or a log: control characters shown visibly. With `lines`, line feeds
 * stay (for output the program itself splits into lines); otherwise they and tabs become spaces.
 */
export function visibleControls(text: string, options: { lines?: boolean } = {}): string {
  if (!CONTROL_TEST.test(text)) return text;
  return text.replace(CONTROL, (char) => (char === '\n' && options.lines ? char : SPACE.has(char) ? ' ' : shown(char)));
}

/** The value with its strings made inert; what needs no change is returned as it is, without a copy. */
function inert(value: unknown): unknown {
  if (typeof value === 'string') return visibleControls(value);
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const next = inert(item);
      if (next !== item) (copy ??= [...value])[i] = next;
    }
    return copy ?? value;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(record)) {
      const item = record[key];
      const next = inert(item);
      // Defined, not assigned: a key read from a document may be `__proto__`.
      if (next !== item) Object.defineProperty((copy ??= { ...record }), key, { value: next, writable: true, enumerable: true, configurable: true });
    }
    return copy ?? value;
  }
  return value;
}

/**
 * The report with every string made safe for a terminal or a log (see visibleControls); the parts
 * without control characters are the same objects as before.
 */
export function inertReport(report: Report): Report {
  return inert(report) as Report;
}

/** Characters JSON.stringify leaves raw that a terminal may still act on: DEL, C1 and bidi controls. */
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/g;
const JSON_RAW_TEST = new RegExp(JSON_RAW.source);

/**
 * JSON text with the control characters JSON.stringify leaves raw written as `\u` escapes: the
 * same data once parsed, inert when shown on a terminal.
 */
export function inertJson(json: string): string {
  if (!JSON_RAW_TEST.test(json)) return json;
  return json.replace(JSON_RAW, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
