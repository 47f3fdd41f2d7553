// The finished booklet's PDF. A job that is not done yet (or failed) has no file: 409 with
// its status, so the caller keeps polling or asks again.
import { findBookletPdf } from "../../db/repositories/booklet-jobs.ts";
import { AppError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { getBookletJob } from "./get-booklet-job.ts";
import { bookletFileName } from "./policy.ts";

export async function getBookletFile(
  ctx: StaffContext,
  id: number,
): Promise<{ pdf: Buffer; fileName: string }> {
  const job = await getBookletJob(ctx, id);
  const pdf = job.status === "done" ? await findBookletPdf(ctx.db, id) : undefined;
  if (!pdf) {
    throw new AppError(
      "conflict",
      job.status === "failed"
        ? "冊子の作成に失敗しました。もう一度作成してください"
        : "冊子はまだ作成中です",
    );
  }
  return { pdf, fileName: bookletFileName(job) };
}
