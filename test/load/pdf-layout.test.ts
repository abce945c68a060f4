import { describe, expect, it } from 'vitest';
import type { GridRow } from '../../src/load/grid.js';
import { layoutPages, type PdfPage, type PdfTextItem } from '../../src/load/pdf-layout.js';

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/** A run of text at (x, baseline y from the top), as wide as its characters (CJK full, others half). */
function t(text: string, x: number, y: number, size = 12): PdfTextItem {
  const width = [...text].reduce((sum, ch) => sum + (CJK.test(ch) ? size : size / 2), 0);
  return { text, x, y, width, size };
}

/** A run of text right-aligned at `right`. */
function r(text: string, right: number, y: number, size = 12): PdfTextItem {
  const item = t(text, 0, y, size);
  return { ...item, x: right - item.width };
}

function page(number: number, items: PdfTextItem[], width = 842, height = 595): PdfPage {
  return { number, width, height, items };
}

const show = (rows: readonly GridRow[]): string[] => rows.map((row) => row.cells.map((c) => (c === '' ? '·' : c)).join(' | '));
const isTitle = (text: string): boolean => /决算表$|^单位[:：]/.test(text);

describe('layoutPages: running text', () => {
  it('makes one single-cell row per line, in reading order, with page and line', () => {
    const rows = layoutPages('a.pdf', [
      page(1, [t('与', 96, 120), t('2023', 108, 120), t('年度相比，收入', 132, 120), t('本年收入合计', 96, 100), t('2946.25', 168, 100), t('万元', 207, 100)]),
      page(2, [t('第二页', 72, 80)]),
    ]);
    expect(show(rows)).toEqual(['本年收入合计2946.25万元', '与2023年度相比，收入', '第二页']);
    expect(rows.map((row) => row.loc)).toEqual([
      { file: 'a.pdf', line: 1, page: 1 },
      { file: 'a.pdf', line: 2, page: 1 },
      { file: 'a.pdf', line: 1, page: 2 },
    ]);
  });

  it('keeps a space between Latin words and drops letter spacing inside Chinese text', () => {
    const rows = layoutPages('a.pdf', [page(1, [t('Total', 72, 100), t('2024', 110, 100), t('因 公 出 国 费', 200, 120)])]);
    expect(show(rows)).toEqual(['Total 2024', '因公出国费']);
  });

  it('drops page numbers and headers repeated in the margins', () => {
    const pages = [1, 2, 3].map((n) =>
      page(n, [t('上海市某局2024年度部门决算', 200, 30), t(`正文第${n}页的内容`, 72, 300), t(`- ${n} -`, 400, 570)]),
    );
    const rows = layoutPages('a.pdf', pages);
    expect(show(rows)).toEqual(['正文第1页的内容', '正文第2页的内容', '正文第3页的内容']);
    // Lines keep their printed numbers: the dropped running header was line 1.
    expect(rows[0]?.loc).toEqual({ file: 'a.pdf', line: 2, page: 1 });
  });

  it('drops page numbers printed above the margin, under the last rows of a table, when pages number in sequence', () => {
    // Pages 3 and 4 of a made-up table print 1 and 2 at mid-page height, right under their rows.
    const rows = layoutPages('a.pdf', [3, 4].map((n) =>
      page(n, [
        t('201', 72, 200), t('一般公共服务支出', 130, 200), r('1,234.50', 420, 200), r('1,234.50', 520, 200),
        t('205', 72, 220), t('教育支出', 130, 220), r('620.00', 420, 220), r('620.00', 520, 220),
        t(String(n - 2), 300, 240),
      ]),
    ));
    expect(show(rows)).toEqual([
      '201 | 一般公共服务支出 | 1,234.50 | 1,234.50',
      '205 | 教育支出 | 620.00 | 620.00',
      '201 | 一般公共服务支出 | 1,234.50 | 1,234.50',
      '205 | 教育支出 | 620.00 | 620.00',
    ]);
  });

  it('keeps a lone number on the last line of a page when the pages do not number in sequence', () => {
    const rows = layoutPages('a.pdf', [3, 4].map((n) => page(n, [t('正文', 72, 200), t(String(n * 5), 300, 240)])));
    expect(show(rows)).toEqual(['正文', '15', '正文', '20']);
  });
});

