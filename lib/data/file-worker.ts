/// <reference lib="webworker" />
import { getDb } from '../db/app-db';
import { type FileJob, runFileJob } from './file-jobs';

/**
 * The page's worker for whole files (lib/data/file-jobs.ts): each job answered with one message, by its id.
 * It reads the database (to make a backup) but never writes it: the background is the only writer.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<{ id: number; job: FileJob }>) => {
  const { id, job } = event.data;
  try {
    scope.postMessage({ id, result: await runFileJob(job, getDb) });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    scope.postMessage({ id, result: { ok: false, message: `Bridges could not read this file: ${detail}` } });
  }
};
