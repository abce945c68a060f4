/** Kept equal to package.json by a test; the bundle then needs no file reads to know it. */
export const VERSION = '0.1.0';
export const TOOL_NAME = 'zjs';
/** Written into every report zjs makes, within its first 4 KB, so that zjs never reads a report as input. */
export const REPORT_SIGNATURE = 'zjs-report';
