/** Kept equal to package.json by a test; the bundle then needs no file reads to know it. */
export const VERSION = '0.1.0';
export const TOOL_NAME = 'zjs';
/**
 * Written in the first lines of every report that may be saved beside the inputs (text, markdown,
 * html), so that discovery can tell zjs's own reports from documents.
 */
export const REPORT_SIGNATURE = 'zjs-report';
