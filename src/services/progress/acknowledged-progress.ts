// The acknowledged (確認済み) progress reports of a manifesto the caller has already found in
// their scope, oldest first, for the exports (domain/progress-report/export.ts).
import { listAcknowledgedProgress } from "../../db/repositories/public-progress.ts";
import { type ProgressEntry, progressEntriesSchema } from "../../domain/progress-report/report.ts";
import type { ServiceContext } from "../context.ts";

export async function acknowledgedProgress(
  ctx: ServiceContext,
  manifestoId: number,
): Promise<ProgressEntry[][]> {
  const reports = await listAcknowledgedProgress(ctx.db, manifestoId);
  // Stored entries were validated when saved; parsing again gives typed values.
  return reports.reverse().map((r) => progressEntriesSchema.parse(r.entries));
}
