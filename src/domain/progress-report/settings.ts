// A municipality's words for the progress status and the day its report is due. Municipalities
// word their interim status differently (順調 / 強化要 / 困難 …); each word says whether it means
// behind schedule, which the dashboard marks.
import { z } from "zod";

export const progressStatusSchema = z.strictObject({
  label: z.string().trim().min(1).max(20),
  behind: z.boolean(),
});
export type ProgressStatusWord = z.infer<typeof progressStatusSchema>;

export const progressSettingsSchema = z.strictObject({
  statuses: z
    .array(progressStatusSchema)
    .min(1)
    .max(10)
    .refine((s) => new Set(s.map((x) => x.label)).size === s.length, "must not repeat a word"),
  /** `MM-DD` in the fiscal year (April to March): the day the mid-year report is due. */
  dueMonthDay: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "must be a day written MM-DD"),
});
export type ProgressSettings = z.infer<typeof progressSettingsSchema>;

export const DEFAULT_PROGRESS_SETTINGS: ProgressSettings = {
  statuses: [
    { label: "順調", behind: false },
    { label: "やや遅れ", behind: true },
    { label: "遅れ", behind: true },
  ],
  dueMonthDay: "10-31",
};

/** The stored setting, or the defaults when it is absent or unreadable. */
export function progressSettingsFrom(stored: unknown): ProgressSettings {
  const parsed = progressSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_PROGRESS_SETTINGS;
}

/** Whether the status word means behind schedule in these settings (unknown words: no). */
export function isBehind(settings: ProgressSettings, status: string | undefined): boolean {
  return settings.statuses.some((s) => s.label === status && s.behind);
}
