// How booklet jobs are kept and given up on, shared by the use cases that read and run them.

/**
 * A queued or running job whose heartbeat (it moves with every department drawn, about every
 * 50 ms) is older than this belonged to a process that stopped; it is marked failed
 * ('abandoned') when next read, and a new request for the same booklet starts afresh.
 */
export const BOOKLET_STALE_AFTER_SECONDS = 120;

/** Finished jobs kept per municipality and year (their PDFs included); older ones are pruned. */
export const BOOKLET_JOBS_KEPT = 3;

export const ABANDONED_MESSAGE =
  "冊子の作成が途中で止まりました（処理していたサーバーが停止した可能性があります）。もう一度作成してください";

/** The booklet's file name: `<code>-<year>-冊子.pdf`. */
export function bookletFileName(job: { municipalityCode: string; fiscalYear: number }): string {
  return `${job.municipalityCode}-${job.fiscalYear}-冊子.pdf`;
}
