import ExcelJS from 'exceljs';

/**
 * A workbook's contents as text, for golden files: the bytes of an .xlsx vary with zip metadata,
 * what a user sees (sheets, frozen panes, filters, cell values and formats) does not.
 */
export async function dumpWorkbook(bytes: Uint8Array, options: { styles?: boolean; skipEmptyText?: boolean } = {}): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const lines = [`creator: ${book.creator}`, `created: ${book.created.toISOString()}`, `modified: ${book.modified.toISOString()}`];
  book.eachSheet((sheet) => {
    lines.push('', `## ${sheet.name}`);
    lines.push(`views: ${JSON.stringify(sheet.views.map((v) => ({ state: v.state, ySplit: 'ySplit' in v ? v.ySplit : undefined })))}`);
    lines.push(`autoFilter: ${JSON.stringify(sheet.autoFilter ?? null)}`);
    lines.push(`columns: ${JSON.stringify(sheet.columns.map((c) => c.width ?? null))}`);
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (options.skipEmptyText && cell.value === '') return;
        const format = cell.numFmt ? ` [${cell.numFmt}]` : '';
        // With styles: the font, fill and alignment of every cell, which colour a workbook's lines.
        const style = options.styles ? ` ${JSON.stringify({ font: cell.font ?? null, fill: cell.fill ?? null, alignment: cell.alignment ?? null })}` : '';
        cells.push(`${col}=${JSON.stringify(cell.value)}${format}${style}`);
      });
      lines.push(`${n}: ${cells.join(' | ')}`);
    });
  });
  return `${lines.join('\n')}\n`;
}
