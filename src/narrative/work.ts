/**
 * Work done reading a narrative: characters scanned and figures visited. The reading is linear in
 * its input when this stays within a constant times the input's length; the tests hold it there.
 */
export interface Work {
  steps: number;
}

export const newWork = (): Work => ({ steps: 0 });
