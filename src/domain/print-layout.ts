// Which fields a municipality's official PDF prints, and in which columns (issue 17): the
// seed's six-column 部局マニフェスト is the default; a prefecture prints its 工程表 (所属,
// 今年度の目標, 進捗 and 達成度, 課題, 今後の取組), a city its goal / result / rating table.
// A setting is a preset's name or columns of its own; either way it only chooses what is
// printed, never what a document holds.
import { z } from "zod";

export const PRINT_FIELDS = [
  "owner",
  "number",
  "title",
  "mission",
  "policyRefs",
  "tags",
  "plan",
  "currentState",
  "targets",
  "desiredState",
  "means",
  "budget",
  "level",
  "score",
  "result",
  "reason",
  "issues",
  "nextSteps",
  "asOf",
] as const;
export type PrintField = (typeof PRINT_FIELDS)[number];

export const printColumnSchema = z.strictObject({
  title: z.string().min(1).max(40),
  /** Relative width: the columns share the page's width in these proportions. */
  width: z.number().min(1).max(100),
  fields: z.array(z.enum(PRINT_FIELDS)).min(1).max(PRINT_FIELDS.length),
});
export type PrintColumn = z.infer<typeof printColumnSchema>;

export const PRINT_PRESETS = ["manifesto", "koteihyo", "results-table"] as const;
export type PrintPreset = (typeof PRINT_PRESETS)[number];

export const printLayoutSchema = z.union([
  z.strictObject({ preset: z.enum(PRINT_PRESETS) }),
  z.strictObject({ columns: z.array(printColumnSchema).min(2).max(8) }),
]);
export type PrintLayoutSetting = z.infer<typeof printLayoutSchema>;

/**
 * The columns of a layout. `undefined` is the seed's own six-column table, drawn by its own
 * code (so documents of municipalities without a setting print exactly as before).
 */
export function printColumns(setting: PrintLayoutSetting | undefined): PrintColumn[] | undefined {
  if (setting === undefined) return undefined;
  if ("columns" in setting) return setting.columns;
  return PRESET_COLUMNS[setting.preset];
}

const PRESET_COLUMNS: Record<PrintPreset, PrintColumn[] | undefined> = {
  manifesto: undefined,
  // A prefecture's yearly 工程表, one sheet per 所属 and policy item.
  koteihyo: [
    { title: "所属", width: 12, fields: ["owner"] },
    { title: "施策・取組", width: 16, fields: ["number", "title", "tags", "policyRefs"] },
    { title: "今年度の目標・指標", width: 24, fields: ["plan", "targets"] },
    { title: "取組内容・予算", width: 18, fields: ["means", "budget"] },
    { title: "進捗状況\n達成度", width: 8, fields: ["level", "score"] },
    {
      title: "成果・課題・今後の取組",
      width: 26,
      fields: ["result", "reason", "issues", "nextSteps", "asOf"],
    },
  ],
  // A city's 組織目標の成果: the goal, what came of it, the rating.
  "results-table": [
    { title: "目標", width: 30, fields: ["number", "title", "targets"] },
    { title: "成果", width: 50, fields: ["result", "reason"] },
    { title: "評価", width: 10, fields: ["level", "score"] },
  ],
};

/** A column holding only the level and score prints them large and centred. */
export function isRatingColumn(column: PrintColumn): boolean {
  return column.fields.every((f) => f === "level" || f === "score");
}
