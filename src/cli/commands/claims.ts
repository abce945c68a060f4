import { Option, type Command } from 'commander';
import type { Lang } from '../../engine/messages.js';
import { checkDocument } from '../../engine/run.js';
import { formatLocation } from '../../model/location.js';
import { narrativeCoverage } from '../../narrative/coverage.js';
import { otherDocumentClaims } from '../../narrative/other-document.js';
import { locAt } from '../../narrative/text.js';
import type { Claim } from '../../narrative/claims/index.js';
import { inertJson, visibleControls } from '../../report/controls.js';
import { RULES } from '../../rules/index.js';
import { EXIT, type CommandContext, type Io } from '../io.js';
import type { Location } from '../../model/location.js';
import { partnersOf } from '../../sets/check.js';
import { digestOf, type DocumentDigest } from '../../sets/digest.js';
import { budgetPrevious } from '../../sets/rules/budget-previous.js';
import { finalPreviousClaims } from '../../sets/rules/final-claims.js';
import { ignoreOption, maxInputSizeOption, openSession, readDocuments } from '../session.js';

interface ClaimsFlags {
  lang?: Lang;
  format: 'text' | 'json';
  config?: string | false;
  maxInputSize?: number;
  ignore?: string[];
}

const KIND: Record<Claim['kind'], { zh: string; en: string }> = {
  amount: { zh: '金额', en: 'amount' },
  share: { zh: '占比', en: 'share' },
  completion: { zh: '完成率', en: 'completion' },
  direction: { zh: '大小比较', en: 'comparison' },
  change: { zh: '增减', en: 'change' },
  composition: { zh: '构成', en: 'composition' },
  arithmetic: { zh: '项目收支', en: 'project arithmetic' },
  explanation: { zh: '原因金额', en: 'reason amounts' },
  rate: { zh: '比率', en: 'rate' },
  presence: { zh: '三公明细', en: '三公 details' },
  name: { zh: '科目名称', en: '科目 name' },
};

const VERDICT = {
  zh: { pass: '一致', fail: '不符', rounding: '尾数误差', skipped: '未能核对', unchecked: '未核对' },
  en: { pass: 'agrees', fail: 'differs', rounding: 'rounding', skipped: 'not checked', unchecked: 'unchecked' },
} as const;

const narrativeRules = new Set(RULES.filter((r) => r.meta.tags.includes('narrative')).map((r) => r.meta.id));
const RANK = { fail: 3, rounding: 2, pass: 1, skipped: 0 } as const;

/** Text of a claim for a listing: the sentence around its figures, cut to a readable length. */
function excerpt(claim: Claim): string {
  const text = claim.sentence.text;
  const first = claim.uses[0] ?? (claim.kind === 'amount' ? claim.num : undefined);
  const start = Math.max(0, (first?.start ?? 0) - 24);
  return (start > 0 ? '…' : '') + text.slice(start, start + 90) + (text.length > start + 90 ? '…' : '');
}

