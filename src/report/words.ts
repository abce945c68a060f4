import type { Lang } from '../engine/messages.js';
import type { Acceptance, Finding, Severity } from '../model/finding.js';
import type { ReportDocument } from './model.js';

/** Labels the file formats share: headings, column names, counts. Finding prose comes from the engine. */
export interface Words {
  title: string;
  summary: string;
  findings: string;
  findingCounts: string;
  documents: string;
  department: string;
  year: string;
  unit: string;
  /** The template family a document was read as. */
  family: string;
  outcome: string;
  level: string;
  statusLabel: string;
  document: string;
  source: string;
  severity: Record<Severity, string>;
  severityPlural: Record<Severity, string>;
  status: Record<Finding['status'] | 'unreadable', string>;
  outcomes: Record<ReportDocument['outcome'], string>;
  checks: string;
  check: { run: string; passed: string; failed: string; rounding: string; skipped: string };
  claims: string;
  claim: { found: string; checked: string; unbound: string };
  tables: string;
  emptyTables: string;
  missingTables: string;
  ranking: string;
  rule: string;
  where: string;
  locations: string;
  file: string;
  line: string;
  /** The page of a PDF a finding stands on. */
  page: string;
  table: string;
  row: string;
  column: string;
  expected: string;
  actual: string;
  difference: string;
  tolerance: string;
  message: string;
  sentence: string;
  otherFindings: string;
  notes: string;
  none: string;
  noneShown: string;
  unknownDepartment: string;
  filter: string;
  allRules: string;
  shown: string;
  excerptLine: string;
  excerptItem: string;
  /** A finding accepted by a baseline or a waiver. */
  accepted: string;
  acceptedBy: Record<Acceptance['by'], string>;
  acceptance: string;
  reason: string;
  author: string;
  acceptedNotes: string;
  /** Text report: the unit after a count of tables found, the suffix of a year, the batch line. */
  tablesFound: string;
  yearSuffix: string;
  total: string;
  documentCount: (n: number) => string;
  hiddenNotes: (n: number) => string;
  acceptedCount: (n: number) => string;
  /** A finding's id, and the command that shows how its check was computed. */
  findingId: string;
  explainHint: string;
  /** The colon after a label: full-width in Chinese. */
  colon: string;
  /** Folded notes: the heading, a table's rounding notes, a rule's skipped checks. */
  foldedNotes: (rounding: number, skipped: number) => string;
  roundingIn: (n: number, smallest: string, largest: string) => string;
  skippedBy: (n: number) => string;
  worstRule: string;
  rank: string;
  /** The cover of the auditor's report. */
  cover: string;
  runDate: string;
  toolVersion: string;
  scope: string;
  settings: string;
  inputFiles: (n: number) => string;
  bytes: string;
  /** Charts and the rule × department matrix. */
  chartByTable: string;
  chartByRule: string;
  matrix: string;
  matrixNote: string;
  notesFolded: (n: number) => string;
  backToIndex: string;
  documentPage: string;
  /** Markdown trimmed to fit a CI step summary. */
  trimmed: (shown: number, total: number) => string;
  trimmedNotes: string;
  fullReportAt: (where: string) => string;
  fullReportHow: string;
}

