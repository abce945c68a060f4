/**
 * Text a spreadsheet would run as a formula when it opens a CSV file: a cell starting with = + - @,
 * a tab or a carriage return (OWASP, “CSV injection”). Such a cell is written with a leading
 * apostrophe, which spreadsheets show as text; numbers (−12.50, 1,234.00, 5%) and a bare dash stay as
 * they are. zjs reads back exactly what it wrote: the CSV reader removes that one apostrophe.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const PREFIXED = /^'+[=+\-@\t\r]/;
const NUMBER = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/;
const DASHES = /^[-+]+$/;

/** A cell's text as written to a CSV file meant for a spreadsheet. */
export function spreadsheetSafe(text: string): string {
  return FORMULA.test(text) && !NUMBER.test(text) && !DASHES.test(text) ? `'${text}` : text;
}

/** The text spreadsheetSafe was given, from what it wrote (other text is returned as it is). */
export function fromSpreadsheetSafe(text: string): string {
  return PREFIXED.test(text) ? text.slice(1) : text;
}
