import { availableParallelism, tmpdir } from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { applyAcceptance, baselineOf, type Baseline, type WaiverSet } from '../../engine/accept.js';
import type { Lang } from '../../engine/messages.js';
import type { CheckedDocument } from '../../engine/run.js';
import { discover } from '../../load/index.js';
import { reconcileEntry, type Explicit, type Pending } from '../../sets/check.js';
import { HeldEntries, heldInMemory, KeptDigests, readValue } from '../held.js';
import type { DocumentDigest } from '../../sets/digest.js';
import { ENCODINGS, type Encoding } from '../../load/decode.js';
import { FORMAT_NAMES, FORMATS, isFormatName, type FormatOptions, type ReportFormat } from '../../report/index.js';
import { addSummaries, buildReport, EMPTY_SUMMARY, reportDocument, summarize, TOOL, type ReportDocument, type ReportEntry, type ReportSummary, type RunInfo } from '../../report/model.js';
import { runInfo } from '../run-info.js';
import { guardInputs, inputPaths, mayWrite, type WriteGuard } from '../destinations.js';
import { folderSink, isFolderTarget, openSinks, writeOne, type Sink, type WriteProblem } from '../sinks.js';
import { EXIT, type CommandContext, type Io } from '../io.js';
import { outputProblemText, planOutputs, type OutputFlag, type OutputTarget } from '../outputs.js';
import { checkedEntry, type CheckedEntry } from '../checked-entry.js';
import { checkInPool, POOL_MIN_DOCUMENTS, workerFile } from '../pool.js';
import { startProgress, type Progress } from '../progress.js';
import { ignoreOption, maxInputSizeOption, openSession, readDocuments, type Session } from '../session.js';
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
  maxInputSize?: number;
  ignore?: string[];
  previous?: string;
  budget?: string;
  /** false with --no-sets: no reconciliation across documents, so that a batch streams. */
  sets?: boolean;
  jobs?: number;
}

function exitCode(summary: ReportSummary, failOn: 'error' | 'warning'): number {
  if (summary.unreadable > 0) return EXIT.failure;
  if (summary.errors > 0) return EXIT.findings;
  if (failOn === 'warning' && summary.warnings > 0) return EXIT.findings;
  return EXIT.ok;
}

/** Today as YYYY-MM-DD (UTC), for waiver expiry. */
function today(io: Io): string {
  return (io.now?.() ?? new Date()).toISOString().slice(0, 10);
}

interface AcceptanceFiles {
  baseline?: Baseline;
  waivers?: WaiverSet;
}

/** Reads --baseline and --waivers; an invalid file is one line on stderr and undefined. */
async function readAcceptanceFiles(flags: CheckFlags, lang: Lang, io: Io): Promise<AcceptanceFiles | undefined> {
  const w = words(lang);
  const files: AcceptanceFiles = {};
  if (flags.waivers === undefined && flags.baseline === undefined) return files;
  // Loaded only here: zod builds the file schemas on loading.
  const { readBaseline, readWaivers } = await import('../acceptance.js');
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
  const { noticeLine, writeBaseline } = await import('../acceptance.js');
  const root = process.cwd();
  const first = applyAcceptance(docs, { ...files, today: today(io), root });
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
  return applyAcceptance(docs, { ...(files.waivers ? { waivers: files.waivers } : {}), baseline: { file, documents }, today: today(io), root }).docs;
}

/**
 * Claims every file the run will write (each report, then the baseline) against its inputs and the
 * files it reads besides them. Returns where each report goes (by real path), or the one line
 * saying why a file may not be written.
 */
async function claimOutputs(
  flags: CheckFlags,
  targets: readonly OutputTarget[],
  session: Session,
): Promise<{ ok: true; paths: Map<OutputTarget, string>; guard: WriteGuard } | { ok: false; line: string }> {
  const lang = session.lang;
  const w = words(lang);
  const read = [...session.configFiles, flags.waivers, flags.baseline].filter((f): f is string => f !== undefined);
  const guard = await guardInputs(inputPaths(session.sources, { files: read, folders: [] }));
  const paths = new Map<OutputTarget, string>();
  for (const target of targets) {
    // A report folder is claimed file by file as it is written.
    if (target.output === null || ((FORMATS[target.format] as ReportFormat).folder !== undefined && (await isFolderTarget(target.output)))) continue;
    const verdict = await mayWrite(guard, target.output);
    if (!verdict.ok) {
      const why = verdict.refusal === 'same-output' ? outputProblemText({ kind: 'same-output', output: target.output }, lang) : `${target.output}: ${w.outputIsInput}`;
      return { ok: false, line: `zjs: ${w.error}: ${why}\n` };
    }
    paths.set(target, verdict.real);
  }
  if (flags.writeBaseline !== undefined) {
    const verdict = await mayWrite(guard, flags.writeBaseline);
    if (!verdict.ok) return { ok: false, line: `zjs: ${w.error}: ${flags.writeBaseline}: ${verdict.refusal === 'same-output' ? w.baselineSameAsOutput : w.baselineIsInput}\n` };
  }
  return { ok: true, paths, guard };
}

