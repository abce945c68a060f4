// A worker of the pool (src/cli/pool.ts): opens the same session as the main thread (configs,
// search), then loads and checks the documents it is sent by index and posts back what the report
// needs of each. Output is never written here; the main thread writes every report in order.
import { parentPort, workerData } from 'node:worker_threads';
import { checkedEntry, packEntry, type PackedEntry } from './checked-entry.js';
import type { Io } from './io.js';
import type { PoolReply, PoolRequest, PoolSetup } from './pool.js';
import { openSession, readDocuments } from './session.js';

const setup = workerData as PoolSetup;
const silent: Io = { stdout: () => undefined, stderr: () => undefined, env: {}, isTTY: false };
const port = parentPort;
if (port === null) throw new Error('zjs: the pool worker runs only in a worker thread');
const session = await openSession(setup.paths, setup.flags, silent);

port.on('message', (request: PoolRequest) => {
  void reply(request).then(
    (message) => port.postMessage(message, message.kind === 'packed' ? transferable(message.entry) : []),
    (error: unknown) => port.postMessage({ index: request.index, kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies PoolReply),
  );
});

async function reply({ index, source: name }: PoolRequest): Promise<PoolReply> {
  const source = session?.sources[index];
  if (!session || source?.source !== name) return { index, kind: 'failed', message: `the pool found other documents than the main thread at ${index} (${name})` };
  for await (const item of readDocuments([source], { ...setup.flags, lang: session.lang }, silent, undefined, session.catalogOf)) {
    if (item.kind === 'unreadable') return { index, kind: 'entry', entry: { entry: item.entry } };
    const checked = checkedEntry(item.doc, session.optionsFor(item.source), setup.digest);
    // A reconciling run holds its documents in a temporary file: they are serialised here, once.
    return setup.digest ? { index, kind: 'packed', entry: packEntry(checked) } : { index, kind: 'entry', entry: checked };
  }
  return { index, kind: 'skipped' };
}

/** The buffers of a packed entry, moved to the main thread rather than copied. */
function transferable(packed: PackedEntry): ArrayBuffer[] {
  const owned = (bytes: Uint8Array | undefined) => (bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : []);
  return [...owned(packed.entry), ...owned(packed.digest?.bytes)];
}
