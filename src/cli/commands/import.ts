import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Option, type Command } from 'commander';
import { inputErrorLine, renderInputError } from '../../engine/input-errors.js';
import type { Lang } from '../../engine/messages.js';
import { csvFolder, NARRATIVE_FILE } from '../../export/csv-folder.js';
import { ENCODINGS, type Encoding } from '../../load/decode.js';
import type { InputError } from '../../load/errors.js';
import { discover, loadDocument } from '../../load/index.js';
import { TABLE_KEYS, type LoadIssue } from '../../model/document.js';
import { formatLocation } from '../../model/location.js';
import { template } from '../../templates/tables.js';
import { writeFolderAtomic } from '../atomic-write.js';
import { guardInputs, inputPaths, mayWrite } from '../destinations.js';
import { EXIT, type CommandContext, type Io } from '../io.js';
import { ignoreOption, loadOptions, maxInputSizeOption } from '../session.js';
import { words } from '../words.js';

interface ImportFlags {
  out: string;
  force?: boolean;
  lang: Lang;
  encoding?: Encoding;
  maxInputSize?: number;
  ignore?: string[];
}

const WORDS = {
  zh: {
    several: (n: number) => `包含 ${n} 个文档，请逐个导入`,
    outIsInput: '输出文件夹不能是输入文件夹、位于其中，或是输入文件',
    notFolder: '已存在且不是文件夹',
    notFile: '已存在且不是普通文件，无法覆盖',
    exists: (n: number) => `已存在 ${n} 个同名文件（如需覆盖请加 --force）`,
    stray: '输出文件夹中有其他 CSV 或文本文件，检查该文件夹时会被一并读取；请换一个文件夹',
    wrote: (dir: string, tables: number, narrative: number) => `已写入 ${dir}：${tables} 张表${narrative > 0 ? `，${NARRATIVE_FILE}（${narrative} 行）` : ''}`,
    missing: (names: string) => `源文件中没有：${names}`,
    dropped: (loc: string, what: string) => `${loc}: 未写入：${what}`,
    issue: { 'duplicate-row': (t: string) => `重复的行“${t}”`, 'column-unrecognised': (t: string) => `不在任何栏目下的数值“${t}”`, 'table-duplicate': (t: string) => `重复的表“${t}”`, 'cells-unplaced': (n: string, u: string) => `${n} 个数值无法确定所在栏目，${u} 个单元格写为“?”，请按原件填写`, other: (t: string) => t },
    note: '注意',
  },
  en: {
    several: (n: number) => `holds ${n} documents; import them one at a time`,
    outIsInput: 'the output folder may not be the input folder, lie inside it, or be an input file',
    notFolder: 'exists and is not a folder',
    notFile: 'exists and is not a regular file; it cannot be overwritten',
    exists: (n: number) => `${n} file(s) of the same name exist already (add --force to overwrite them)`,
    stray: 'the output folder holds other CSV or text files, which checking the folder would read too; choose another folder',
    wrote: (dir: string, tables: number, narrative: number) => `wrote ${dir}: ${tables} table(s)${narrative > 0 ? `, ${NARRATIVE_FILE} (${narrative} lines)` : ''}`,
    missing: (names: string) => `not in the source: ${names}`,
    dropped: (loc: string, what: string) => `${loc}: not written: ${what}`,
    issue: { 'duplicate-row': (t: string) => `duplicate row “${t}”`, 'column-unrecognised': (t: string) => `value “${t}” under no recognised header`, 'table-duplicate': (t: string) => `duplicate table “${t}”`, 'cells-unplaced': (n: string, u: string) => `${n} values could not be placed in a column; ${u} cells are written as “?”, to be filled in from the original`, other: (t: string) => t },
    note: 'note',
  },
} as const;

/** Files a CSV folder is read from: a file of these types in the output folder would join the document. */
const READ_AS_PART = new Set(['.csv', '.txt', '.text', '.md']);

function describeIssue(issue: LoadIssue, lang: Lang): string {
  const w = WORDS[lang].issue;
  const text = issue.params.text ?? issue.params.row ?? issue.params.title ?? issue.code;
  switch (issue.code) {
    case 'duplicate-row':
    case 'column-unrecognised':
    case 'table-duplicate':
      return w[issue.code](text);
    case 'cells-unplaced':
      return w[issue.code](issue.params.unplaced ?? '0', issue.params.unknown ?? '0');
    default:
      return w.other(text);
  }
}