async function runCheck(paths: string[], flags: CheckFlags, targets: readonly OutputTarget[], io: Io): Promise<number> {
  const started = io.now?.() ?? new Date();
  const session = await openSession(paths, flags, io);
  if (!session) return EXIT.failure;
  const { lang, sources } = session;
  const w = words(lang);
  const files = await readAcceptanceFiles(flags, lang, io);
  if (!files) return EXIT.failure;
  const claimed = await claimOutputs(flags, targets, session);
  if (!claimed.ok) {
    io.stderr(claimed.line);
    return EXIT.failure;
  }
  const progress = flags.progress && !flags.quiet ? startProgress(io.progress, sources.length, lang, io.now ? () => (io.now as () => Date)().getTime() : Date.now) : undefined;
  const optionsFor = (target: OutputTarget, run?: RunInfo, fuller?: string): FormatOptions => {
    const color = flags.color && target.output === null && io.isTTY && io.env.NO_COLOR === undefined;
    // A terminal's width for the screen; 120 columns for a file or a pipe.
    const width = target.output === null && io.isTTY ? Math.max(80, io.columns ?? 100) : 120;
    return { lang, color, width, quiet: flags.quiet === true, verbose: flags.verbose === true, failOn: flags.failOn, ...(run ? { run } : {}), ...(fuller !== undefined ? { fullReport: fuller } : {}) };
  };
  // Without acceptance files (a baseline matches findings across the whole batch), the formats that
  // can stream are written document by document and each document is let go once written.
  const accepting = files.baseline !== undefined || files.waivers !== undefined || flags.writeBaseline !== undefined;
  // Documents of a set are reconciled once every document is read: a batch that may hold sets (more
  // than one document, or partners given) is written at the end; --no-sets streams it.
  const explicit = flags.sets === false ? {} : await readPartners(flags, session, io);
  if (!explicit) return EXIT.failure;
  const reconciling = flags.sets !== false && (sources.length > 1 || Object.keys(explicit).length > 0);
  const settings = settingsOf(flags, session, lang);
  // The run as the reports written as they go know it: its date (the workbook's), no file hashes.
  const dated = await runInfo(started, paths, [], settings);
  const opened = accepting ? { ok: true as const, sinks: [] } : await openSinks(targets, claimed.paths, (t) => optionsFor(t, dated), claimed.guard, io, progress);
  if (!opened.ok) {
    io.stderr(`zjs: ${w.error}: ${opened.problem.path}: ${w.cannotWrite} (${opened.problem.code})\n`);
    return EXIT.failure;
  }
  const { sinks } = opened;
  const rest = targets.filter((t) => !sinks.some((s) => s.target === t));
  const entries: ReportEntry[] = [];
  // One small digest per document (never the document) for the rules across documents.
  const pending: Pending[] = [];
  let summary = EMPTY_SUMMARY;
  // A pool of worker threads for a batch (its workers start from the built bundle); one job, a
  // few documents or a run from the sources check in this thread.
  const jobs = flags.jobs ?? availableParallelism();
  const worker = jobs > 1 && sources.length >= POOL_MIN_DOCUMENTS ? workerFile() : null;
  const checked = worker !== null ? checkInPool(worker, { paths, flags: { ...flags }, digest: reconciling }, sources, jobs, lang, io, progress) : checkInProcess(session, flags, io, progress, reconciling);
  // A document goes to the streaming reports (and is let go) or is kept for the others.
  const emit = async (entry: ReportEntry): Promise<void> => {
    if (sinks.length === 0) {
      entries.push(entry);
      return;
    }
    const doc = reportDocument(entry);
    summary = addSummaries(summary, summarize([doc]));
    for (const sink of sinks) await sink.document(doc);
    if (rest.length > 0) entries.push(entry);
  };
  // Reconciling keeps each checked document (findings and counts, not its tables) until every
  // document is read, the first ones in memory and the rest in a temporary file; the streaming
  // reports are then written document by document all the same.
  const inMemory = heldInMemory(io.env.ZJS_HELD_IN_MEMORY);
  const digests = new KeptDigests(inMemory, io.env.TMPDIR || tmpdir());
  const held = new HeldEntries<ReportEntry>(inMemory, io.env.TMPDIR || tmpdir());
  try {
    for await (const { entry, digest, severity } of checked) {
      if (!reconciling) {
        await emit(readValue(entry));
        continue;
      }
      if (digest) pending.push({ at: held.length, digest: digests.keep(digest), ...(severity ? { severity } : {}) });
      held.push(entry);
    }
    if (reconciling) {
      const heads = pending.map((p) => p.digest);
      const resolve = (d: DocumentDigest): DocumentDigest => digests.whole(d);
      let next = 0;
      let at = 0;
      for (const entry of held.drain()) {
        const own = pending[next]?.at === at ? pending[next++] : undefined;
        at++;
        await emit(own ? reconcileEntry(entry, own, heads, explicit, lang, resolve) : entry);
      }
    }
  } finally {
    held.close();
    digests.close();
  }
  if (entries.length === 0 && summary.documents === 0) {
    for (const sink of sinks) await sink.abort();
    io.stderr(`zjs: ${w.error}: ${paths.join(' ')}: ${w.noDocs}\n`);
    return EXIT.failure;
  }
  const count = sinks.length > 0 ? summary.documents : entries.length;
  for (const target of targets) {
    if (target.format === 'html' && target.output !== null && count > LARGE_BATCH && !(await isFolderTarget(target.output))) io.stderr(`zjs: ${w.notice}: ${target.output}: ${w.htmlLarge(count)}\n`);
  }
  // The cover lists every input file with its hash: gathered only when a report shows it.
  const needsFiles = targets.some((t) => t.format === 'html');
  let run: Promise<RunInfo> | undefined;
  const runOnce = () => (run ??= runInfo(started, paths, needsFiles ? sources : [], settings));
  const problem = await endSinks(sinks, summary, runOnce);
  if (problem !== null) {
    io.stderr(writeProblemLine(problem, w));
    return EXIT.failure;
  }
  if (sinks.length > 0 && rest.length === 0) return exitCode(summary, flags.failOn);
  if (files.baseline || files.waivers || flags.writeBaseline !== undefined) {
    const checked = entries.flatMap((e) => (e.kind === 'checked' ? [e.doc] : []));
    const accepted = await accept(checked, files, flags, entries.length > checked.length, lang, io);
    if (!accepted) return EXIT.failure;
    let i = 0;
    for (const [n, e] of entries.entries()) if (e.kind === 'checked') entries[n] = { kind: 'checked', doc: accepted[i++] ?? e.doc };
  }
  const report = buildReport(entries);
  // Markdown trimmed to fit a step summary points at a fuller report of the same run.
  const fuller = targets.find((t) => t.output !== null && (t.format === 'html' || t.format === 'json'))?.output ?? undefined;
  for (const target of rest) {
    const options = optionsFor(target, await runOnce(), fuller);
    const format: ReportFormat = FORMATS[target.format];
    if (target.output === null) {
      const out = await format.render(report, options);
      if (typeof out === 'string') io.stdout(out);
      continue;
    }
    const output = target.output;
    const folder = format.folder !== undefined && (await isFolderTarget(output));
    const written = format.folder && folder ? await writeWhole(folderSink(target, output, format.folder(TOOL, options), claimed.guard), report.documents, report.summary, runOnce) : await writeOne(claimed.paths.get(target) ?? output, await format.render(report, options));
    if (written !== null) {
      io.stderr(writeProblemLine(written, w));
      return EXIT.failure;
    }
  }
  return exitCode(report.summary, flags.failOn);
}

