import type { Lang } from '../engine/messages.js';

/** Words of the command line itself (errors and notices); findings are rendered by the engine. */
export const CLI_WORDS = {
  zh: {
    error: '错误',
    cannotWrite: '无法写入',
    outputIsInput: '输出文件不能是输入文件或位于输入文件夹内',
    noDocs: '未找到可检查的文档',
    config: '配置文件无效',
    skipped: (n: number) => `搜索文件夹时跳过了 ${n} 个不含决算公开表的文本文件或工作簿`,
  },
  en: {
    error: 'error',
    cannotWrite: 'cannot write',
    outputIsInput: 'the output file may not be an input file or lie inside an input folder',
    noDocs: 'no document to check was found',
    config: 'invalid config file',
    skipped: (n: number) => `passed over ${n} text file(s) or workbook(s) without any 决算 table found while searching folders`,
  },
} as const;

export function words(lang: Lang) {
  return CLI_WORDS[lang];
}
