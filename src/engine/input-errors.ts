import type { InputError, XlsxProblem } from '../load/errors.js';
import type { Lang } from './messages.js';

export interface RenderedInputError {
  message: string;
  file: string;
  line: number | null;
  page: number | null;
}

/** One line per unreadable input: the file, the line (or page) and the cause, in the user's language. */
export function renderInputError(error: InputError, lang: Lang): RenderedInputError {
  const zh = lang === 'zh';
  const at = (line?: number, page?: number) => ({ file: error.file, line: line ?? null, page: page ?? null });
  switch (error.kind) {
    case 'not-found':
      return { message: zh ? '文件或文件夹不存在' : 'no such file or folder', ...at() };
    case 'unreadable':
      return { message: zh ? `无法读取（${error.detail}）` : `cannot be read (${error.detail})`, ...at() };
    case 'empty':
      return { message: zh ? '文件为空' : 'the file is empty', ...at() };
    case 'binary':
      return { message: zh ? '不是文本文件（含二进制内容）' : 'not a text file (binary content)', ...at(error.line) };
    case 'encoding':
      return {
        message: zh
          ? `不是有效的 ${error.encoding.toUpperCase()} 编码文本（第 ${error.line} 行，文件第 ${error.offset} 字节起）`
          : `not valid ${error.encoding.toUpperCase()} text (line ${error.line}, from byte ${error.offset} of the file)`,
        ...at(error.line),
      };
    case 'csv': {
      const d = error.detail;
      const message =
        d.kind === 'ragged'
          ? zh
            ? `CSV 各行字段数不一致（应为 ${d.expected} 个，此行 ${d.actual} 个）`
            : `CSV rows have different numbers of fields (expected ${d.expected}, this row has ${d.actual})`
          : d.kind === 'quote'
            ? zh
              ? 'CSV 引号不配对'
              : 'unbalanced quotes in CSV'
            : zh
              ? `CSV 格式错误（${d.message}）`
              : `malformed CSV (${d.message})`;
      return { message, ...at(error.line) };
    }
    case 'not-disclosure': {
      const f = error.fallback;
      const why = f
        ? zh
          ? `；第 ${f.line} 行（文件第 ${f.offset} 字节起）不是有效的 ${f.from.toUpperCase()}，已按 ${f.to.toUpperCase()} 读取，可用 --encoding 指定编码`
          : `; line ${f.line} (from byte ${f.offset} of the file) is not valid ${f.from.toUpperCase()}, so the file was read as ${f.to.toUpperCase()}; name the encoding with --encoding`
        : '';
      return { message: zh ? `未找到任何部门决算公开表（不是决算公开文档？）${why}` : `none of the nine 决算 tables was found (not a disclosure?)${why}`, ...at() };
    }
    case 'special-file':
      return { message: zh ? `不是普通文件（${SPECIAL[error.type].zh}），只读取普通文件` : `not a regular file (${SPECIAL[error.type].en}); only regular files are read`, ...at() };
    case 'too-large': {
      const size = mib(error.size);
      const limit = mib(error.limit);
      // Unpacking stops at the limit: how much more a workbook holds is not known.
      const message = error.part
        ? zh
          ? `工作簿解压后超过 ${limit}（到 ${error.part} 为止），未读取；如确需读取，请用 --max-input-size 放宽限制`
          : `the workbook unpacks to more than ${limit} (by ${error.part}) and was not read; raise the limit with --max-input-size if it must be read`
        : zh
          ? `文件大小 ${size}，超过 ${limit} 的上限，未读取；如确需读取，请用 --max-input-size 放宽限制`
          : `the file is ${size}, over the ${limit} limit, and was not read; raise the limit with --max-input-size if it must be read`;
      return { message, ...at() };
    }
    case 'unsupported':
      return { message: zh ? `不支持的文件类型“${error.extension}”` : `unsupported file type “${error.extension}”`, ...at() };
    case 'no-text-layer':
      return {
        message: zh ? 'PDF 没有文字层（扫描件），无法读取，请提供带文字的 PDF 或 Excel/CSV' : 'the PDF has no text layer (a scan); supply a text PDF, Excel or CSV',
        ...at(undefined, error.page),
      };
    case 'pdf':
      return { message: zh ? `无法读取 PDF（${error.detail}）` : `cannot read the PDF (${error.detail})`, ...at(undefined, error.page > 0 ? error.page : undefined) };
    case 'xlsx':
      return { message: xlsxMessage(error.detail, zh), ...at() };
    default: {
      const never: never = error;
      return never;
    }
  }
}

const SPECIAL = {
  fifo: { zh: '命名管道', en: 'a FIFO' },
  socket: { zh: '套接字', en: 'a socket' },
  'character-device': { zh: '字符设备', en: 'a character device' },
  'block-device': { zh: '块设备', en: 'a block device' },
  other: { zh: '特殊文件', en: 'a special file' },
} as const;

/** A size in MiB, as the limits are given (`--max-input-size` counts MiB): whole from 10 on, else three digits. */
function mib(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${value >= 10 ? Math.round(value) : Number(value.toPrecision(3))} MiB`;
}

function xlsxMessage(d: XlsxProblem, zh: boolean): string {
  switch (d.kind) {
    case 'encrypted':
      return zh ? 'Excel 工作簿有打开密码（已加密），请另存为不加密的工作簿' : 'the Excel workbook is password-protected (encrypted); save an unencrypted copy';
    case 'legacy':
      return zh ? '这是旧版 Excel 97-2003 工作簿（.xls），请另存为 .xlsx' : 'this is an Excel 97-2003 workbook (.xls); save it as .xlsx';
    case 'corrupt':
      return zh ? `无法读取 Excel 工作簿（文件已损坏或不是 .xlsx：${d.message}）` : `cannot read the Excel workbook (damaged, or not an .xlsx: ${d.message})`;
    case 'formula':
      return zh
        ? `工作簿中有 ${d.count} 个公式没有保存计算结果（首个在“${d.sheet}”!${d.cell}），请在 Excel 或 WPS 中打开、重新计算并保存后再检查`
        : `${d.count} formula(s) in the workbook have no saved result (first at '${d.sheet}'!${d.cell}); open it in Excel or WPS, recalculate and save, then check again`;
    default: {
      const never: never = d;
      return never;
    }
  }
}

/** `file:line: message` (or `file:p3: message`), the form every CLI error takes. */
export function inputErrorLine(error: RenderedInputError): string {
  const where = error.page !== null ? `${error.file}:p${error.page}` : error.line !== null ? `${error.file}:${error.line}` : error.file;
  return `${where}: ${error.message}`;
}
