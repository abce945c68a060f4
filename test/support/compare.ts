import type { Finding } from '../../src/model/finding.js';
import type { Location } from '../../src/model/location.js';

/** Where a finding rests, without what the layout decides: file, line, sheet, page and physical column. */
export const place = ({ file: _f, line: _l, sheet: _s, page: _p, field: _c, ...rest }: Location) => rest;

/** A finding as two layouts of the same document must agree on it: everything but the layout. */
export const comparable = (f: Finding) => ({
  ...f,
  locations: f.locations.map(place),
  excerpts: f.excerpts?.map((e) => ({ ...e, rows: e.rows.map((r) => ({ ...r, loc: place(r.loc) })) })),
  sentence: f.sentence?.text,
});
