// A booklet job's progress for the person waiting on it. Reading is also where a job left
// behind by a stopped process is noticed: queued or running with a heartbeat older than the
// stale timeout, it is marked failed ('abandoned') before it is returned.
import {
  type BookletJobRow,
  failStaleBookletJob,
  findBookletJob,
} from "../../db/repositories/booklet-jobs.ts";
import { bookletPermissions } from "../../domain/permissions.ts";
import { isInstallationAdmin } from "../../domain/roles.ts";
import { NotFoundError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { ABANDONED_MESSAGE, BOOKLET_STALE_AFTER_SECONDS } from "./policy.ts";

/** The job as the caller may see it (404 outside the caller's municipality). */
export async function findVisibleBookletJob(ctx: StaffContext, id: number): Promise<BookletJobRow> {
  const scope = isInstallationAdmin(ctx.user) ? null : (ctx.user.municipalityCode ?? "");
  const job = await findBookletJob(ctx.db, id, scope);
  if (!job || !bookletPermissions(ctx.user, job).read) {
    throw new NotFoundError(`no booklet job ${id}`);
  }
  return job;
}

export async function getBookletJob(
  ctx: StaffContext,
  id: number,
  options: { staleAfterSeconds?: number } = {},
): Promise<BookletJobRow> {
  const job = await findVisibleBookletJob(ctx, id);
  if (job.status !== "queued" && job.status !== "running") return job;
  const staleAfter = options.staleAfterSeconds ?? BOOKLET_STALE_AFTER_SECONDS;
  await failStaleBookletJob(ctx.db, id, staleAfter, ABANDONED_MESSAGE);
  return findVisibleBookletJob(ctx, id);
}
