import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { applyAcceptance, baselineOf, type Baseline, type WaiverSet } from '../../engine/accept.js';
import type { Lang } from '../../engine/messages.js';
import { checkDocument, type CheckedDocument } from '../../engine/run.js';
import { ENCODINGS, type Encoding } from '../../load/decode.js';
import { FORMAT_NAMES, FORMATS, isFormatName } from '../../report/index.js';
import { buildReport, type Report, type ReportEntry } from '../../report/model.js';
import { noticeLine, readBaseline, readWaivers, writeBaseline } from '../acceptance.js';
import { EXIT, type CommandContext, type Io } from '../io.js';
import { outputProblemText, planOutputs, type OutputFlag, type OutputTarget } from '../outputs.js';
import { startProgress } from '../progress.js';
import { clobbersInput, openSession, readDocuments, type Session } from '../session.js';
import { words } from '../words.js';

interface CheckFlags {
  lang?: Lang;
  tolerance?: 'interval' | 'exact';
  failOn: 'error' | 'warning';
  color: boolean;
  progress: boolean;
  encoding?: Encoding;
  config?: string | false;
  quiet?: boolean;
  verbose?: boolean;
  baseline?: string;
  writeBaseline?: string;
  waivers?: string;
}

function exitCode(report: Report, failOn: 'error' | 'warning'): number {
  if (report.summary.unreadable > 0) return EXIT.failure;
  if (report.summary.errors > 0) return EXIT.findings;
  if (failOn === 'warning' && report.summary.warnings > 0) return EXIT.findings;
  return EXIT.ok;
}

/** Today as YYYY-MM-DD (UTC), for waiver expiry. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

interface AcceptanceFiles {
  baseline?: Baseline;
  waivers?: WaiverSet;
}

/** Reads --baseline and --waivers; an invalid file is one line on stderr and undefined. */
async function readAcceptanceFiles(flags: CheckFlags, lang: Lang, io: Io): Promise<AcceptanceFiles | undefined> {
  const w = words(lang);
  const files: AcceptanceFiles = {};
  if (flags.waivers !== undefined) {
    const read = await readWaivers(flags.waivers);
    if (!read.ok) {
      io.stderr(`zjs: ${w.waivers}: ${read.file}${read.line !== null ? `:${read.line}` : ''}: ${read.message}\n`);
      return undefined;
    }
    files.waivers = read.value;
  }
  if (flags.baseline !== undefined) {
    const read = await readBaseline(flags.baseline);
    if (!read.ok) {
      io.stderr(`zjs: ${w.baseline}: ${read.file}${read.line !== null ? `:${read.line}` : ''}: ${read.message}\n`);
      return undefined;
    }
    files.baseline = read.value;
  }
  return files;
}

/**
 * Marks accepted findings (waivers, then the baseline) and, with --write-baseline, records the
 * errors and warnings no waiver accepts and reports them as accepted by the new baseline. Returns
 * the documents to report, or undefined when the baseline could not be written.
 */
async function accept(docs: CheckedDocument[], files: AcceptanceFiles, flags: CheckFlags, unreadable: boolean, lang: Lang, io: Io): Promise<CheckedDocument[] | undefined> {
  const w = words(lang);
  const root = process.cwd();
  const first = applyAcceptance(docs, { ...files, today: today(), root });
  for (const notice of first.notices) io.stderr(`${noticeLine(notice, lang)}\n`);
  const file = flags.writeBaseline;
  if (file === undefined) return first.docs;
  if (unreadable) {
    io.stderr(`zjs: ${w.error}: ${file}: ${w.baselineNotWritten}\n`);
    return first.docs;
  }
  const documents = baselineOf(first.docs, root);
  const written = await writeBaseline(file, documents);
  if (!written.ok) {
    io.stderr(`zjs: ${w.error}: ${file}: ${w.cannotWrite} (${written.code})\n`);
    return undefined;
  }
  io.stderr(`zjs: ${file}: ${w.baselineWritten(documents.reduce((n, d) => n + d.findings.length, 0), documents.length)}\n`);
  return applyAcceptance(docs, { ...(files.waivers ? { waivers: files.waivers } : {}), baseline: { file, documents }, today: today(), root }).docs;
}

/** Where --write-baseline may not write: an input, a file read for this run, or a report output. */
function baselineClash(file: string, flags: CheckFlags, targets: readonly OutputTarget[], session: Session): string | undefined {
  const w = words(session.lang);
  const path = resolve(file);
  if (clobbersInput(file, session.sources) || [flags.waivers, ...session.configFiles].some((f) => f !== undefined && resolve(f) === path)) return w.baselineIsInput;
  if (targets.some((t) => t.output !== null && resolve(t.output) === path)) return w.baselineSameAsOutput;
  return undefined;
}

