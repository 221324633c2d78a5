/// <reference lib="webworker" />
import { getDb } from '../db/app-db';
import { type FileJob, runFileJob } from './file-jobs';

/**
 * The page's worker for whole files (lib/data/file-jobs.ts): one job per worker, answered with one message.
 * It reads the database (to make a backup) but never writes it: the background is the only writer.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<FileJob>) => {
  try {
    scope.postMessage(await runFileJob(event.data, getDb));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    scope.postMessage({ ok: false, message: `Bridges could not read this file: ${detail}` });
  }
};
