import { writeFile } from 'node:fs/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Lang } from '../../engine/messages.js';
import { checkDocument } from '../../engine/run.js';
import { ENCODINGS, type Encoding } from '../../load/decode.js';
import { FORMAT_NAMES, FORMATS, isFormatName } from '../../report/index.js';
import { buildReport, type Report, type ReportEntry } from '../../report/model.js';
import { EXIT, type CommandContext, type Io } from '../io.js';
import { outputProblemText, planOutputs, type OutputFlag, type OutputTarget } from '../outputs.js';
import { clobbersInput, engineOptions, findSources, readDocuments } from '../session.js';
import { words } from '../words.js';

interface CheckFlags {
  lang: Lang;
  tolerance: 'interval' | 'exact';
  failOn: 'error' | 'warning';
  color: boolean;
  encoding?: Encoding;
  config?: string;
  quiet?: boolean;
}

function exitCode(report: Report, failOn: 'error' | 'warning'): number {
  if (report.summary.unreadable > 0) return EXIT.failure;
  if (report.summary.errors > 0) return EXIT.findings;
  if (failOn === 'warning' && report.summary.warnings > 0) return EXIT.findings;
  return EXIT.ok;
}

async function runCheck(paths: string[], flags: CheckFlags, targets: readonly OutputTarget[], io: Io): Promise<number> {
  const options = await engineOptions(flags, io);
  if (!options) return EXIT.failure;
  const w = words(options.lang);
  const sources = await findSources(paths, options.lang, io);
  if (!sources) return EXIT.failure;
  const clobbered = targets.find((t) => t.output !== null && clobbersInput(t.output, sources));
  if (clobbered?.output) {
    io.stderr(`zjs: ${w.error}: ${clobbered.output}: ${w.outputIsInput}\n`);
    return EXIT.failure;
  }
  const entries: ReportEntry[] = [];
  for await (const item of readDocuments(sources, { ...flags, lang: options.lang }, io)) {
    entries.push(item.kind === 'unreadable' ? item.entry : { kind: 'checked', doc: checkDocument(item.doc, options) });
  }
  if (entries.length === 0) {
    io.stderr(`zjs: ${w.error}: ${paths.join(' ')}: ${w.noDocs}\n`);
    return EXIT.failure;
  }
  const report = buildReport(entries);
  for (const target of targets) {
    const color = flags.color && target.output === null && io.isTTY && io.env.NO_COLOR === undefined;
    const width = io.isTTY ? Math.max(80, io.columns ?? 100) : 120;
    const out = await FORMATS[target.format].render(report, { lang: options.lang, color, width, quiet: flags.quiet === true, failOn: flags.failOn });
    if (target.output === null) {
      if (typeof out === 'string') io.stdout(out);
      continue;
    }
    try {
      await writeFile(target.output, out);
    } catch (error) {
      io.stderr(`zjs: ${w.error}: ${target.output}: ${w.cannotWrite} (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`);
      return EXIT.failure;
    }
  }
  return exitCode(report, flags.failOn);
}

/** `zjs check PATHS…`: the main job. */
export function registerCheck(program: Command, { io, setCode }: CommandContext): void {
  // -f and -o pair up in the order given, which commander's per-option values do not keep.
  const outputFlags: OutputFlag[] = [];
  program
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
        io.stderr(`zjs: ${words(flags.lang).error}: ${outputProblemText(plan.problem, flags.lang)}\n`);
        setCode(EXIT.failure);
        return;
      }
      setCode(await runCheck(paths, flags, plan.targets, io));
    });
}
