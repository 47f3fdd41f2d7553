// The Excel template's 中間報告 sheet into the progress report (issue 14 item 5): the template
// of the department's manifesto, downloaded and filled in, is read whole like any import; of
// each goal's rows on the 中間報告 sheet the newest (the sheet lists them oldest first, as
// FORMAT.md does) becomes the goal's entry in the open draft, saved as a new revision through
// the same path as the form; goals the sheet leaves out keep their entries in the draft.
// The downloaded sheet already lists the acknowledged reports (exports carry them): a goal
// whose newest row is one of those has nothing new to say and is left out too.

import { progressKey } from "../../domain/progress-report/export.ts";
import type { ProgressEntry } from "../../domain/progress-report/report.ts";
import { ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { readStaffWorkbook } from "../manifestos/read-staff-workbook.ts";
import { loadProgressTarget } from "./access.ts";
import { type SavedProgress, saveProgressReport } from "./save-progress-report.ts";

export async function importProgressWorkbook(
  ctx: StaffContext,
  manifestoId: number,
  bytes: Uint8Array,
): Promise<SavedProgress & { goals: number[] }> {
  const target = await loadProgressTarget(ctx, ctx.db, manifestoId);
  const doc = await readStaffWorkbook(ctx, bytes);
  const m = target.manifesto;
  if (doc.municipality.code !== m.municipalityCode || doc.fiscalYear !== m.fiscalYear) {
    throw new ValidationError("この Excel は別の自治体か年度のマニフェストです", [
      {
        path: "基本情報",
        message: `団体コード ${m.municipalityCode}、${m.fiscalYear}年度のマニフェストの様式を使ってください`,
      },
    ]);
  }
  const acknowledged = new Set(
    target.reports
      .filter((r) => r.state === "acknowledged")
      .flatMap((r) => (r.entries as ProgressEntry[]).map((e) => `${e.goal}:${progressKey(e)}`)),
  );
  const entries: ProgressEntry[] = [];
  for (const goal of doc.goals) {
    const latest = goal.progress?.at(-1);
    if (latest && !acknowledged.has(`${goal.number}:${progressKey(latest)}`)) {
      entries.push({ goal: goal.number, ...latest });
    }
  }
  if (entries.length === 0) {
    throw new ValidationError("中間報告シートに報告がありません", [
      { path: "中間報告", message: "中間報告: 目標番号と時点を書いた行がありません" },
    ]);
  }
  const open = target.reports.find((r) => r.state !== "acknowledged");
  // Goals the sheet does not report keep what the draft already says about them.
  const kept = ((open?.entries ?? []) as ProgressEntry[]).filter(
    (e) => !entries.some((x) => x.goal === e.goal),
  );
  const saved = await saveProgressReport(ctx, manifestoId, {
    revision: open?.revision ?? null,
    entries: [...kept, ...entries].sort((a, b) => a.goal - b.goal),
  });
  return { ...saved, goals: entries.map((e) => e.goal) };
}
