// A staff member asks for the booklet（冊子）of a municipality's published manifestos of a
// fiscal year. The request is recorded as a queued job with its audit event in one
// transaction; the caller then runs it (runBookletJob) after answering. A job for the same
// booklet that is still being built is returned instead of starting a second one.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { findActiveBookletJob, insertBookletJob } from "../../db/repositories/booklet-jobs.ts";
import { listPublicYears } from "../../db/repositories/public-manifestos.ts";
import { formatFiscalYear } from "../../domain/era.ts";
import { bookletPermissions } from "../../domain/permissions.ts";
import { AppError, NotFoundError, ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { requireMunicipality } from "../find-manifestos.ts";
import { BOOKLET_STALE_AFTER_SECONDS } from "./policy.ts";

export interface BookletRequestInput {
  municipalityCode: string;
  fiscalYear: number;
}

export async function requestBooklet(
  ctx: StaffContext,
  input: BookletRequestInput,
): Promise<{ id: number; reused: boolean }> {
  const allowed = bookletPermissions(ctx.user, input);
  if (!allowed.read)
    throw new NotFoundError(`municipality ${input.municipalityCode} is not in your scope`);
  if (!allowed.build) throw new AppError("forbidden", "冊子を作成する権限がありません");
  await requireMunicipality(ctx, input.municipalityCode);
  // The years the portal shows are the years with a publication: the booklet's contents.
  const publishedYears = await listPublicYears(ctx.db, input.municipalityCode);
  if (!publishedYears.includes(input.fiscalYear)) {
    throw new ValidationError("冊子にする公表済みのマニフェストがありません", [
      {
        path: "year",
        message: `${formatFiscalYear(input.fiscalYear)}に公表済みのマニフェストがありません`,
      },
    ]);
  }

  return ctx.db.transaction().execute(async (tx) => {
    const active = await findActiveBookletJob(tx, {
      ...input,
      staleAfterSeconds: BOOKLET_STALE_AFTER_SECONDS,
    });
    const id = active ?? (await insertBookletJob(tx, { ...input, requestedBy: ctx.actor }));
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "booklet.requested",
      municipalityCode: input.municipalityCode,
      detail: { jobId: id, fiscalYear: input.fiscalYear, reused: active !== undefined },
    });
    return { id, reused: active !== undefined };
  });
}