/** 收入决算表 as Shanghai prints it: split codes, a header wrapped over lines, empty columns. */
function incomePage(): PdfTextItem[] {
  return [
    t('收入决算表', 381, 104, 16),
    t('单位：万元', 710, 137),
    t('项目', 194, 171),
    t('本年收入合', 354, 180),
    t('计', 378, 196),
    t('财政拨款收', 431, 180),
    t('入', 455, 196),
    t('上级补助', 509, 180),
    t('收入', 521, 196),
    t('其他收', 731, 180),
    t('入', 743, 196),
    t('支出功能分类', 92, 188),
    t('科目名称', 244, 197),
    t('科目编码', 104, 206),
    t('类', 82, 222),
    t('款', 123, 222),
    t('项', 164, 222),
    t('合计', 256, 230),
    r('2,310.41', 414, 230),
    r('2,257.21', 487, 230),
    r('5.00', 770, 230),
    t('201', 72, 255),
    t('一般公共服务支出', 195, 255),
    r('1,630.46', 410, 255),
    r('1,577.26', 487, 255),
    r('5.00', 770, 255),
    t('201', 72, 272),
    t('06', 123, 272),
    t('01', 164, 272),
    t('行政运行', 195, 272),
    r('1,285.77', 402, 272),
    r('1,280.77', 479, 272),
    r('5.00', 770, 272),
    // A name wrapped over two lines, the codes and amounts printed between them.
    t('机关事业单位基本养老保险', 195, 409),
    t('208', 72, 417),
    t('05', 123, 417),
    t('05', 164, 417),
    r('132.48', 402, 417),
    r('132.48', 479, 417),
    t('缴费支出', 195, 425),
  ];
}

