import { basename, dirname, extname } from 'node:path';

/**
 * A 部门预算 (or 决算) is often published as two PDFs: the 说明 and the 表 (江苏省政协办公厅2018年度
 * 部门预算.pdf and 江苏省政协办公厅2018度部门预算公开表.pdf). Found side by side, they are one
 * document. Two files pair when they are in the same folder and their names give the same
 * department (the text before the year, spaces removed), the same year and the same kind (预算 or
 * 决算), and exactly one of them names a table (its name ends in 表 or 表格 after the year): the
 * 说明 is read first, then the 表.
 */

export interface NameKey {
  department: string;
  year: number;
  kind: 'budget' | 'final';
  /** The file holds the tables (…公开表, …公开表格, …预算表). */
  tables: boolean;
}

/** What a file name says of the document in it, or undefined when it names no department, year and kind. */
export function nameKey(path: string): NameKey | undefined {
  const stem = basename(path, extname(path)).replace(/[\s\u3000]+/g, '');
  const m = /^(.{2,}?)(20\d{2})年?度?(.*)$/u.exec(stem);
  if (!m?.[1] || !m[2]) return undefined;
  const rest = m[3] ?? '';
  const kind = /预算/.test(rest) ? 'budget' : /决算/.test(rest) ? 'final' : undefined;
  if (!kind) return undefined;
  return { department: m[1], year: Number(m[2]), kind, tables: /表格?$/.test(rest) };
}

/**
 * Pairs the files of the same department, year and kind (see above) among `paths`, in order: each
 * pair is returned once, 说明 first, in the place of the first of its two files; every other path
 * stands alone.
 */
export function pairFiles(paths: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  const keyOf = new Map<string, string>();
  for (const path of paths) {
    const key = nameKey(path);
    if (!key) continue;
    const id = `${dirname(path)}\u0000${key.department}\u0000${key.year}\u0000${key.kind}`;
    keyOf.set(path, id);
    groups.set(id, [...(groups.get(id) ?? []), path]);
  }
  const out: string[][] = [];
  const done = new Set<string>();
  for (const path of paths) {
    if (done.has(path)) continue;
    const group = groups.get(keyOf.get(path) ?? '') ?? [];
    const tables = group.filter((p) => nameKey(p)?.tables);
    const texts = group.filter((p) => !nameKey(p)?.tables);
    const [table] = tables;
    const [text] = texts;
    if (group.length === 2 && table && text) {
      out.push([text, table]);
      done.add(text);
      done.add(table);
    } else {
      out.push([path]);
      done.add(path);
    }
  }
  return out;
}

/** Sources of one kind joined by `pairFiles`: the 说明's source, with the 表 as a part read after it. */
export function pairSources<S extends { file: string; parts?: string[] }>(sources: readonly S[]): S[] {
  const byFile = new Map(sources.map((s) => [s.file, s]));
  return pairFiles(sources.map((s) => s.file)).flatMap((files): S[] => {
    const [first, ...rest] = files;
    const source = first === undefined ? undefined : byFile.get(first);
    if (!source) return [];
    return rest.length === 0 ? [source] : [{ ...source, parts: rest }];
  });
}