async function runCheck(paths: string[], flags: CheckFlags, targets: readonly OutputTarget[], io: Io): Promise<number> {
  const session = await openSession(paths, flags, io);
  if (!session) return EXIT.failure;
  const { lang, sources } = session;
  const w = words(lang);
  const files = await readAcceptanceFiles(flags, lang, io);
  if (!files) return EXIT.failure;
  const clobbered = targets.find((t) => t.output !== null && clobbersInput(t.output, sources));
  if (clobbered?.output) {
    io.stderr(`zjs: ${w.error}: ${clobbered.output}: ${w.outputIsInput}\n`);
    return EXIT.failure;
  }
  const clash = flags.writeBaseline !== undefined ? baselineClash(flags.writeBaseline, flags, targets, session) : undefined;
  if (clash !== undefined) {
    io.stderr(`zjs: ${w.error}: ${flags.writeBaseline}: ${clash}\n`);
    return EXIT.failure;
  }
  const entries: ReportEntry[] = [];
  const progress = flags.progress && !flags.quiet ? startProgress(io.progress, sources.length, lang) : undefined;
  for await (const item of readDocuments(sources, { lang, ...(flags.encoding ? { encoding: flags.encoding } : {}) }, io, progress)) {
    entries.push(item.kind === 'unreadable' ? item.entry : { kind: 'checked', doc: checkDocument(item.doc, session.optionsFor(item.source)) });
  }
  if (entries.length === 0) {
    io.stderr(`zjs: ${w.error}: ${paths.join(' ')}: ${w.noDocs}\n`);
    return EXIT.failure;
  }
  if (files.baseline || files.waivers || flags.writeBaseline !== undefined) {
    const checked = entries.flatMap((e) => (e.kind === 'checked' ? [e.doc] : []));
    const accepted = await accept(checked, files, flags, entries.length > checked.length, lang, io);
    if (!accepted) return EXIT.failure;
    let i = 0;
    for (const [n, e] of entries.entries()) if (e.kind === 'checked') entries[n] = { kind: 'checked', doc: accepted[i++] ?? e.doc };
  }
  const report = buildReport(entries);
  for (const target of targets) {
    const color = flags.color && target.output === null && io.isTTY && io.env.NO_COLOR === undefined;
    const width = io.isTTY ? Math.max(80, io.columns ?? 100) : 120;
    const out = await FORMATS[target.format].render(report, { lang, color, width, quiet: flags.quiet === true, verbose: flags.verbose === true, failOn: flags.failOn });
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
export function registerCheck(program: Command, { io, setCode, help }: CommandContext): void {
  const h = help.check;
  // -f and -o pair up in the order given, which commander's per-option values do not keep.
  const outputFlags: OutputFlag[] = [];
  program
    .command('check')
    .description(h.description)
    .argument('<paths...>', help.paths)
    .addOption(
      new Option('-f, --format <format>', h.format).argParser((value: string) => {
        if (!isFormatName(value)) throw new InvalidArgumentError(`Allowed choices are ${FORMAT_NAMES.join(', ')}.`);
        outputFlags.push({ flag: 'format', value });
        return value;
      }),
    )
    .addOption(
      new Option('-o, --output <file>', h.output).argParser((value: string) => {
        outputFlags.push({ flag: 'output', value });
        return value;
      }),
    )
    .addOption(new Option('--lang <lang>', help.lang).choices(['zh', 'en']))
    .addOption(new Option('--tolerance <mode>', help.tolerance).choices(['interval', 'exact']))
    .addOption(new Option('--fail-on <level>', h.failOn).choices(['error', 'warning']).default('error'))
    .addOption(new Option('--encoding <encoding>', help.encoding).choices([...ENCODINGS]))
    .option('--config <file>', help.config)
    .option('--no-config', help.noConfig)
    .option('--waivers <file>', h.waivers)
    .addOption(new Option('--baseline <file>', h.baseline).conflicts('writeBaseline'))
    .option('--write-baseline <file>', h.writeBaseline)
    .option('-q, --quiet', h.quiet)
    .option('--verbose', h.verbose)
    .option('--no-progress', h.noProgress)
    .option('--no-color', h.noColor)
    .action(async (paths: string[], flags: CheckFlags) => {
      const plan = planOutputs(outputFlags);
      if (!plan.ok) {
        const lang = flags.lang ?? 'zh';
        io.stderr(`zjs: ${words(lang).error}: ${outputProblemText(plan.problem, lang)}\n`);
        setCode(EXIT.failure);
        return;
      }
      setCode(await runCheck(paths, flags, plan.targets, io));
    });
}