describe('layoutPages: tables', () => {
  it('gives header and data cells of one printed column the same index', () => {
    const rows = layoutPages('a.pdf', [page(1, incomePage())], { standsAlone: isTitle });
    expect(show(rows)).toEqual([
      '收入决算表',
      '单位：万元',
      '· | · | · | 项目 | · | · | · | ·',
      '· | · | · | · | 本年收入合 | 财政拨款收 | 上级补助 | 其他收',
      '· | 支出功能分类 | · | · | · | · | · | ·',
      '· | · | · | 科目名称 | 计 | 入 | 收入 | 入',
      '· | 科目编码 | · | · | · | · | · | ·',
      '类 | 款 | 项 | · | · | · | · | ·',
      '· | · | · | 合计 | 2,310.41 | 2,257.21 | · | 5.00',
      '201 | · | · | 一般公共服务支出 | 1,630.46 | 1,577.26 | · | 5.00',
      '201 | 06 | 01 | 行政运行 | 1,285.77 | 1,280.77 | · | 5.00',
      '208 | 05 | 05 | 机关事业单位基本养老保险缴费支出 | 132.48 | 132.48 | · | ·',
    ]);
    const wrapped = rows[rows.length - 1];
    // The row is located at its code, on the line between the two halves of its name.
    expect(wrapped?.loc).toEqual({ file: 'a.pdf', line: 13, page: 1 });
  });

  it('reads amounts printed with full-width commas as amounts, in the same columns', () => {
    // Every amount made a thousand times larger, so that each has a thousands separator.
    const grouped = (comma: string) => (item: PdfTextItem): PdfTextItem => {
      const m = /^([\d,]+)\.(\d+)$/.exec(item.text);
      if (!m?.[1]) return item;
      const int = (Number(m[1].replace(/,/g, '')) * 1000 + 1).toLocaleString('en-US').replace(/,/g, comma);
      return { ...item, text: `${int}.${m[2]}` };
    };
    const ascii = layoutPages('a.pdf', [page(1, incomePage().map(grouped(',')))], { standsAlone: isTitle });
    const fullWidth = layoutPages('a.pdf', [page(1, incomePage().map(grouped('，')))], { standsAlone: isTitle });
    expect(show(ascii)).toContain('201 | 06 | 01 | 行政运行 | 1,285,001.77 | 1,280,001.77 | · | 5,001.00');
    expect(show(fullWidth).map((row) => row.replace(/，/g, ','))).toEqual(show(ascii));
  });

  it('reads cells printed higher in a tall row as that row, and 类 款 项 beside it as header', () => {
    const items = [
      t('项目', 208, 170),
      t('本年支出合计', 382, 180),
      t('基本支出', 460, 188),
      t('项目支出', 530, 180),
      t('科目名称', 261, 196),
      t('类', 83, 222),
      t('款', 127, 222),
      t('项', 170, 222),
      // Top-aligned cells of the 合计 row share a baseline with the 类 款 项 header cells.
      r('2,038.76', 505, 222),
      r('240.00', 575, 222),
      t('合计', 273, 230),
      r('2,278.76', 431, 230),
      r('1,526.81', 505, 253),
      r('102.00', 575, 253),
      t('201', 72, 260),
      t('一般公共服务支出', 203, 260),
      r('1,628.81', 431, 260),
      t('201', 72, 283),
      t('06', 127, 283),
      t('01', 170, 283),
      t('行政运行', 203, 283),
      r('1,280.77', 431, 283),
      r('1,268.37', 505, 276),
      r('12.40', 575, 283),
    ];
    const rows = layoutPages('a.pdf', [page(1, items)]);
    expect(show(rows).slice(-4)).toEqual([
      '类 | 款 | 项 | · | · | · | ·',
      '· | · | · | 合计 | 2,278.76 | 2,038.76 | 240.00',
      '201 | · | · | 一般公共服务支出 | 1,628.81 | 1,526.81 | 102.00',
      '201 | 06 | 01 | 行政运行 | 1,280.77 | 1,268.37 | 12.40',
    ]);
  });

  it('joins a label wrapped onto a line of its own when the line above filled the column', () => {
    const items = [
      t('项目', 132, 200),
      t('决算数', 237, 200),
      t('项目', 359, 200),
      t('决算数', 470, 200),
      t('一、一般公共预算财政拨款', 72, 230),
      r('2,077.21', 274, 230),
      t('一、一般公共服务支出', 294, 230),
      r('1,628.81', 512, 230),
      t('七、文化旅游体育与传媒支', 294, 247),
      t('出', 294, 263),
      t('八、社会保障和就业支出', 294, 280),
      r('255.02', 512, 280),
      t('九、卫生健康支出', 294, 297),
    ];
    const rows = layoutPages('a.pdf', [page(1, items)]);
    expect(show(rows)).toEqual([
      '项目 | 决算数 | 项目 | 决算数',
      '一、一般公共预算财政拨款 | 2,077.21 | 一、一般公共服务支出 | 1,628.81',
      '· | · | 七、文化旅游体育与传媒支出 | ·',
      '· | · | 八、社会保障和就业支出 | 255.02',
      '· | · | 九、卫生健康支出 | ·',
    ]);
  });

  it('gives a line wrapped above a code to the row below when the row above ended short of the edge', () => {
    const s = 10.5;
    const items = [
      t('科目编码', 107, 400, s),
      t('科目名称', 181, 400, s),
      t('合计', 300, 400, s),
      t('205', 107, 420, s),
      t('教育支出', 181, 420, s),
      r('1.00', 320, 420, s),
      // 207: two lines centred on the code; the second ends short of the column's edge.
      t('文化旅游体育', 181, 437, s),
      t('207', 107, 444, s),
      t('与传媒支出', 181, 451, s),
      r('2.00', 320, 444, s),
      // 20799: three lines centred on the code.
      t('其他文化旅游', 181, 465, s),
      t('20799', 107, 479, s),
      t('体育与传媒支', 181, 479, s),
      r('2.00', 320, 479, s),
      t('出', 181, 492, s),
    ];
    const rows = layoutPages('a.pdf', [page(1, items, 595, 842)]);
    expect(show(rows)).toEqual([
      '科目编码 | 科目名称 | 合计',
      '205 | 教育支出 | 1.00',
      '207 | 文化旅游体育与传媒支出 | 2.00',
      '20799 | 其他文化旅游体育与传媒支出 | 2.00',
    ]);
  });

  it('splits a run at wide spaces only: one run may print two cells, a single space stays in its cell', () => {
    const items = [
      t('序号', 100, 100),
      t('单位名称', 200, 100),
      t('1', 104, 120),
      t('示例区 示例局（本级）', 200, 120),
      // Two cells printed as one run, padded apart with spaces.
      t('2                示例区示例服务中心', 104, 140),
    ];
    const rows = layoutPages('a.pdf', [page(1, items)]);
    expect(show(rows)).toEqual(['序号 | 单位名称', '1 | 示例区示例局（本级）', '2 | 示例区示例服务中心']);
  });

  it('keeps a group heading from merging the columns under it, and gives empty columns their own index', () => {
    const items = [
      t('财政拨款“三公”经费', 366, 160, 11),
      t('合计', 81, 190, 11),
      t('公务接待费', 722, 190, 11),
      ...['预算数', '决算数', '预算数', '决算数'].map((h, i) => t(h, [32, 97, 690, 755][i] ?? 0, 240, 11)),
      r('1.60', 73, 265, 11),
      r('1.60', 731, 265, 11),
    ];
    const rows = layoutPages('a.pdf', [page(1, items)]);
    expect(show(rows).slice(-2)).toEqual(['预算数 | 决算数 | 预算数 | 决算数', '1.60 | · | 1.60 | ·']);
  });

  it('goes on over a page break with the same columns, dropping a repeated header', () => {
    const header = [t('科目编码', 72, 100), t('科目名称', 195, 100), t('本年收入合计', 354, 100), t('其他收入', 700, 100)];
    const first = page(1, [
      ...header,
      t('201', 72, 130),
      t('一般公共服务支出', 195, 130),
      r('1,630.46', 414, 130),
      r('5.00', 748, 130),
      t('208', 72, 150),
      t('社会保障和就业支出', 195, 150),
      r('255.02', 414, 150),
    ]);
    const second = page(2, [...header, t('210', 72, 130), t('卫生健康支出', 195, 130), r('58.18', 414, 130), t('注：本表金额单位为万元。', 72, 170)]);
    const rows = layoutPages('a.pdf', [first, second]);
    expect(show(rows)).toEqual([
      '科目编码 | 科目名称 | 本年收入合计 | 其他收入',
      '201 | 一般公共服务支出 | 1,630.46 | 5.00',
      '208 | 社会保障和就业支出 | 255.02 | ·',
      '210 | 卫生健康支出 | 58.18 | ·',
      '注：本表金额单位为万元。',
    ]);
    expect(rows[3]?.loc).toEqual({ file: 'a.pdf', line: 2, page: 2 });
  });

  it('reads an empty table: its header, a lone 合计 row and the note under it', () => {
    const items = [
      t('政府性基金预算财政拨款收入支出决算表', 250, 100, 16),
      t('项目', 250, 170),
      t('本年收入', 430, 176),
      t('科目名称', 320, 190),
      t('小计', 540, 190),
      t('类', 160, 205),
      t('款', 205, 205),
      t('项', 250, 205),
      t('合计', 320, 360),
      t('注：本部门无政府性基金预算财政拨款支出，故本表无数据。', 160, 392),
    ];
    const rows = layoutPages('a.pdf', [page(1, items)], { standsAlone: isTitle });
    expect(show(rows)).toEqual([
      '政府性基金预算财政拨款收入支出决算表',
      '· | · | 项目 | · | · | ·',
      '· | · | · | · | 本年收入 | ·',
      '· | · | · | 科目名称 | · | 小计',
      '类 | 款 | 项 | · | · | ·',
      '· | · | · | 合计 | · | ·',
      '注：本部门无政府性基金预算财政拨款支出，故本表无数据。',
    ]);
  });

  it('does not take a title or unit line into the table below it', () => {
    const items = [t('支出决算表', 381, 100, 16), t('单位：万元', 710, 130), t('项目', 200, 160), t('金额', 400, 160), t('合计', 200, 180), r('1.00', 430, 180), t('一、工资', 200, 200), r('1.00', 430, 200)];
    const rows = layoutPages('a.pdf', [page(1, items)], { standsAlone: isTitle });
    expect(show(rows)).toEqual(['支出决算表', '单位：万元', '项目 | 金额', '合计 | 1.00', '一、工资 | 1.00']);
  });

  it('puts right-aligned amounts under the centred heading and 栏次 number of their wide column', () => {
    const s = 8.5;
    const items = [
      t('科目代码', 56, 150, s),
      t('科目名称', 120, 150, s),
      t('本年收入合计', 200, 150, s),
      t('上级补助收入', 290, 150, s),
      t('其他收入', 380, 150, s),
      t('栏次', 60, 166, s),
      t('1', 223, 166, s),
      t('2', 313, 166, s),
      t('3', 395, 166, s),
      t('合计', 60, 182, s),
      r('9,205.13', 268, 182, s),
      r('0.00', 358, 182, s),
      r('0.00', 430, 182, s),
      t('205', 56, 198, s),
      t('教育支出', 120, 198, s),
      r('620.00', 268, 198, s),
      r('0.00', 358, 198, s),
      r('0.00', 430, 198, s),
    ];
    const rows = layoutPages('a.pdf', [page(1, items, 595, 842)]);
    expect(show(rows)).toEqual([
      '科目代码 | 科目名称 | 本年收入合计 | 上级补助收入 | 其他收入',
      '栏次 | · | 1 | 2 | 3',
      '合计 | · | 9,205.13 | 0.00 | 0.00',
      '205 | 教育支出 | 620.00 | 0.00 | 0.00',
    ]);
  });

  it('keeps a row of close, wide-spread column headings in the table', () => {
    const s = 8.5;
    // Headings a little more than a word space apart, spanning most of the page: not a sentence.
    const headings = ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'];
    let x = 223;
    const items = [t('项目', 127, 134, s)];
    for (const h of headings) {
      const item = t(h, x, 142, s);
      items.push(item);
      x += item.width + 7;
    }
    items.push(t('科目代码', 56, 150, s), t('科目名称', 140, 150, s), t('合计', 56, 170, s));
    const amounts = ['9,205.13', '5,410.44', '3,794.69', '0.00', '0.00', '0.00'];
    amounts.forEach((a, i) => items.push(r(a, (items[i + 1]?.x ?? 0) + (items[i + 1]?.width ?? 0), 170, s)));
    const rows = layoutPages('a.pdf', [page(1, items, 595, 842)]);
    expect(show(rows)).toEqual([
      '· | 项目 | · | · | · | · | · | ·',
      '· | · | 本年支出合计 | 基本支出 | 项目支出 | 上缴上级支出 | 经营支出 | 对附属单位补助支出',
      '科目代码 | 科目名称 | · | · | · | · | · | ·',
      '合计 | · | 9,205.13 | 5,410.44 | 3,794.69 | 0.00 | 0.00 | 0.00',
    ]);
  });

  it('reads a first row whose wrapped labels start above its centred numbers as that row', () => {
    const s = 8.5;
    const items = [
      t('项目', 82, 155, s),
      t('金额', 222, 155, s),
      t('项目', 300, 155, s),
      t('合计', 440, 155, s),
      t('一、一般公共预算', 55, 192, s),
      t('一、一般公共服务支', 270, 192, s),
      r('9,205.13', 250, 198, s),
      r('0.00', 460, 198, s),
      t('财政拨款', 55, 203.5, s),
      t('出', 270, 203.5, s),
      t('二、政府性基金预算财政拨款', 55, 218, s),
      r('0.00', 250, 218, s),
      t('二、外交支出', 270, 218, s),
      r('0.00', 460, 218, s),
    ];
    const rows = layoutPages('a.pdf', [page(1, items, 595, 842)]);
    expect(show(rows)).toEqual([
      '项目 | 金额 | 项目 | 合计',
      '一、一般公共预算财政拨款 | 9,205.13 | 一、一般公共服务支出 | 0.00',
      '二、政府性基金预算财政拨款 | 0.00 | 二、外交支出 | 0.00',
    ]);
  });
});
