import type { Lang } from '../engine/messages.js';
import { FORMAT_NAMES } from '../report/index.js';

/**
 * Every text of `--help`, in both languages: `--lang en` anywhere on the command line gives the
 * English help (commander prints help before an action could read the flag).
 */
export const HELP = {
  zh: {
    program: '部门决算公开一致性检查',
    help: '显示帮助',
    helpCommand: '显示某个命令的帮助',
    version: '显示版本号',
    paths: '文件或文件夹',
    lang: '语言（zh 或 en，默认 zh；也可在配置文件中设置）',
    encoding: '输入编码（默认自动识别 UTF-8 / GB18030 / UTF-16）',
    config: '配置文件（JSON 或 JSONC）；默认使用输入所在文件夹或其上级中最近的 zjs.config.json / zjs.config.jsonc',
    noConfig: '不读取任何配置文件',
    maxInputSize: '读取的单个输入文件的大小上限，单位 MiB（默认：文本、CSV 和工作簿 64，PDF 256，工作簿解压后 256）',
    ignore: '搜索文件夹时跳过的路径（gitignore 写法，相对于所给的文件夹；可重复）',
    tolerance: 'interval：尾数误差为提示；exact：尾数误差也算错误（默认 interval，或配置文件中的值）',
    check: {
      description: '检查一个或多个决算公开文档（PDF、文本文件、Excel 工作簿、每表一个 CSV 的文件夹，或包含它们的文件夹）',
      format: `报告格式（${FORMAT_NAMES.join('、')}；可重复，每个格式配其后的 -o），默认 text`,
      output: '把前一个 -f 格式的报告写入文件，而不是标准输出；html 写入以 / 结尾的文件夹时，每个文档一页',
      failOn: '哪一级问题使退出码为 1',
      previous: '上年同类文档（文件或文件夹）：各文档与之核对（预算说明“比上年”增减、决算年初结转和结余），不论部门名称；未给出时在所检查的文档中按部门、类别、年度自动配对',
      budget: '当年部门预算（文件或文件夹）：各决算与之核对（“三公”经费预算数），不论部门名称；未给出时自动配对',
      noSets: '不在文档之间配对核对：报告边检查边写出，内存不随文档数增长（全省规模的批量检查）',
      waivers: '豁免文件（JSON，见 schema/waivers.schema.json）：按规则和位置接受问题，须写明理由和接受人',
      baseline: '基线文件：其中记录的问题报告为“已接受”，不计入退出码',
      writeBaseline: '把本次的错误和警告写入基线文件（可覆盖已有基线），并报告为“已接受”',
      quiet: '文本报告中不列出提示（尾数误差、跳过的检查）；不显示进度',
      verbose: '文本报告中逐条列出提示（默认每张表或每条规则合为一行），并列出搜索文件夹时跳过的文件（不是决算表的 CSV、zjs 生成的报告、符合 --ignore 的路径）',
      noProgress: '不在标准错误上显示进度（标准错误不是终端时本来就不显示）',
      jobs: '同时检查文档的线程数（默认：处理器核数；1：不另开线程）；输出与单线程完全相同',
      noColor: '不使用颜色',
    },
    claims: {
      description: '列出情况说明中的每一项数字主张及其核对结果，以及未能绑定到任何主张的数字',
      format: '输出格式',
    },
    explain: {
      description: '逐项说明检查如何计算：参与求和的每个单元格、区间、差额、容差和结论（通过的检查也可说明）',
      rule: '说明这条规则的全部检查',
      finding: '说明这一项检查（报告中的问题编号，如 expense-rollup:expense/20801/total）',
      status: (list: string) => `只说明这些结果的检查（${list}，逗号分隔）`,
      format: '输出格式',
    },
    import: {
      description: '把决算公开文档（PDF、文本、Excel 工作簿或 CSV 文件夹）转为每表一个 CSV 的标准文件夹（UTF-8 带 BOM，Excel 可直接打开）',
      source: '文件或文件夹',
      out: '输出文件夹',
      force: '覆盖输出文件夹中的同名文件',
    },
    rules: {
      description: '列出全部检查规则：编号、名称、默认级别和标签',
      format: '输出格式',
    },
  },
  en: {
    program: 'Consistency checks for Chinese government final-accounts disclosures (部门决算公开)',
    help: 'display help',
    helpCommand: 'display help for a command',
    version: 'print the version',
    paths: 'files or folders',
    lang: 'language (zh or en; default zh, or the config file’s)',
    encoding: 'input encoding (default: detect UTF-8 / GB18030 / UTF-16)',
    config: 'config file (JSON or JSONC); by default the nearest zjs.config.json / zjs.config.jsonc in the folder of each input or above it',
    noConfig: 'read no config file',
    maxInputSize: 'largest input file read, in MiB (default: 64 for text, CSV and workbooks, 256 for PDFs and for a workbook unpacked)',
    ignore: 'paths to pass over while searching folders (gitignore patterns, relative to the folder given; repeatable)',
    tolerance: 'interval: rounding differences are notes; exact: they are errors (default interval, or the config file’s)',
    check: {
      description: 'check one or more disclosures (PDF, text file, Excel workbook, a folder with one CSV per table, or folders holding them)',
      format: `report format (${FORMAT_NAMES.join(', ')}; repeatable, each with the -o after it), default text`,
      output: 'write the report of the -f before it to a file instead of standard output; html into a folder ending in / writes one page per document',
      failOn: 'which findings make the exit code 1',
      previous: 'last year’s document of the same kind (file or folder): every document is reconciled with it (budget 比上年 changes, a 决算’s opening balances), whatever its department name; without it, documents checked together are paired by department, kind and year',
      budget: 'the same year’s 部门预算 (file or folder): every 决算 is reconciled with it (the 三公 budget), whatever its department name; without it, paired automatically',
      noSets: 'no reconciliation across documents: the report is written as documents are checked, in memory that does not grow with their number (province-sized batches)',
      waivers: 'waiver file (JSON, see schema/waivers.schema.json): accepts findings by rule and place, with a reason and an author',
      baseline: 'baseline file: the findings it records are reported as accepted and do not fail the run',
      writeBaseline: 'write this run’s errors and warnings to a baseline file (overwriting an old one) and report them as accepted',
      quiet: 'leave notes (rounding differences, skipped checks) out of the text report; no progress',
      verbose: 'list notes one by one in the text report (by default one line per table or rule), and the files passed over while searching folders (CSV files that are no 决算 table, reports zjs wrote, paths matching --ignore)',
      noProgress: 'show no progress on standard error (never shown when it is not a terminal)',
      jobs: 'threads that check documents at once (default: the number of cores; 1: none besides the main one); the output is the same as with one',
      noColor: 'no colours',
    },
    claims: {
      description: 'list every numeric claim of the narrative with its verdict, and the numbers tied to no claim',
      format: 'output format',
    },
    explain: {
      description: 'show how checks were computed: every cell summed, intervals, difference, tolerance and verdict (passes too)',
      rule: 'explain every check of this rule',
      finding: 'explain this check (a finding id from a report, e.g. expense-rollup:expense/20801/total)',
      status: (list: string) => `only checks with these results (${list}, comma-separated)`,
      format: 'output format',
    },
    import: {
      description: 'convert a disclosure (PDF, text, Excel workbook or CSV folder) into the standard folder of one CSV per table (UTF-8 with BOM, opens in Excel)',
      source: 'file or folder',
      out: 'output folder',
      force: 'overwrite files of the same name in the output folder',
    },
    rules: {
      description: 'list every rule: id, title, default severity and tags',
      format: 'output format',
    },
  },
} as const;

export type Help = (typeof HELP)[Lang];

/** The language of `--help`: English when the command line says `--lang en` (or `--lang=en`). */
export function helpLang(argv: readonly string[]): Lang {
  for (const [i, arg] of argv.entries()) {
    if (arg === '--lang=en' || (arg === '--lang' && argv[i + 1] === 'en')) return 'en';
  }
  return 'zh';
}
