/** A text item placed on a page: x from the left edge and y from the top, in points. */
export interface PlacedText {
  x: number;
  y: number;
  text: string;
  size?: number;
}

const utf16Hex = (text: string): string => [...Buffer.from(text, 'utf16le')].reduce<string[]>((out, byte, i, all) => (i % 2 === 0 ? [...out, ((all[i + 1] ?? 0) << 8 | byte).toString(16).padStart(4, '0')] : out), []).join('');

/** A ToUnicode map where every two-byte code is its own UTF-16 code unit. */
function identityToUnicode(): string {
  const ranges = Array.from({ length: 256 }, (_, hi) => {
    const h = hi.toString(16).padStart(2, '0');
    return `<${h}00> <${h}ff> <${h}00>`;
  });
  const blocks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) {
    const chunk = ranges.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfrange\n${chunk.join('\n')}\nendbfrange`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/**
 * A small PDF with a real text layer: each page's texts in a CID font (not embedded) whose codes
 * are UTF-16 code units (Identity-H), with a ToUnicode map saying so, so Chinese text extracts as
 * Unicode without any external CMap.
 */
export function tinyPdf(pages: readonly PlacedText[][]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const font = add('');
  const descriptor = add('<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>');
  const descendant = add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 >>`);
  const cmap = identityToUnicode();
  const toUnicode = add(`<< /Length ${Buffer.byteLength(cmap, 'latin1')} >>\nstream\n${cmap}\nendstream`);
  objects[font - 1] = `<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [${descendant} 0 R] /ToUnicode ${toUnicode} 0 R >>`;
  const kids: number[] = [];
  for (const texts of pages) {
    const ops = texts.map((t) => `BT /F1 ${t.size ?? 9} Tf 1 0 0 1 ${t.x.toFixed(2)} ${(842 - t.y).toFixed(2)} Tm <${utf16Hex(t.text)}> Tj ET`).join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(ops, 'latin1')} >>\nstream\n${ops}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Lines of tab-separated cells laid out as a printed table: one column every `pitch` points. */
export function layoutLines(lines: readonly string[], pitch = 62): PlacedText[] {
  return lines.flatMap((line, row) =>
    line
      .split('\t')
      .flatMap((cell, col) => (cell.trim() === '' ? [] : [{ x: 30 + col * pitch, y: 40 + row * 16, text: cell.trim() }])),
  );
}
