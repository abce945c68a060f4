import { discover, loadDocument } from '../src/load/index.js';
const [src] = await discover([process.argv[2]!]);
const r = await loadDocument(src!);
if (!r.ok) { console.log(r.error); process.exit(0); }
const d = r.value;
console.log(d.department, d.year, d.unit, d.issues);
for (const [k, t] of Object.entries(d.tables)) {
  console.log('==', k, t!.title, t!.unit, 'rows', t!.rows.length, 'empty', t!.empty, t!.columns.map(c=>c.key+(c.side?'@'+c.side:'')).join(','), t!.groups, 'notes', t!.notes.length);
  for (const r of t!.rows.slice(0, 100)) console.log('  ', r.key, r.label, r.loc.line, Object.entries(r.cells).map(([c, v]) => c + '=' + (v.kind === 'amount' ? v.amount.text : v.kind)).join(' '));
}
console.log('narrative lines', d.narrative.length);
