import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { findFigures } from '../core/analysis/figures';
import { decodeStatement } from './input';

/**
 * Inputs of at least this many bytes have their figures found in a worker thread while the main thread finds
 * entities, speakers and quotes. Below it, starting the thread (~40 ms) costs more than it saves.
 */
const parallelMinBytes = 2_000_000;

/**
 * Fewest processors for the worker thread to pay. A one-shot run spends much of its time waiting for V8's optimising
 * compiler, which works on background threads: on two processors a second JavaScript thread takes the processor
 * those compiles need, and the run was measured slower (0.89 s against 0.81 s on the 12.5 MB benchmark text).
 */
const parallelMinProcessors = 3;

/**
 * Threads `analyze --json` may use: `DIPLOMAT_THREADS` (1 or 2) when set, else 2 on machines with at least
 * {@link parallelMinProcessors} processors and 1 below.
 */
function threads(): number {
  const set = Number(process.env.DIPLOMAT_THREADS);
  if (Number.isInteger(set) && set >= 1) return set;
  return availableParallelism() >= parallelMinProcessors ? 2 : 1;
}

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
 * inputs, machines with fewer than three processors, and runs from the sources (tests) rather than the bundle, which
 * is the file the worker loads.
 */
export function figuresInWorker(bytes: Uint8Array): Promise<FiguresReply> | null {
  if (bytes.length < parallelMinBytes || threads() < 2) return null;
  if (typeof __filename !== 'string' || !__filename.endsWith('.js')) return null;
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
