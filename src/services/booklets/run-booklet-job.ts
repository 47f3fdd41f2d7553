// Builds the booklet of a queued job, in the process that accepted the request: queued →
// running, the progress and heartbeat written after every department, then the PDF stored
// and older finished jobs of the same booklet pruned, in one transaction. Any failure is
// written to the job (its code and a message for the person waiting), never thrown: no one
// awaits this but the process's own shutdown.
import {
  failBookletJob,
  findBookletJob,
  finishBookletJob,
  pruneBookletJobs,
  recordBookletProgress,
  startBookletJob,
} from "../../db/repositories/booklet-jobs.ts";
import { AppError } from "../../errors.ts";
import { buildBooklet } from "../build-booklet.ts";
import type { ServiceContext } from "../context.ts";
import { BOOKLET_JOBS_KEPT } from "./policy.ts";

export interface RunBookletOptions {
  /** Finished jobs kept for the same municipality and year. */
  keep?: number;
  /** Told of failures that are bugs (not AppErrors), for the server's log. */
  onUnexpectedError?: (error: unknown) => void;
}

/** Thrown inside the build when a reader has marked the job abandoned meanwhile. */
class JobGivenUp extends Error {}

export type BookletJobOutcome = "done" | "failed" | "skipped";

export async function runBookletJob(
  ctx: ServiceContext,
  id: number,
  options: RunBookletOptions = {},
): Promise<BookletJobOutcome> {
  const job = await findBookletJob(ctx.db, id, null);
  if (!job || !(await startBookletJob(ctx.db, id))) return "skipped";
  try {
    const { pdf } = await buildBooklet(ctx, {
      municipalityCode: job.municipalityCode,
      fiscalYear: job.fiscalYear,
      // A booklet of the whole year must not fail over one character the font lacks.
      missingGlyphs: "substitute",
      onProgress: async (done, total) => {
        if (!(await recordBookletProgress(ctx.db, id, { done, total }))) throw new JobGivenUp();
      },
    });
    const finished = await ctx.db.transaction().execute(async (tx) => {
      if (!(await finishBookletJob(tx, id, pdf))) return false;
      await pruneBookletJobs(tx, {
        municipalityCode: job.municipalityCode,
        fiscalYear: job.fiscalYear,
        keep: options.keep ?? BOOKLET_JOBS_KEPT,
      });
      return true;
    });
    return finished ? "done" : "skipped";
  } catch (e) {
    if (e instanceof JobGivenUp) return "skipped";
    if (!(e instanceof AppError)) options.onUnexpectedError?.(e);
    await failBookletJob(
      ctx.db,
      id,
      e instanceof AppError
        ? { code: e.code, message: e.message }
        : { code: "internal_error", message: "冊子を作成できませんでした（内部エラー）" },
    ).catch((failure: unknown) => options.onUnexpectedError?.(failure));
    return "failed";
  }
}