/** Loads and checks each document in this thread, in order. */
async function* checkInProcess(session: Session, flags: CheckFlags, io: Io, progress: Progress | undefined, digest: boolean): AsyncGenerator<CheckedEntry> {
  for await (const item of readDocuments(session.sources, { ...flags, lang: session.lang }, io, progress, session.catalogOf)) {
    yield item.kind === 'unreadable' ? { entry: item.entry } : checkedEntry(item.doc, session.optionsFor(item.source), digest);
  }
}

/** Ends every sink and puts its file in place; the first problem, once every sink is aborted. */
async function endSinks(sinks: readonly Sink[], summary: ReportSummary, run: () => Promise<RunInfo>): Promise<WriteProblem> {
  for (const sink of sinks) await sink.end(summary, run);
  for (const sink of sinks) {
    const problem = await sink.commit();
    if (problem !== null) {
      for (const other of sinks) await other.abort();
      return problem;
    }
  }
  return null;
}

/** A whole report through a sink (a folder written after the batch was accepted as a whole). */
async function writeWhole(sink: Sink, documents: readonly ReportDocument[], summary: ReportSummary, run: () => Promise<RunInfo>): Promise<WriteProblem> {
  for (const doc of documents) await sink.document(doc);
  return endSinks([sink], summary, run);
}

