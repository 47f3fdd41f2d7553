// The department writes its progress report: the first save starts a draft, each later save
// of the draft keeps the whole report as a new revision. Refused when the report is with
// planning or when someone else saved since the caller read it. Audit in the same transaction.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import {
  insertProgressReport,
  lockOpenProgressReport,
  writeProgressRevision,
} from "../../db/repositories/progress-reports.ts";
import { lockManifesto } from "../../db/repositories/staff-manifestos.ts";
import { formatPath } from "../../domain/manifesto/validate.ts";
import {
  entryProblems,
  type ProgressEntry,
  progressEntriesSchema,
} from "../../domain/progress-report/report.ts";
import { AppError, ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { WorkflowConflictError } from "../workflow/move-manifesto.ts";
import { loadProgressTarget } from "./access.ts";

export interface SaveProgressInput {
  /** The open report's revision the caller saw; null to start a new report. */
  revision: number | null;
  entries: unknown;
}

export interface SavedProgress {
  reportId: number;
  revision: number;
  updatedAt: Date;
}

export async function saveProgressReport(
  ctx: StaffContext,
  manifestoId: number,
  input: SaveProgressInput,
): Promise<SavedProgress> {
  const target = await loadProgressTarget(ctx, ctx.db, manifestoId);
  if (!target.allowed.edit) {
    throw new AppError("forbidden", "この中間報告を編集する権限がありません");
  }
  const entries = parseEntries(input.entries, target.goals);
  return ctx.db.transaction().execute(async (tx) => {
    // Writers of one manifesto queue on its row: two first saves at once cannot both start a
    // report; the second finds the first's and is told to reload.
    await lockManifesto(tx, manifestoId);
    const open = await lockOpenProgressReport(tx, manifestoId);
    const seen = open?.revision ?? null;
    if (open && open.state !== "draft") {
      throw new WorkflowConflictError("中間報告は提出済みです。確認か差戻しを待ってください", {
        state: open.state,
        revision: open.revision,
      });
    }
    if (seen !== input.revision) {
      throw new WorkflowConflictError(
        "他の人がこの中間報告を更新しました。最新の内容を読み込んでからやり直してください。",
        { state: open?.state ?? "none", revision: seen ?? 0 },
      );
    }
    const saved = open
      ? {
          reportId: open.id,
          ...(await writeProgressRevision(tx, { ...open, entries, actor: ctx.actor })),
        }
      : await insertProgressReport(tx, { manifestoId, entries, actor: ctx.actor }).then((r) => ({
          reportId: r.id,
          revision: r.revision,
          updatedAt: r.updatedAt,
        }));
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "progress_report.saved",
      municipalityCode: target.manifesto.municipalityCode,
      manifestoId,
      detail: {
        reportId: saved.reportId,
        revision: saved.revision,
        goals: entries.map((e) => e.goal),
      },
    });
    return saved;
  });
}

function parseEntries(raw: unknown, goals: Parameters<typeof entryProblems>[1]): ProgressEntry[] {
  const parsed = progressEntriesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(
      "中間報告に直す必要のある箇所があります",
      parsed.error.issues.map((i) => ({
        path: formatPath(["entries", ...i.path]),
        message: `${fieldLabel(i.path)}: ${i.message}`,
      })),
    );
  }
  const problems = entryProblems(parsed.data, goals);
  if (problems.length > 0) {
    throw new ValidationError(
      "中間報告に直す必要のある箇所があります",
      problems.map((p) => ({
        path: p.path,
        message: p.path.endsWith(".goal")
          ? "目標番号: この番号の目標はありません"
          : "実績値: 数値目標のある達成目標の順番を指定してください",
      })),
    );
  }
  return parsed.data;
}

const FIELD_LABELS: Record<string, string> = {
  goal: "目標番号",
  asOf: "時点",
  status: "状況",
  note: "所見",
  values: "実績値",
  target: "実績値の達成目標",
  actual: "実績値",
};

/** The field a problem is about, in the words of the form (the 中間報告 sheet's headers). */
function fieldLabel(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const label = FIELD_LABELS[String(path[i])];
    if (label !== undefined) return label;
  }
  return "中間報告";
}
