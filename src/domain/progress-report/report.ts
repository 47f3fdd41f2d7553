// The mid-year progress report（中間報告, FORMAT.md "Progress"）as the staff workspace keeps it:
// one report per manifesto and round, one entry per goal reported, on a lighter path than the
// manifesto: the department submits, planning acknowledges (確認済み) or returns it.
import { z } from "zod";
import { progressSchema } from "../manifesto/schema.ts";

export const PROGRESS_STATES = ["draft", "submitted", "acknowledged"] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

export const PROGRESS_STATE_LABELS: Record<ProgressState, string> = {
  draft: "下書き",
  submitted: "提出済み",
  acknowledged: "確認済み",
};

export function isProgressState(value: string): value is ProgressState {
  return (PROGRESS_STATES as readonly string[]).includes(value);
}

export const PROGRESS_ACTIONS = ["submit", "acknowledge", "return"] as const;
export type ProgressAction = (typeof PROGRESS_ACTIONS)[number];

export const PROGRESS_ACTION_LABELS: Record<ProgressAction, string> = {
  submit: "提出",
  acknowledge: "確認",
  return: "差戻し",
};

/** Where an action leads from a state, or null when it does not apply there. */
export function nextProgressState(state: ProgressState, action: ProgressAction) {
  if (action === "submit") return state === "draft" ? "submitted" : null;
  if (action === "acknowledge") return state === "submitted" ? "acknowledged" : null;
  return state === "submitted" ? "draft" : null;
}

/** One goal's interim report: the format's Progress with the goal's number. */
export const progressEntrySchema = progressSchema.extend({
  goal: z.number().int().min(1).max(999),
});
export type ProgressEntry = z.infer<typeof progressEntrySchema>;

export const progressEntriesSchema = z
  .array(progressEntrySchema)
  .max(999)
  .superRefine((entries, ctx) => {
    const seen = new Set<number>();
    entries.forEach((e, i) => {
      if (seen.has(e.goal)) {
        ctx.addIssue({ code: "custom", path: [i, "goal"], message: "is reported twice" });
      }
      seen.add(e.goal);
    });
  });

/**
 * Problems of entries against the manifesto's goals: each entry names a goal the manifesto
 * has, and each value a numeric target of that goal (0-based, as FORMAT.md counts them).
 */
export function entryProblems(
  entries: readonly ProgressEntry[],
  goals: readonly { number: number; targets?: readonly { measure?: { kind: string } }[] }[],
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  entries.forEach((entry, i) => {
    const goal = goals.find((g) => g.number === entry.goal);
    if (!goal) {
      problems.push({ path: `entries[${i}].goal`, message: "must be the number of a goal" });
      return;
    }
    (entry.values ?? []).forEach((v, j) => {
      if (goal.targets?.[v.target]?.measure?.kind !== "numeric") {
        problems.push({
          path: `entries[${i}].values[${j}].target`,
          message: "must be a numeric target of the goal",
        });
      }
    });
  });
  return problems;
}