function writeProblemLine(problem: NonNullable<WriteProblem>, w: ReturnType<typeof words>): string {
  return `zjs: ${w.error}: ${problem.path}: ${problem.code === 'input' ? w.outputIsInput : `${w.cannotWrite} (${problem.code})`}\n`;
}

/** Above this many documents, a report on one html page is slow to open: a notice suggests a folder. */
const LARGE_BATCH = 200;

/** The settings a report's cover lists: what decided this run's findings. */
function settingsOf(flags: CheckFlags, session: Session, lang: Lang): RunInfo['settings'] {
  const zh = lang === 'zh';
  const list: RunInfo['settings'] = [
    { name: zh ? '语言' : 'Language', value: lang },
    { name: zh ? '尾数容差' : 'Tolerance', value: flags.tolerance ?? (zh ? 'interval（或配置文件所定）' : 'interval (or as configured)') },
    { name: zh ? '退出码为 1 的级别' : 'Fail on', value: flags.failOn },
  ];
  list.push({ name: zh ? '配置文件' : 'Config files', value: session.configFiles.length > 0 ? session.configFiles.join('  ') : flags.config === false ? '--no-config' : zh ? '无' : 'none' });
  if (flags.baseline !== undefined) list.push({ name: zh ? '基线' : 'Baseline', value: flags.baseline });
  if (flags.writeBaseline !== undefined) list.push({ name: zh ? '写入基线' : 'Baseline written', value: flags.writeBaseline });
  if (flags.waivers !== undefined) list.push({ name: zh ? '豁免文件' : 'Waivers', value: flags.waivers });
  if (flags.encoding !== undefined) list.push({ name: zh ? '输入编码' : 'Encoding', value: flags.encoding });
  return list;
}

/**
 * The documents named by --previous and --budget, as digests: every document of the run is
 * reconciled with them (the one of its department when they are several). Undefined when one
 * cannot be read (one line on stderr).
 */
async function readPartners(flags: CheckFlags, session: Session, io: Io): Promise<Explicit | undefined> {
  const explicit: Explicit = {};
  for (const partner of ['previous', 'budget'] as const) {
    const path = flags[partner];
    if (path === undefined) continue;
    const list: DocumentDigest[] = [];
    for await (const item of readDocuments(await discover([path]), { ...flags, lang: session.lang }, io, undefined, session.catalogOf)) {
      if (item.kind === 'unreadable') return undefined;
      const { digest } = checkedEntry(item.doc, session.optionsFor(item.source), true);
      if (digest) list.push(digest);
    }
    if (list.length === 0) {
      io.stderr(`zjs: ${words(session.lang).error}: ${path}: ${words(session.lang).noDocs}\n`);
      return undefined;
    }
    explicit[partner] = list;
  }
  return explicit;
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
    .addOption(maxInputSizeOption(help))
    .addOption(ignoreOption(help))
    .option('--config <file>', help.config)
    .option('--no-config', help.noConfig)
    .option('--previous <path>', h.previous)
    .option('--budget <path>', h.budget)
    .option('--no-sets', h.noSets)
    .option('--waivers <file>', h.waivers)
    .addOption(new Option('--baseline <file>', h.baseline).conflicts('writeBaseline'))
    .option('--write-baseline <file>', h.writeBaseline)
    .option('-q, --quiet', h.quiet)
    .option('--verbose', h.verbose)
    .option('--no-progress', h.noProgress)
    .addOption(
      new Option('-j, --jobs <n>', h.jobs).argParser((value: string) => {
        if (!/^[1-9]\d{0,3}$/.test(value.trim())) throw new InvalidArgumentError('a whole number of threads from 1 is expected.');
        return Number(value);
      }),
    )
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
