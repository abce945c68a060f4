import { InvalidArgumentError, Option, type Command } from 'commander';
import { explainResults, type ExplainedDocument } from '../../engine/explain.js';
import type { Lang } from '../../engine/messages.js';
import { checkDocument } from '../../engine/run.js';
import { ENCODINGS, type Encoding } from '../../load/decode.js';
import type { CheckStatus } from '../../model/finding.js';
import { formatExplainJson, formatExplainText } from '../../report/explain.js';
import { ruleById } from '../../rules/index.js';
import { EXIT, type CommandContext, type Io } from '../io.js';
import { ignoreOption, maxInputSizeOption, openSession, readDocuments } from '../session.js';
import { words } from '../words.js';

const STATUSES: readonly CheckStatus[] = ['pass', 'rounding', 'fail', 'skipped'];

interface ExplainFlags {
  lang?: Lang;
  tolerance?: 'interval' | 'exact';
  format: 'text' | 'json';
  encoding?: Encoding;
  config?: string | false;
  rule?: string;
  finding?: string;
  status?: CheckStatus[];
  maxInputSize?: number;
  ignore?: string[];
}

const TEXT = {
  zh: {
    which: '请用 --rule 规则 或 --finding 问题编号 指明要说明的检查',
    unknownRule: (id: string) => `${id}：没有这条规则（zjs rules 可列出全部规则）`,
    noMatch: (what: string) => `${what}：没有符合条件的检查`,
  },
  en: {
    which: 'name the checks to explain with --rule ID or --finding ID',
    unknownRule: (id: string) => `${id}: no such rule (zjs rules lists them)`,
    noMatch: (what: string) => `${what}: no check matches`,
  },
} as const;

function parseStatuses(value: string): CheckStatus[] {
  const list = value.split(',').map((s) => s.trim());
  const bad = list.find((s) => !(STATUSES as readonly string[]).includes(s));
  if (bad !== undefined) throw new InvalidArgumentError(`Allowed statuses are ${STATUSES.join(', ')}.`);
  return list as CheckStatus[];
}

async function runExplain(paths: string[], flags: ExplainFlags, io: Io): Promise<number> {
  const t = TEXT[flags.lang ?? 'zh'];
  const fail = (line: string) => {
    io.stderr(`zjs: ${words(flags.lang ?? 'zh').error}: ${line}\n`);
    return EXIT.failure;
  };
  // A finding id is `rule:key`, perhaps with `#2` for the second finding of the same key.
  const finding = flags.finding?.replace(/#\d+$/, '');
  const ruleId = flags.rule ?? finding?.split(':')[0];
  if (ruleId === undefined) return fail(t.which);
  const rule = ruleById(ruleId);
  if (!rule) return fail(t.unknownRule(ruleId));
  const session = await openSession(paths, flags, io);
  if (!session) return EXIT.failure;
  const lang = session.lang;
  const documents: ExplainedDocument[] = [];
  let unreadable = false;
  for await (const item of readDocuments(session.sources, { ...flags, lang }, io, undefined, session.catalogOf)) {
    if (item.kind === 'unreadable') {
      unreadable = true;
      continue;
    }
    const base = session.optionsFor(item.source);
    // Only the rule asked about runs, even one the config turns off: explain shows how it computes.
    const severity = Object.fromEntries(Object.entries(base.severity).filter(([id]) => id !== rule.meta.id));
    const checked = checkDocument(item.doc, { ...base, rules: [rule], severity, keepResults: true });
    const results = checked.results
      .filter((r) => finding === undefined || `${r.rule}:${r.result.key}` === finding)
      .filter((r) => flags.status === undefined || flags.status.includes(r.result.status))
      .map((r) => ({ rule, result: r.result }));
    documents.push({ source: checked.source, department: checked.department, year: checked.year, checks: explainResults(item.doc, results, lang) });
  }
  if (documents.every((d) => d.checks.length === 0)) {
    if (documents.length > 0) fail(t.noMatch(flags.finding ?? ruleId));
    return EXIT.failure;
  }
  io.stdout(flags.format === 'json' ? formatExplainJson(documents) : formatExplainText(documents, lang));
  return unreadable ? EXIT.failure : EXIT.ok;
}

/** `zjs explain PATHS --rule ID | --finding ID`: how each matching check was computed, passes included. */
export function registerExplain(program: Command, { io, setCode, help }: CommandContext): void {
  const h = help.explain;
  program
    .command('explain')
    .description(h.description)
    .argument('<paths...>', help.paths)
    .option('--rule <id>', h.rule)
    .option('--finding <id>', h.finding)
    .addOption(new Option('--status <list>', h.status(STATUSES.join(','))).argParser(parseStatuses))
    .addOption(new Option('-f, --format <format>', h.format).choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', help.lang).choices(['zh', 'en']))
    .addOption(new Option('--tolerance <mode>', help.tolerance).choices(['interval', 'exact']))
    .addOption(new Option('--encoding <encoding>', help.encoding).choices([...ENCODINGS]))
    .addOption(maxInputSizeOption(help))
    .addOption(ignoreOption(help))
    .option('--config <file>', help.config)
    .option('--no-config', help.noConfig)
    .action(async (paths: string[], flags: ExplainFlags) => {
      setCode(await runExplain(paths, flags, io));
    });
}
