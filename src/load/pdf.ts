import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fail, ok, type Loaded } from './errors.js';
import type { GridRow } from './grid.js';
import { layoutPages, type LayoutOptions, type PdfPage, type PdfTextItem } from './pdf-layout.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * The built-ins pdf.js's legacy build may patch with its bundled polyfills. Some of those
 * replace native methods for all code (Array.prototype.push, JSON.stringify) and slow the
 * whole program down, so they are in place only while pdf.js reads.
 */
function patchable(): object[] {
  return [
    Array.prototype,
    ArrayBuffer.prototype,
    Function.prototype,
    JSON,
    Map.prototype,
    Math,
    Number,
    Object,
    Promise,
    Promise.prototype,
    RegExp.prototype,
    Set.prototype,
    String.prototype,
    Uint8Array,
    Uint8Array.prototype,
    Object.getPrototypeOf(Uint8Array.prototype) as object,
    WeakMap.prototype,
  ];
}

interface Swap {
  target: object;
  key: PropertyKey;
  native: PropertyDescriptor;
  patched: PropertyDescriptor;
}

function descriptors(): Map<object, Map<PropertyKey, PropertyDescriptor>> {
  return new Map(patchable().map((t) => [t, new Map(Reflect.ownKeys(t).map((k) => [k, Reflect.getOwnPropertyDescriptor(t, k) as PropertyDescriptor]))]));
}

const differs = (a: PropertyDescriptor, b: PropertyDescriptor): boolean => a.value !== b.value || a.get !== b.get || a.set !== b.set;

interface Library {
  lib: PdfJs;
  swaps: Swap[];
}

let library: Promise<Library> | undefined;

/**
 * pdf.js and its worker (run in this thread), loaded on first use only: they are large, and
 * most runs read no PDF. On import pdf.js reports optional packages it cannot find on stdout,
 * which would corrupt JSON output, so that is muted.
 */
function pdfjs(): Promise<Library> {
  library ??= (async () => {
    const before = descriptors();
    const log = console.log;
    console.log = () => undefined;
    try {
      const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      Object.assign(globalThis, { pdfjsWorker: worker });
      const swaps: Swap[] = [];
      for (const [target, props] of descriptors()) {
        for (const [key, patched] of props) {
          const native = before.get(target)?.get(key);
          if (native && differs(native, patched)) swaps.push({ target, key, native, patched });
        }
      }
      useGlobals(swaps, 'native');
      return { lib, swaps };
    } finally {
      console.log = log;
    }
  })();
  return library;
}

/**
 * Natives pdf.js may keep while it reads: the push polyfill only fixes pushing onto an array
 * whose length is read-only (which pdf.js never does) and costs a fifth of the reading time.
 */
const keepNative = (swap: Swap): boolean => swap.target === Array.prototype && swap.key === 'push';

function useGlobals(swaps: readonly Swap[], which: 'native' | 'patched'): void {
  for (const swap of swaps) Reflect.defineProperty(swap.target, swap.key, which === 'patched' && !keepNative(swap) ? swap.patched : swap.native);
}

/** Folders of the installed pdf.js with the CMaps Chinese fonts need and the standard font data. */
function dataFolders(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + sep, standardFontDataUrl: join(root, 'standard_fonts') + sep };
}

/** Why pdf.js refused a document, in a few words. */
function describe(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  switch (name) {
    case 'PasswordException':
      return 'encrypted, a password is required';
    case 'InvalidPDFException':
      return `not a valid PDF: ${message.replace(/\.$/, '')}`;
    default:
      return message.replace(/\s+/g, ' ').trim() || 'unreadable';
  }
}

/** The text layer of every page: horizontal runs with their positions, top-down coordinates. */
export async function readPdfPages(file: string, bytes: Uint8Array): Promise<Loaded<PdfPage[]>> {
  let loaded: Library;
  try {
    loaded = await pdfjs();
  } catch (error) {
    return fail({ kind: 'pdf', file, page: 0, detail: `pdf.js could not be loaded (${describe(error)})` });
  }
  useGlobals(loaded.swaps, 'patched');
  try {
    return await readPages(loaded.lib, file, bytes);
  } finally {
    useGlobals(loaded.swaps, 'native');
  }
}

async function readPages(lib: PdfJs, file: string, bytes: Uint8Array): Promise<Loaded<PdfPage[]>> {
  const task = lib.getDocument({
    data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    ...dataFolders(),
    cMapPacked: true,
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      return fail({ kind: 'pdf', file, page: 0, detail: describe(error) });
    }
    if (doc.numPages === 0) return fail({ kind: 'pdf', file, page: 0, detail: 'the document has no pages' });
    const pages: PdfPage[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      try {
        const page = await doc.getPage(number);
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        const items: PdfTextItem[] = [];
        for (const item of content.items) {
          if (!('str' in item) || item.str.trim() === '') continue;
          // Page space with y down: the viewport transform also undoes a page's /Rotate.
          const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = lib.Util.transform(viewport.transform, item.transform as number[]);
          const horizontal = a > 0 && Math.abs(b) <= 0.01 * a && Math.abs(c) <= 0.01 * Math.abs(d);
          if (!horizontal) continue;
          items.push({ text: item.str, x, y, width: item.width, size: Math.abs(d) });
        }
        pages.push({ number, width: viewport.width, height: viewport.height, items });
        page.cleanup();
      } catch (error) {
        return fail({ kind: 'pdf', file, page: number, detail: describe(error) });
      }
    }
    // A scan has pages but no text on any of them; a single blank page among text pages is fine.
    if (pages.every((p) => p.items.length === 0)) return fail({ kind: 'no-text-layer', file, page: 1 });
    return ok(pages);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/** A PDF → grid rows, with page and line on every row. */
export async function pdfRows(file: string, bytes: Uint8Array, options: LayoutOptions = {}): Promise<Loaded<GridRow[]>> {
  const pages = await readPdfPages(file, bytes);
  if (!pages.ok) return pages;
  return ok(layoutPages(file, pages.value, options));
}
