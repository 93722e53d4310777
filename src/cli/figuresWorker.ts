import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { findFigures } from '../core/analysis/figures';
import { decodeStatement } from './input';

/**
 * Inputs of at least this many bytes have their figures found in a worker thread while the main thread finds
 * entities, speakers and quotes (two cores halve a large file's time). Below it, starting the thread (~40 ms) costs
 * more than it saves.
 */
const parallelMinBytes = 2_000_000;

/** What `analyze --json` hands a figures worker thread: the input's bytes, shared rather than copied. */
interface FiguresJob {
  readonly diplomatFigures: SharedArrayBuffer;
}

/** A figures worker's answer: the JSON of `findFigures` on the decoded text, or null if it could not decode it. */
export type FiguresReply = { readonly length: number; readonly json: string } | null;

function isFiguresJob(data: unknown): data is FiguresJob {
  return typeof data === 'object' && data !== null
    && (data as { diplomatFigures?: unknown }).diplomatFigures instanceof SharedArrayBuffer;
}

/**
 * In a figures worker thread, does its one job, posts the answer and ends the thread; anywhere else, returns false
 * and does nothing. The worker runs the CLI bundle itself (there is no separate worker file): the entry point calls
 * this before anything else, so the thread loads only what finding figures needs.
 */
export function runFiguresJob(): boolean {
  if (isMainThread || !parentPort || !isFiguresJob(workerData)) return false;
  parentPort.postMessage(figuresJob(workerData));
  process.exit(0);
}

function figuresJob(job: FiguresJob): FiguresReply {
  try {
    const decoded = decodeStatement(new Uint8Array(job.diplomatFigures), '');
    return 'problem' in decoded ? null : { length: decoded.text.length, json: JSON.stringify(findFigures(decoded.text)) };
  } catch {
    // The main thread then finds the figures itself and reports any failure the usual way.
    return null;
  }
}

/**
 * Starts finding the figures of `bytes` in a worker thread and resolves to their JSON, or to null when the worker
 * failed (the caller then finds them itself). Returns null when a worker is not worth it or not possible: small
 * inputs, and runs from the sources (tests) rather than the bundle, which is the file the worker loads.
 */
export function figuresInWorker(bytes: Uint8Array): Promise<FiguresReply> | null {
  if (bytes.length < parallelMinBytes || typeof __filename !== 'string' || !__filename.endsWith('.js')) return null;
  let worker: Worker;
  try {
    const shared = new SharedArrayBuffer(bytes.length);
    new Uint8Array(shared).set(bytes);
    const job: FiguresJob = { diplomatFigures: shared };
    worker = new Worker(__filename, { workerData: job });
  } catch {
    return null;
  }
  return new Promise((resolve) => {
    worker.once('message', (reply: FiguresReply) => resolve(reply));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}
