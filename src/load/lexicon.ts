/**
 * The words and figures every reader recognises in a printed table, defined once: text, CSV,
 * workbook and PDF readers and the table builders all ask here, so that a form accepted by one
 * path (a full-width comma in an amount, a page number) is accepted by every other.
 */
import { toHalfWidth } from '../model/number.js';

/** Characters printed full width: two columns in a monospaced layout, one em in a PDF. */
export const WIDE = /[\u1100-\u115f\u2e80-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6“”‘’]/;

const BLANKS = /[\s\u3000]+/g;

/** Removes every blank (ideographic spaces too). */
export const squeeze = (text: string): string => text.replace(BLANKS, '');

/** A 科目 or 经济分类 code as printed whole: 类 (3 digits), 款 (5) or 项 (7). */
export const CODE = /^\d{3}(\d{2}){0,2}$/;
/** The 类 part of a code printed over 类 | 款 | 项 cells, and a 款 or 项 part. */
export const CLASS_PART = /^\d{3}$/;
export const CODE_PART = /^\d{2}$/;
/** A code and its name printed in one cell: “2080102 一般行政管理事务”. */
export const CODE_AND_NAME = /^(\d{3}(?:\d{2}){0,2})\s+(\S.*)$/;

/** The 合计 / 总计 row label. */
export const TOTAL = /^(合计|总计)$/;
/** A label that ends like a total or a subtotal (printed across merged cells in PDFs). */
export const TOTAL_ENDING = /(合计|总计|小计)$/;
/** The totals of the 基本支出 table: 人员经费(合计), 公用经费(合计), (基本支出)合计. */
export const PANEL_TOTALS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^人员经费(合计)?$/, 'personnel-total'],
  [/^公用经费(合计)?$/, 'public-total'],
  [/^(基本支出)?合计$/, 'total'],
];
/** A 基本支出 total label that reads whole only with 合计 (人员经费 alone also heads a panel). */
export const PANEL_TOTAL_WHOLE = /^(人员经费|公用经费)合计$|^(基本支出)?合计$/;

const NUMBERING_CN = '[一二三四五六七八九十]+[、.．]';
const NUMBERING_BRACKETED = '[（(][一二三四五六七八九十\\d]+[)）]';

/** The numbering that opens an item label: 一、 （一） 1、 */
export const NUMBERED = new RegExp(`^(${NUMBERING_CN}|${NUMBERING_BRACKETED}|\\d{1,2}[、．])`);
/**
 * What opens a row in a PDF's text layer: a numbered label, or a word that starts like a code or
 * an item number (1. as well as 1、: a PDF word is never a bare amount here, amounts are told
 * apart before).
 */
export const ROW_START = new RegExp(`^(${NUMBERING_CN}|${NUMBERING_BRACKETED}|\\d{1,2}[、.．]|\\d{3})`);
/** The numbering removed from a label before it is matched (after brackets are made ASCII). */
export const LABEL_NUMBERING = /^(第?[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．]|[(][一二三四五六七八九十\d]+[)])/;

/** Header words printed over the code cells (类 | 款 | 项), even on the 合计 row. */
export const CODE_HEADING = /^(类|款|项)$/;
/** Header words of the code columns, including the column's own name. */
export const CODE_COLUMN_HEADING = /^(类|款|项|科目编码|科目代码)$/;
/** Header words that are no part of any row in a text that lost its columns. */
export const KEY_WORD = /^(类|款|项|类款项|科目编码|科目代码|栏次)$/;
/** Header words that head the key columns, or group others: no amount column of their own. */
export const KEY_HEADING =
  /^(项目|科目|科目编码|科目代码|科目名称|支出功能分类(科目)?|功能分类(科目)?|经济分类(科目)?|类|款|项|类款项|栏次|行次|编码|代码|名称|收入|支出|本年支出|单位[:：]?万?元)$/;

/** A column number of the 栏次 line (1, 2, … 12). */
export const COLUMN_NUMBER = /^\d{1,2}$/;

/** A note under a table: 注：…, 说明1…, 备注: … */
export const NOTE_START = /^(注|说明|备注)\s*[:：\d１-９]/;

/**
 * A page number that reads as one anywhere: — 3 —, 第 3 页, 第3页 共25页, 3/25, Page 3 of 9.
 * A bare number is not enough (a lone 栏次 number can stand on a line of its own in a table).
 */
export const PAGE_NUMBER = /^([-—–－~]+\s*\d{1,4}\s*[-—–－~]+|第\s*\d{1,4}\s*页(\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(\s*of\s*\d{1,4})?)$/i;
/** At the very edge of a page, a bare or half-decorated number is a page number too: 3, - 3, 第3, 3页. */
const EDGE_PAGE_NUMBER = /^([-—–－~]+\s*)?(第\s*)?\d{1,4}(\s*页)?(\s*[-—–－~]+)?$/;
export const isPageNumber = (text: string, atPageEdge: boolean): boolean => PAGE_NUMBER.test(text) || (atPageEdge && EDGE_PAGE_NUMBER.test(text));

/**
 * A money amount printed with decimals: 1,234.50, 0.00, -12.00, −12.00, (12.00), with ASCII or
 * full-width commas between groups of three.
 */
export const AMOUNT = /^[-−]?(\d{1,3}([,，]\d{3})+|\d+)\.\d+$|^\((\d{1,3}([,，]\d{3})+|\d+)\.\d+\)$/;
/** A figure of any kind (an amount, a count, a share, a column number). */
export const NUMERIC = /^[-−(]?[\d,，.]+\)?%?$/;

const FULL_WIDTH_FIGURE = /[\uff08\uff09\uff0c-\uff0e\uff10-\uff19]/;

/** True when one word reads as an amount (no blanks inside); full-width digits and signs count. */
export const isAmount = (word: string): boolean => AMOUNT.test(word) || (FULL_WIDTH_FIGURE.test(word) && AMOUNT.test(toHalfWidth(word)));

/** True when a cell reads as an amount, blanks inside it ignored (1 234.50). */
export function looksLikeAmount(text: string): boolean {
  return isAmount(squeeze(text));
}
