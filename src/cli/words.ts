import type { Lang } from '../engine/messages.js';
import type { IgnoredFile } from '../load/index.js';

/** Words of the command line itself (errors and notices); findings are rendered by the engine. */
export const CLI_WORDS = {
  zh: {
    error: '错误',
    cannotWrite: '无法写入',
    outputIsInput: '输出文件不能是输入文件或位于输入文件夹内',
    noDocs: '未找到可检查的文档',
    config: '配置文件无效',
    skipped: (n: number) => `搜索文件夹时跳过了 ${n} 个不含决算公开表的文本文件或工作簿`,
    ignored: (path: string, reason: IgnoredFile['reason']) =>
      `已忽略 ${path}（${{ 'not-a-table': '不是决算公开表的 CSV 文件', report: 'zjs 生成的报告', pattern: '符合 --ignore' }[reason]}）`,
    waivers: '豁免文件无效',
    baseline: '基线文件无效',
    notice: '注意',
    waiverUnused: (n: number, what: string) => `第 ${n} 条豁免（${what}）未匹配任何问题，可以删除`,
    waiverExpired: (n: number, what: string, expires: string) => `第 ${n} 条豁免（${what}）已于 ${expires} 到期，不再接受问题`,
    baselineChanged: (doc: string, ids: readonly string[]) => `${doc}：${ids.length} 个问题的数字与基线不同，重新报告：${ids.join('、')}`,
    baselineGone: (doc: string, ids: readonly string[]) => `${doc}：基线中 ${ids.length} 个问题已不再出现（用 --write-baseline 更新基线）：${ids.join('、')}`,
    baselineWritten: (problems: number, documents: number) => `已写入基线：${documents} 个文档的 ${problems} 个问题`,
    baselineNotWritten: '有文档无法读取，未写入基线',
    baselineSameAsOutput: '基线文件不能与报告写入同一个文件',
    baselineIsInput: '基线文件不能写在输入文件、豁免文件或配置文件上',
    htmlLarge: (n: number) => `共 ${n} 个文档，单页报告打开较慢；用 -o 文件夹/（以 / 结尾）可写成汇总页加每个文档一页`,
  },
  en: {
    error: 'error',
    cannotWrite: 'cannot write',
    outputIsInput: 'the output file may not be an input file or lie inside an input folder',
    noDocs: 'no document to check was found',
    config: 'invalid config file',
    skipped: (n: number) => `passed over ${n} text file(s) or workbook(s) without any 决算 table found while searching folders`,
    ignored: (path: string, reason: IgnoredFile['reason']) =>
      `ignored ${path} (${{ 'not-a-table': 'a CSV file that is no 决算 table', report: 'a report zjs wrote', pattern: 'matches --ignore' }[reason]})`,
    waivers: 'invalid waiver file',
    baseline: 'invalid baseline file',
    notice: 'notice',
    waiverUnused: (n: number, what: string) => `waiver ${n} (${what}) matches no finding and can be removed`,
    waiverExpired: (n: number, what: string, expires: string) => `waiver ${n} (${what}) expired on ${expires} and accepts nothing`,
    baselineChanged: (doc: string, ids: readonly string[]) => `${doc}: ${ids.length} finding(s) changed their numbers since the baseline and are reported again: ${ids.join(', ')}`,
    baselineGone: (doc: string, ids: readonly string[]) => `${doc}: ${ids.length} baseline finding(s) no longer occur (update the baseline with --write-baseline): ${ids.join(', ')}`,
    baselineWritten: (problems: number, documents: number) => `baseline written: ${problems} finding(s) in ${documents} document(s)`,
    baselineNotWritten: 'a document could not be read; the baseline was not written',
    baselineSameAsOutput: 'the baseline cannot be written to the same file as a report',
    baselineIsInput: 'the baseline cannot be written over an input, waiver or config file',
    htmlLarge: (n: number) => `${n} documents make a slow single page; -o FOLDER/ (ending in /) writes a summary page and one page per document`,
  },
} as const;

export function words(lang: Lang) {
  return CLI_WORDS[lang];
}
