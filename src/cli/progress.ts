import { SingleBar } from 'cli-progress';
import type { Lang } from '../engine/messages.js';
import { displayWidth } from '../report/width.js';
import type { ProgressStream } from './io.js';

/** Progress of a run over many documents: which one is being read, and the count done. */
export interface Progress {
  /** Document `index` (0-based) is about to be read from `file`. */
  start: (index: number, file: string) => void;
  /** Every document is done: the bar is drawn full and the line released. */
  stop: () => void;
  /** Clears the bar's line so that a message can be written on standard error; the next update redraws it. */
  clear: () => void;
}

const NONE: Progress = { start: () => undefined, stop: () => undefined, clear: () => undefined };

const FORMAT = {
  zh: '{bar} {value}/{total} 个文档 | {rate} 个/秒 | 剩余 {eta_formatted} | {file}',
  en: '{bar} {value}/{total} documents | {rate}/s | {eta_formatted} left | {file}',
} as const;

/** The end of a path that fits in `width` terminal columns, with … for what is cut. */
function tail(path: string, width: number): string {
  if (displayWidth(path) <= width) return path;
  const chars = [...path];
  let used = 1;
  let start = chars.length;
  while (start > 0) {
    const w = displayWidth(chars[start - 1] ?? '');
    if (used + w > width) break;
    used += w;
    start--;
  }
  return `…${chars.slice(start).join('')}`;
}

/** At most one frame per this many milliseconds when documents follow each other quickly. */
const FRAME_MS = 100;

/**
 * A progress line on standard error with cli-progress: documents done of the total, the rate, the
 * time left and the file being read. Nothing at all unless standard error is a terminal.
 *
 * A frame is drawn when a document starts and `FRAME_MS` have passed on `clock` since the last
 * one, so that a run whose main thread is busy checking still shows each new file; cli-progress's
 * own timer keeps redrawing while a worker pool leaves the main thread idle.
 */
export function startProgress(stream: ProgressStream | undefined, total: number, lang: Lang, clock: () => number = Date.now): Progress {
  if (!stream?.isTTY || total < 1) return NONE;
  const bar = new SingleBar(
    {
      format: FORMAT[lang],
      stream: stream as unknown as NodeJS.WritableStream,
      barsize: 12,
      hideCursor: true,
      clearOnComplete: false,
      linewrap: false,
      etaBuffer: 20,
      fps: 10,
    },
    { format: FORMAT[lang], barCompleteChar: '█', barIncompleteChar: '░' },
  );
  const began = clock();
  // What is left for the path once the bar and the counts are drawn.
  const room = () => Math.max(16, (stream.columns ?? 80) - 58);
  const rate = (done: number) => {
    const seconds = (clock() - began) / 1000;
    return seconds > 0 ? (done / seconds).toFixed(1) : '–';
  };
  bar.start(total, 0, { file: '', rate: '–' });
  let drawn = began;
  return {
    start: (index, file) => {
      bar.update(index, { file: tail(file, room()), rate: rate(index) });
      const now = clock();
      if (now - drawn < FRAME_MS) return;
      drawn = now;
      bar.render();
    },
    stop: () => {
      bar.update(total, { file: '', rate: rate(total) });
      bar.stop();
    },
    clear: () => {
      stream.write('\r\u001b[K');
    },
  };
}
