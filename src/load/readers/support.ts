import type { DisclosureDocument } from '../../model/document.js';
import { decode, type Decoded } from '../decode.js';
import type { Loaded } from '../errors.js';
import { readBytes } from '../files.js';
import type { ReadOptions } from './types.js';
import { BUILTIN_TEMPLATES, templateSet, type TemplateSet } from '../../templates/tables.js';

/** The tables the readers recognise: the run's catalog's, else the built-in ones. */
export const templatesOf = (options: ReadOptions): TemplateSet => (options.catalog ? templateSet(options.catalog.tables) : BUILTIN_TEMPLATES);

/** The limit a file is read under: the option when given, else the reader's own. */
export const limitOf = (own: number, options: ReadOptions): number => options.maxBytes ?? own;

/** A text file's bytes, decoded. */
export async function readText(file: string, limit: number, options: ReadOptions): Promise<Loaded<Decoded>> {
  const bytes = await readBytes(file, limit);
  if (!bytes.ok) return bytes;
  return await decode(file, bytes.value, options.encoding);
}

/** Invalid bytes read anyway become a warning of the document, at the line of the first. */
export function noteDamage(doc: DisclosureDocument, file: string, decoded: Decoded): void {
  if (!decoded.damage) return;
  const { line, offset, count } = decoded.damage;
  doc.issues.push({ code: 'invalid-bytes', loc: { file, line }, params: { offset: String(offset), count: String(count), encoding: 'UTF-8' } });
}

export const tableCount = (doc: DisclosureDocument): number => Object.keys(doc.tables).length;
