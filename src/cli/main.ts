import { writeFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { inputErrorLine, renderInputError } from '../engine/input-errors.js';
import type { Lang } from '../engine/messages.js';
import { checkDocument, DEFAULT_OPTIONS, type EngineOptions } from '../engine/run.js';
import { ENCODINGS, type Encoding } from '../load/decode.js';
import { discover, loadDocument, type DocumentSource } from '../load/index.js';
import { FORMAT_NAMES, FORMATS, isFormatName } from '../report/index.js';
import { buildReport, type Report, type ReportEntry } from '../report/model.js';
import { DEFAULT_CONTEXT } from '../rules/types.js';
import { VERSION } from '../version.js';
import { readConfig } from './config.js';
import { outputProblemText, planOutputs, type OutputFlag, type OutputTarget } from './outputs.js';

/** What the program may touch of the outside world; tests pass their own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
  columns?: number;
}

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
  };
}

/** Exit codes: 0 no error findings, 1 error findings, 2 usage, input, config or internal failure. */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;

interface CheckFlags {
  lang: Lang;
  tolerance: 'interval' | 'exact';
  failOn: 'error' | 'warning';
  color: boolean;
  encoding?: Encoding;
  config?: string;
  quiet?: boolean;
}

const T = {
  zh: {
    error: '错误',
    cannotWrite: '无法写入',
    outputIsInput: '输出文件不能是输入文件或位于输入文件夹内',
    noDocs: '未找到可检查的文档',
    config: '配置文件无效',
    skipped: (n: number) => `搜索文件夹时跳过了 ${n} 个不含决算公开表的文本文件`,
  },
  en: {
    error: 'error',
    cannotWrite: 'cannot write',
    outputIsInput: 'the output file may not be an input file or lie inside an input folder',
    noDocs: 'no document to check was found',
    config: 'invalid config file',
    skipped: (n: number) => `passed over ${n} text file(s) without any 决算 table found while searching folders`,
  },
};

/** A path the report must not overwrite: any file read as input, or anything inside an input folder. */
function clobbersInput(output: string, sources: readonly DocumentSource[]): boolean {
  const out = resolve(output);
  return sources.some((s) => {
    const files = s.kind === 'text' || s.kind === 'pdf' ? [s.file] : s.kind === 'csv-folder' ? [...s.tables, ...s.narrative] : [];
    if (files.some((f) => resolve(f) === out)) return true;
    return s.kind === 'csv-folder' && out.startsWith(resolve(s.source) + sep);
  });
}

async function runCheck(paths: string[], flags: CheckFlags, targets: readonly OutputTarget[], io: Io): Promise<number> {
  let lang: Lang = flags.lang;
  const options: EngineOptions = { ...DEFAULT_OPTIONS, lang, tolerance: flags.tolerance };
  if (flags.config) {
    const read = await readConfig(flags.config);
    if (!read.ok) {
      io.stderr(`zjs: ${T[lang].config}: ${read.file}${read.line !== null ? `:${read.line}` : ''}: ${read.message}\n`);
      return EXIT.failure;
    }
    const c = read.config;
    lang = c.lang && flags.lang === 'zh' ? c.lang : flags.lang;
    Object.assign(options, {
      lang,
      tolerance: flags.tolerance === 'exact' ? 'exact' : (c.tolerance ?? 'interval'),
      severity: c.severity ?? {},
      context: {
        personnelClasses: c.personnelClasses ?? DEFAULT_CONTEXT.personnelClasses,
        publicClasses: c.publicClasses ?? DEFAULT_CONTEXT.publicClasses,
      },
    });
  }
  const sources = await discover(paths);
  const clobbered = targets.find((t) => t.output !== null && clobbersInput(t.output, sources));
  if (clobbered?.output) {
    io.stderr(`zjs: ${T[lang].error}: ${clobbered.output}: ${T[lang].outputIsInput}\n`);
    return EXIT.failure;
  }
  if (sources.length === 0) {
    io.stderr(`zjs: ${T[lang].error}: ${paths.join(' ')}: ${T[lang].noDocs}\n`);
    return EXIT.failure;
  }
  const entries: ReportEntry[] = [];
  let skippedFiles = 0;
  for (const source of sources) {
    const loaded = await loadDocument(source, flags.encoding ? { encoding: flags.encoding } : {});
    // A text file met while searching a folder that turns out not to be a disclosure is passed over.
    if (!loaded.ok && source.kind === 'text' && source.searched && loaded.error.kind === 'not-disclosure') {
      skippedFiles++;
      continue;
    }
    if (!loaded.ok) {
      const error = renderInputError(loaded.error, lang);
      io.stderr(`zjs: ${T[lang].error}: ${inputErrorLine(error)}\n`);
      entries.push({ kind: 'unreadable', source: source.source, error });
      continue;
    }
    entries.push({ kind: 'checked', doc: checkDocument(loaded.value, options) });
  }
  if (skippedFiles > 0) io.stderr(`zjs: ${T[lang].skipped(skippedFiles)}\n`);
  if (entries.length === 0) {
    io.stderr(`zjs: ${T[lang].error}: ${paths.join(' ')}: ${T[lang].noDocs}\n`);
    return EXIT.failure;
  }
  const report = buildReport(entries);
  for (const target of targets) {
    const color = flags.color && target.output === null && io.isTTY && io.env.NO_COLOR === undefined;
    const width = io.isTTY ? Math.max(80, io.columns ?? 100) : 120;
    const out = await FORMATS[target.format].render(report, { lang, color, width, quiet: flags.quiet === true, failOn: flags.failOn });
    if (target.output === null) {
      if (typeof out === 'string') io.stdout(out);
      continue;
    }
    try {
      await writeFile(target.output, out);
    } catch (error) {
      io.stderr(`zjs: ${T[lang].error}: ${target.output}: ${T[lang].cannotWrite} (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`);
      return EXIT.failure;
    }
  }
  return exitCode(report, flags.failOn);
}

function exitCode(report: Report, failOn: 'error' | 'warning'): number {
  if (report.summary.unreadable > 0) return EXIT.failure;
  if (report.summary.errors > 0) return EXIT.findings;
  if (failOn === 'warning' && report.summary.warnings > 0) return EXIT.findings;
  return EXIT.ok;
}

function program(io: Io, setCode: (code: number) => void): Command {
  // -f and -o pair up in the order given, which commander's per-option values do not keep.
  const outputFlags: OutputFlag[] = [];
  const zjs = new Command('zjs')
    .description('部门决算公开一致性检查 — consistency checks for Chinese final-accounts disclosures')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();
  zjs
    .command('check')
    .description('检查一个或多个决算公开文档（PDF、文本文件、每表一个 CSV 的文件夹，或包含它们的文件夹）')
    .argument('<paths...>', '文件或文件夹')
    .addOption(
      new Option('-f, --format <format>', `报告格式（${FORMAT_NAMES.join('、')}；可重复，每个格式配其后的 -o），默认 text`).argParser((value: string) => {
        if (!isFormatName(value)) throw new InvalidArgumentError(`Allowed choices are ${FORMAT_NAMES.join(', ')}.`);
        outputFlags.push({ flag: 'format', value });
        return value;
      }),
    )
    .addOption(
      new Option('-o, --output <file>', '把前一个 -f 格式的报告写入文件，而不是标准输出').argParser((value: string) => {
        outputFlags.push({ flag: 'output', value });
        return value;
      }),
    )
    .addOption(new Option('--lang <lang>', '报告语言').choices(['zh', 'en']).default('zh'))
    .addOption(new Option('--tolerance <mode>', 'interval：尾数误差为提示；exact：尾数误差也算错误').choices(['interval', 'exact']).default('interval'))
    .addOption(new Option('--fail-on <level>', '哪一级问题使退出码为 1').choices(['error', 'warning']).default('error'))
    .addOption(new Option('--encoding <encoding>', '输入编码（默认自动识别 UTF-8 / GB18030 / UTF-16）').choices([...ENCODINGS]))
    .option('--config <file>', '配置文件（JSON）')
    .option('-q, --quiet', '文本报告中不列出提示（尾数误差、跳过的检查）')
    .option('--no-color', '不使用颜色')
    .action(async (paths: string[], flags: CheckFlags) => {
      const plan = planOutputs(outputFlags);
      if (!plan.ok) {
        io.stderr(`zjs: ${T[flags.lang].error}: ${outputProblemText(plan.problem, flags.lang)}\n`);
        setCode(EXIT.failure);
        return;
      }
      setCode(await runCheck(paths, flags, plan.targets, io));
    });
  return zjs;
}

/** Runs the command line; returns the exit code. Bad input never throws out of here. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const zjs = program(io, (c) => {
    code = c;
  });
  try {
    await zjs.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    // Help and version end in 0; every usage error (and help shown for a missing command) in 2.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.failure;
    throw error;
  }
  return code;
}