async function runImport(path: string, flags: ImportFlags, io: Io): Promise<number> {
  const lang = flags.lang;
  const w = WORDS[lang];
  const error = (where: string, message: string): number => {
    io.stderr(`zjs: ${words(lang).error}: ${where}: ${message}\n`);
    return EXIT.failure;
  };
  const unreadable = (e: InputError): number => {
    io.stderr(`zjs: ${words(lang).error}: ${inputErrorLine(renderInputError(e, lang))}\n`);
    return EXIT.failure;
  };
  const sources = await discover([path], loadOptions(flags));
  const source = sources[0];
  if (!source) return error(path, words(lang).noDocs);
  if (sources.length > 1) return error(path, w.several(sources.length));
  if (source.kind === 'missing') return unreadable(source.error);

  // Never write inside the input: not into its folder (nor the folder given), not over one of its files.
  const given = (await isDirectory(path)) ? [path] : [];
  const guard = await guardInputs(inputPaths([source], { files: [], folders: given }));
  const granted = await mayWrite(guard, flags.out);
  if (!granted.ok) return error(flags.out, w.outIsInput);
  const out = granted.real;

  const loaded = await loadDocument(source, loadOptions(flags));
  if (!loaded.ok) return unreadable(loaded.error);
  const folder = csvFolder(loaded.value);

  // Every file is checked before any is written.
  let existing: string[] = [];
  try {
    const info = await stat(out);
    if (!info.isDirectory()) return error(flags.out, w.notFolder);
    existing = await readdir(out);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return error(flags.out, `${words(lang).cannotWrite} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const planned = new Set(folder.files.map((f) => f.name));
  for (const file of folder.files) {
    if (!(await mayWrite(guard, join(out, file.name))).ok) return error(flags.out, w.outIsInput);
  }
  const stray = existing.filter((name) => !planned.has(name) && READ_AS_PART.has(extname(name).toLowerCase()) && !name.startsWith('.'));
  if (stray.length > 0) return error(join(flags.out, stray[0] ?? ''), w.stray);
  const clashes = existing.filter((name) => planned.has(name));
  if (clashes.length > 0 && !flags.force) return error(join(flags.out, clashes[0] ?? ''), w.exists(clashes.length));
  for (const name of clashes) {
    if (!(await isFile(join(out, name)))) return error(join(flags.out, name), w.notFile);
  }

  // Written whole or not at all: a failure leaves neither a new folder nor part of one.
  try {
    await writeFolderAtomic(out, folder.files);
  } catch (e) {
    return error(flags.out, `${words(lang).cannotWrite} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }

  const doc = loaded.value;
  const missing = TABLE_KEYS.filter((k) => !doc.tables[k]).map((k) => template(k).name[lang]);
  const tables = TABLE_KEYS.length - missing.length;
  io.stdout(`${w.wrote(flags.out, tables, doc.narrative.length)}${missing.length > 0 ? `; ${w.missing(missing.join(lang === 'zh' ? '、' : ', '))}` : ''}\n`);
  for (const issue of folder.dropped) io.stderr(`zjs: ${w.note}: ${w.dropped(formatLocation(issue.loc), describeIssue(issue, lang))}\n`);
  return EXIT.ok;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** `zjs import SOURCE --out DIR`: any readable document as the canonical per-table CSV folder. */
export function registerImport(program: Command, { io, setCode, help }: CommandContext): void {
  const h = help.import;
  program
    .command('import')
    .description(h.description)
    .argument('<source>', h.source)
    .requiredOption('--out <dir>', h.out)
    .option('--force', h.force)
    .addOption(new Option('--lang <lang>', help.lang).choices(['zh', 'en']).default('zh'))
    .addOption(new Option('--encoding <encoding>', help.encoding).choices([...ENCODINGS]))
    .addOption(maxInputSizeOption(help))
    .addOption(ignoreOption(help))
    .action(async (source: string, flags: ImportFlags) => {
      setCode(await runImport(source, flags, io));
    });
}