export const WORDS: Readonly<Record<Lang, Words>> = {
  zh: {
    title: '部门决算公开一致性检查报告',
    summary: '汇总',
    findings: '问题清单',
    findingCounts: '发现',
    documents: '文档',
    department: '部门',
    year: '年度',
    unit: '金额单位',
    family: '公开格式',
    outcome: '结果',
    level: '级别',
    statusLabel: '状态',
    document: '文档',
    source: '文件',
    severity: { error: '错误', warning: '警告', info: '提示' },
    severityPlural: { error: '错误', warning: '警告', info: '提示' },
    status: { fail: '不符', rounding: '尾数误差', skipped: '跳过', unreadable: '无法读取' },
    outcomes: { pass: '通过', fail: '不通过', unreadable: '无法读取' },
    checks: '检查',
    check: { run: '运行', passed: '通过', failed: '不符', rounding: '尾数误差', skipped: '跳过' },
    claims: '情况说明中的数字',
    claim: { found: '识别', checked: '核对', unbound: '未关联' },
    tables: '表格',
    emptyTables: '空表',
    missingTables: '缺少',
    ranking: '各部门（错误多的在前）',
    rule: '规则',
    where: '位置',
    locations: '全部位置',
    file: '文件',
    line: '行号',
    page: '页码',
    table: '表',
    row: '项目',
    column: '栏目',
    expected: '应为',
    actual: '表列',
    difference: '差额',
    tolerance: '容差',
    message: '说明',
    sentence: '原文',
    otherFindings: '其他',
    notes: '提示（尾数误差、跳过的检查）',
    none: '未发现问题。',
    noneShown: '没有符合筛选条件的问题。',
    unknownDepartment: '（未识别部门）',
    filter: '筛选',
    allRules: '全部规则',
    shown: '显示',
    excerptLine: '行号',
    excerptItem: '项目',
    accepted: '已接受',
    acceptedBy: { baseline: '基线', waiver: '豁免' },
    acceptance: '接受依据',
    reason: '理由',
    author: '接受人',
    acceptedNotes: '已接受的问题（基线或豁免）',
    tablesFound: '张',
    yearSuffix: '年度',
    total: '合计',
    documentCount: (n) => `${n} 个文档`,
    hiddenNotes: (n) => `（另有 ${n} 条提示未显示，去掉 --quiet 可查看）`,
    acceptedCount: (n) => `（已接受 ${n} 条）`,
    findingId: '编号',
    explainHint: '计算过程',
    colon: '：',
    foldedNotes: (rounding, skipped) => `提示：尾数误差 ${rounding} 条，跳过的检查 ${skipped} 条（加 --verbose 逐条列出）`,
    roundingIn: (n, smallest, largest) => `${n} 条，差额 ${smallest === largest ? smallest : `${smallest}–${largest}`}`,
    skippedBy: (n) => `${n} 条`,
    worstRule: '问题最多的规则',
    rank: '名次',
    cover: '检查说明',
    runDate: '检查时间',
    toolVersion: '工具版本',
    scope: '检查范围',
    settings: '检查设置',
    inputFiles: (n) => `输入文件（${n} 个）及其 SHA-256`,
    bytes: '字节',
    chartByTable: '各表的问题',
    chartByRule: '问题最多的规则（错误与警告）',
    matrix: '规则 × 部门（错误与警告条数）',
    matrixNote: '每格为该部门该规则未被接受的错误与警告条数；红色含错误。',
    notesFolded: (n) => `提示 ${n} 条（尾数误差、跳过的检查）`,
    backToIndex: '返回汇总',
    documentPage: '查看',
    trimmed: (shown, total) => `报告超过 GitHub 作业摘要的 1 MiB 上限，此处只列出 ${total} 个文档中的前 ${shown} 个（错误多的在前），并省略了提示。`,
    trimmedNotes: '报告超过 GitHub 作业摘要的 1 MiB 上限，此处省略了提示（尾数误差、跳过的检查）。',
    fullReportAt: (where) => `完整报告：${where}`,
    fullReportHow: '完整报告可用 zjs check … -f html -o report/ 生成。',
  },
  en: {
    title: 'Final-accounts disclosure consistency report',
    summary: 'Summary',
    findings: 'Findings',
    findingCounts: 'Findings',
    documents: 'Documents',
    department: 'Department',
    year: 'Year',
    unit: 'Unit',
    family: 'Format',
    outcome: 'Outcome',
    level: 'Level',
    statusLabel: 'Status',
    document: 'Document',
    source: 'File',
    severity: { error: 'error', warning: 'warning', info: 'note' },
    severityPlural: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
    status: { fail: 'fail', rounding: 'rounding', skipped: 'skipped', unreadable: 'unreadable' },
    outcomes: { pass: 'pass', fail: 'fail', unreadable: 'unreadable' },
    checks: 'Checks',
    check: { run: 'run', passed: 'passed', failed: 'failed', rounding: 'rounding', skipped: 'skipped' },
    claims: 'Narrative claims',
    claim: { found: 'found', checked: 'checked', unbound: 'unbound' },
    tables: 'Tables',
    emptyTables: 'empty',
    missingTables: 'missing',
    ranking: 'Departments, most errors first',
    rule: 'Rule',
    where: 'Where',
    locations: 'All locations',
    file: 'File',
    line: 'Line',
    page: 'Page',
    table: 'Table',
    row: 'Row',
    column: 'Column',
    expected: 'Expected',
    actual: 'Printed',
    difference: 'Difference',
    tolerance: 'Tolerance',
    message: 'Finding',
    sentence: 'Sentence',
    otherFindings: 'Other',
    notes: 'Notes (rounding differences, skipped checks)',
    none: 'No problems found.',
    noneShown: 'No finding matches the filter.',
    unknownDepartment: '(department not recognised)',
    filter: 'Filter',
    allRules: 'All rules',
    shown: 'Shown',
    excerptLine: 'Line',
    excerptItem: 'Item',
    accepted: 'Accepted',
    acceptedBy: { baseline: 'baseline', waiver: 'waiver' },
    acceptance: 'Accepted by',
    reason: 'Reason',
    author: 'Author',
    acceptedNotes: 'Accepted findings (baseline or waiver)',
    tablesFound: 'found',
    yearSuffix: '',
    total: 'Total',
    documentCount: (n) => `${n} document(s)`,
    hiddenNotes: (n) => `(${n} notes hidden by --quiet)`,
    acceptedCount: (n) => ` (${n} accepted)`,
    findingId: 'id',
    explainHint: 'how it was computed',
    colon: ': ',
    foldedNotes: (rounding, skipped) => `Notes: ${rounding} rounding difference(s), ${skipped} skipped check(s) (--verbose lists them one by one)`,
    roundingIn: (n, smallest, largest) => `${n}, difference ${smallest === largest ? smallest : `${smallest}–${largest}`}`,
    skippedBy: (n) => `${n}`,
    worstRule: 'Most frequent rule',
    rank: '#',
    cover: 'About this check',
    runDate: 'Run on',
    toolVersion: 'Tool version',
    scope: 'Scope',
    settings: 'Settings',
    inputFiles: (n) => `Input files (${n}) and their SHA-256`,
    bytes: 'bytes',
    chartByTable: 'Findings by table',
    chartByRule: 'Rules with most problems (errors and warnings)',
    matrix: 'Rule × department (errors and warnings)',
    matrixNote: 'Each cell counts the errors and warnings of that rule in that department that nothing accepted; red cells hold errors.',
    notesFolded: (n) => `${n} note(s) (rounding differences, skipped checks)`,
    backToIndex: 'Back to the summary',
    documentPage: 'Open',
    trimmed: (shown, total) => `This report is over GitHub's 1 MiB step summary limit: it lists the first ${shown} of ${total} documents (most errors first) and leaves out notes.`,
    trimmedNotes: 'This report is over GitHub\'s 1 MiB step summary limit: notes (rounding differences, skipped checks) are left out.',
    fullReportAt: (where) => `Full report: ${where}`,
    fullReportHow: 'Write the full report with zjs check … -f html -o report/.',
  },
};

/**
 * How an acceptance reads in every format: `基线 zjs-baseline.json` or
 * `豁免 waivers.json：理由（作者，2024-05-01，有效至 2025-06-30）`.
 */
export function acceptanceText(a: Acceptance, lang: Lang): string {
  const zh = lang === 'zh';
  const head = `${WORDS[lang].acceptedBy[a.by]} ${a.file}`;
  const who = [a.author, a.date, a.expires !== undefined ? (zh ? `有效至 ${a.expires}` : `until ${a.expires}`) : undefined].filter((x): x is string => x !== undefined);
  if (a.reason === undefined) return who.length > 0 ? `${head} (${who.join(', ')})` : head;
  return zh ? `${head}：${a.reason}${who.length > 0 ? `（${who.join('，')}）` : ''}` : `${head}: ${a.reason}${who.length > 0 ? ` (${who.join(', ')})` : ''}`;
}