async function runClaims(paths: string[], flags: ClaimsFlags, io: Io): Promise<number> {
  const session = await openSession(paths, flags, io);
  if (!session) return EXIT.failure;
  const lang = session.lang;
  const out: Array<Record<string, unknown>> = [];
  // Claims that rest on another document (a 预算's 比上年 figures): checked once every document is read.
  const across: Array<{ digest: DocumentDigest; json?: Record<string, unknown> }> = [];
  let unreadable = false;
  for await (const item of readDocuments(session.sources, { ...flags, lang }, io, undefined, session.catalogOf)) {
    if (item.kind === 'unreadable') {
      unreadable = true;
      continue;
    }
    const options = { ...session.optionsFor(item.source), keepResults: true };
    const checked = checkDocument(item.doc, options);
    const kind = options.context.catalog.families.find((f) => f.def.id === checked.family.id)?.def.kind ?? 'final';
    const digest = digestOf(item.doc, kind);
    const verdicts = new Map<string, { status: keyof typeof RANK; message?: string }>();
    for (const { rule, result } of checked.results) {
      if (!narrativeRules.has(rule)) continue;
      const prev = verdicts.get(result.key);
      if (!prev || RANK[result.status] > RANK[prev.status]) verdicts.set(result.key, { status: result.status });
    }
    for (const f of checked.findings) {
      const key = f.id.slice(f.rule.length + 1).replace(/#\d+$/, '');
      const v = verdicts.get(key);
      if (v && narrativeRules.has(f.rule)) v.message = f.message;
    }
    const coverage = narrativeCoverage(item.doc, new Set([...verdicts.entries()].filter(([, v]) => v.status !== 'skipped').map(([k]) => k)));
    const claims = coverage.claims.map(({ claim }) => {
      const v = verdicts.get(claim.key);
      const loc = claim.kind === 'amount' ? claim.num.loc : (claim.uses[0]?.loc ?? locAt(claim.sentence, 0));
      const heading = claim.sentence.headings[claim.sentence.headings.length - 1];
      return { kind: claim.kind, verdict: v?.status ?? 'unchecked', location: loc ?? null, ...(heading !== undefined ? { heading } : {}), sentence: claim.sentence.text, ...(v?.message ? { message: v.message } : {}) };
    });
    const unbound = coverage.numbers
      .filter((n) => !n.claimed)
      .map((n) => ({ number: n.num.text, location: n.num.loc, sentence: n.sentence.text, statement: n.statement }));
    // Comparisons with last year's 决算 or the 预算 whose figures could not be checked inside this document.
    const needsOtherDocument = otherDocumentClaims(item.doc);
    const unchecked = needsOtherDocument.filter((c) => !c.checkedWithin);
    const counts = { ...coverage.counts, needsOtherDocument: unchecked.length };
    const share = coverage.statements.numbers === 0 ? null : coverage.statements.checked / coverage.statements.numbers;
    if (flags.format === 'json') {
      const json: Record<string, unknown> = { source: item.doc.source, claims, unbound, needsOtherDocument, counts, statements: coverage.statements };
      out.push(json);
      across.push({ digest, json });
      continue;
    }
    across.push({ digest });
    const w = VERDICT[lang];
    const lines: string[] = [`■ ${item.doc.source}`];
    let heading: string | undefined;
    for (const [i, { claim }] of coverage.claims.entries()) {
      const c = claims[i];
      if (!c) continue;
      // The heading a claim stands under names its item (类/款/项) or section: shown when it changes.
      const under = claim.sentence.headings[claim.sentence.headings.length - 1];
      if (under !== undefined && under !== heading) lines.push(`  ▸ ${under}`);
      heading = under;
      lines.push(`  ${c.location ? formatLocation(c.location) : ''}  [${KIND[claim.kind][lang]}] ${w[c.verdict as keyof typeof w]}  ${excerpt(claim)}`);
      if (c.message && c.verdict !== 'pass') lines.push(`      → ${c.message}`);
    }
    lines.push(lang === 'zh' ? `  未绑定的数字（${unbound.length} 个）：` : `  Numbers tied to no claim (${unbound.length}):`);
    for (const u of unbound) {
      const at = u.sentence.indexOf(u.number);
      lines.push(`  ${formatLocation(u.location)}  ${u.number}  …${u.sentence.slice(Math.max(0, at - 20), at + u.number.length + 10)}…`);
    }
    if (unchecked.length > 0) {
      lines.push(
        kind === 'budget'
          ? lang === 'zh'
            ? `  需要上年预算才能核对、本次未核对的比较（${unchecked.length} 个）：`
            : `  Comparisons that need last year's budget, not checked here (${unchecked.length}):`
          : lang === 'zh'
            ? `  需要上年决算或本年预算才能核对、本次未核对的比较（${unchecked.length} 个）：`
            : `  Comparisons that need last year's accounts or the budget, not checked here (${unchecked.length}):`,
      );
      for (const c of unchecked) {
        // A 预算's 比上年 is last year's 预算; a 决算's, last year's 决算 (or its 年初预算, the 预算).
        const other = c.needs === 'budget' ? { zh: '预算', en: 'budget' }[lang] : kind === 'budget' ? { zh: '上年预算', en: "last year's budget" }[lang] : { zh: '上年决算', en: "last year's accounts" }[lang];
        const at = c.sentence.indexOf(c.versus);
        lines.push(`  ${formatLocation(c.location)}  [${other}]  …${c.sentence.slice(Math.max(0, at - 20), at + 40)}…`);
      }
    }
    const pct = share === null ? '—' : `${(share * 100).toFixed(1)}%`;
    lines.push(
      lang === 'zh'
        ? `  主张 ${coverage.counts.found} 项，已核对 ${coverage.counts.checked} 项；情况说明中的数字 ${coverage.statements.numbers} 个，落入已核对主张 ${coverage.statements.checked} 个（${pct}）`
        : `  ${coverage.counts.found} claims, ${coverage.counts.checked} checked; ${coverage.statements.numbers} numbers in the 情况说明, ${coverage.statements.checked} in checked claims (${pct})`,
      '',
    );
    // Sentences from documents reach a terminal: control characters are shown, never acted on.
    io.stdout(visibleControls(`${lines.join('\n')}\n`, { lines: true }));
  }
  const digests = across.map((a) => a.digest);
  const acrossLines: string[] = [];
  for (const { digest, json } of across) {
    const listed = acrossDocuments(digest, digests, lang);
    if (json) json.acrossDocuments = listed;
    const needed = digest.kind === 'budget' ? { zh: '上年预算', en: 'last year’s budget' } : { zh: '上年决算', en: 'last year’s final accounts' };
    for (const c of listed) {
      const w = VERDICT[lang];
      const verdict = c.verdict === 'not-given' ? (lang === 'zh' ? `未核对：需要${needed.zh}（未一并给出）` : `unchecked: needs ${needed.en} (not given)`) : `${w[c.verdict]}（${c.other ?? ''}）`;
      acrossLines.push(`  ${formatLocation(c.location)}  [${lang === 'zh' ? '比上年' : 'on last year'}] ${verdict}  ${c.sentence}`);
    }
  }
  if (flags.format === 'json') io.stdout(inertJson(`${JSON.stringify(out, null, 2)}\n`));
  else if (acrossLines.length > 0) {
    const head = lang === 'zh' ? '■ 需要另一文档核对的主张（说明中“比上年”增减，与上年预算或上年决算核对）' : '■ Claims that rest on another document (changes on last year, checked against last year’s budget or final accounts)';
    io.stdout(visibleControls(`${[head, ...acrossLines, ''].join('\n')}\n`, { lines: true }));
  }
  return unreadable ? EXIT.failure : EXIT.ok;
}

/** A document's claims about last year: checked against last year's document when it was given, else said to need it. */
function acrossDocuments(digest: DocumentDigest, digests: readonly DocumentDigest[], lang: Lang): Array<{ item: string; sentence: string; location: Location; verdict: 'pass' | 'fail' | 'rounding' | 'skipped' | 'not-given'; other?: string; message?: string }> {
  const previous = partnersOf(digest, digests, {}, lang).get('previous')?.other;
  const rule = digest.kind === 'budget' ? budgetPrevious : finalPreviousClaims;
  const results = previous ? rule.check(digest, previous) : [];
  return digest.claims.map((claim) => {
    // A 决算's claim is checked twice when it states a rate: the change, then `<key>/percent`.
    const own = results.filter((r) => r.key === claim.key || r.key.startsWith(`${claim.key}/`));
    if (!previous || own.length === 0) return { item: claim.item, sentence: claim.sentence, location: claim.loc, verdict: previous ? 'skipped' : 'not-given' };
    const failed = own.filter((r) => r.status === 'fail');
    const verdict = failed.length > 0 ? 'fail' : own.some((r) => r.status === 'rounding') ? 'rounding' : 'pass';
    return { item: claim.item, sentence: claim.sentence, location: claim.loc, verdict, other: previous.source, ...(failed.length > 0 ? { message: failed.map((r) => r.message[lang]).join(lang === 'zh' ? '；' : '; ') } : {}) };
  });
}

/** `zjs claims PATHS…`: every claim of the narrative with its verdict, and the numbers no claim explains. */
export function registerClaims(program: Command, { io, setCode, help }: CommandContext): void {
  program
    .command('claims')
    .description(help.claims.description)
    .argument('<paths...>', help.paths)
    .addOption(new Option('-f, --format <format>', help.claims.format).choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', help.lang).choices(['zh', 'en']))
    .addOption(maxInputSizeOption(help))
    .addOption(ignoreOption(help))
    .option('--config <file>', help.config)
    .option('--no-config', help.noConfig)
    .action(async (paths: string[], flags: ClaimsFlags) => {
      setCode(await runClaims(paths, flags, io));
    });
}
