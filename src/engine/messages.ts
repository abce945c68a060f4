import type { CheckResult, Localized, MessageParam, Relation } from '../model/finding.js';
import type { RuleMeta } from '../rules/types.js';
import { money, type Dec } from '../model/number.js';

export type Lang = 'zh' | 'en';

function pick(value: MessageParam, lang: Lang): string {
  return typeof value === 'string' ? value : value[lang];
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fill(template: string, params: Record<string, MessageParam>, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : pick(value, lang);
  });
}

type OutcomeKey = `${Relation}.${'fail' | 'rounding'}` | 'skipped';

/** How the numbers of a check read after its subject, by relation and outcome. */
const OUTCOMES: Partial<Record<OutcomeKey, Localized>> = {
  'sum.fail': {
    zh: '：表列 {actual}，各项合计 {expected}，差额 {difference}，超出尾数容差 ±{tolerance}',
    en: ': printed {actual}, items sum to {expected}, difference {difference} exceeds the rounding tolerance ±{tolerance}',
  },
  'sum.rounding': {
    zh: '：表列 {actual}，各项合计 {expected}，差额 {difference}，在尾数容差 ±{tolerance} 以内（尾数误差）',
    en: ': printed {actual}, items sum to {expected}, difference {difference} is within the rounding tolerance ±{tolerance}',
  },
  'equal.fail': {
    zh: '：{actual} 与 {expected} 不一致，差额 {difference}，超出尾数容差 ±{tolerance}',
    en: ': {actual} vs {expected}, difference {difference} exceeds the rounding tolerance ±{tolerance}',
  },
  'equal.rounding': {
    zh: '：{actual} 与 {expected} 相差 {difference}，在尾数容差 ±{tolerance} 以内（尾数误差）',
    en: ': {actual} vs {expected}, difference {difference} is within the rounding tolerance ±{tolerance}',
  },
  'not-exceed.fail': {
    zh: '：{actual} 超过 {expected}，超出 {difference}（尾数容差 ±{tolerance}）',
    en: ': {actual} exceeds {expected} by {difference} (rounding tolerance ±{tolerance})',
  },
  'not-exceed.rounding': {
    zh: '：{actual} 超过 {expected} {difference}，在尾数容差 ±{tolerance} 以内（尾数误差）',
    en: ': {actual} exceeds {expected} by {difference}, within the rounding tolerance ±{tolerance}',
  },
  skipped: { zh: '：未能检查（{reason}）', en: ': not checked ({reason})' },
};

function asText(value: Dec | string | undefined): string | undefined {
  return value === undefined ? undefined : typeof value === 'string' ? value : money(value);
}

/** Thousands separators for display; the finding's own fields keep the plain decimal string. */
function display(value: string | undefined): string {
  if (value === undefined) return '';
  const [int = '', frac] = value.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac !== undefined ? `.${frac}` : ''}`;
}

/** A check's message parameters, with the reason of a skipped check when the rule did not name one. */
function paramsOf(result: CheckResult): Record<string, MessageParam> {
  return result.reason && !('reason' in result.message.params) ? { ...result.message.params, reason: result.reason } : result.message.params;
}

/** The values a check's message is filled with, in one language, in the order the rule gave them. */
export function messageParams(result: CheckResult, lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(paramsOf(result)).map(([name, value]) => [name, pick(value, lang)]));
}

/** The one place where a check becomes prose: the rule's subject, then how the numbers compare. */
export function renderMessage(meta: RuleMeta, result: CheckResult, lang: Lang): string {
  const template = meta.messages[result.message.id] ?? (result.message.id === 'title' ? meta.title : undefined);
  const params = paramsOf(result);
  const subject = template ? fill(template[lang], params, lang) : `${meta.id}:${result.message.id}`;
  // A message that states its own reason needs no “not checked (reason)” after it.
  const ownReason = template?.zh.includes('{reason}') === true;
  const key: OutcomeKey | undefined =
    result.status === 'skipped' ? (ownReason ? undefined : 'skipped') : result.status === 'pass' ? undefined : `${result.relation}.${result.status}`;
  const outcome = key ? OUTCOMES[key] : undefined;
  const head = lang === 'en' ? subject.charAt(0).toUpperCase() + subject.slice(1) : subject;
  if (!outcome) return head;
  const numbers: Record<string, MessageParam> = {
    actual: result.actualBlank ? (lang === 'zh' ? '空白' : 'blank') : display(asText(result.actual)),
    expected: display(asText(result.expected)),
    difference: display(result.difference ? money(result.difference.abs()) : undefined),
    tolerance: display(asText(result.tolerance)),
    reason: result.reason ?? '',
  };
  return head + fill(outcome[lang], numbers, lang);
}
