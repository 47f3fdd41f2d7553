// The cells of a goal's row in a municipality's own layout (src/domain/print-layout.ts):
// each column prints the fields it names, in order. A field a goal does not have prints
// nothing; the seed's six-column table keeps its own wording in content.ts.
import { formatFiscalYearEraOnly } from "../../domain/era.ts";
import type {
  EvaluationScale,
  Goal,
  ManifestoDocument,
  NumericMeasure,
  Target,
} from "../../domain/manifesto/schema.ts";
import { tagLabel, vocabulariesOf } from "../../domain/manifesto/tags.ts";
import { isRatingColumn, type PrintColumn, type PrintField } from "../../domain/print-layout.ts";
import { bullet } from "../bullet.ts";
import {
  formatPolicyRefs,
  levelSymbol,
  type Printable,
  type TextBlock,
  toFullWidthDigits,
} from "./content.ts";
import { EVALUATION_SIZE, TABLE_TYPE } from "./page.ts";

interface FieldContext {
  doc: ManifestoDocument;
  goal: Goal;
  path: string;
  scale: EvaluationScale;
  printable: Printable;
  /** Whether the column prints more than this field: then each field gets its heading. */
  withHeading: boolean;
}

const HEADINGS: Partial<Record<PrintField, string>> = {
  plan: "〈今年度の目標〉",
  currentState: "〈現在の状態〉",
  targets: "〈達成目標〉",
  desiredState: "〈目標が達成した状態〉",
  means: "〈手段〉",
  budget: "〈予算〉",
  result: "〈成果・実績〉",
  reason: "〈評価の理由〉",
  issues: "〈課題〉",
  nextSteps: "〈今後の取組〉",
};

const number = (n: number) => n.toLocaleString("ja-JP", { maximumFractionDigits: 6 });

/** The symbol of a level as a 工程表 prints it: 「◎ 順調に進んだ」 → ◎, 「A 達成」 → A. */
export function printedLevel(scale: EvaluationScale, level: number): string {
  const label = scale.levels.find((l) => l.level === level)?.label ?? "";
  const first = /^(\S{1,2})[\s\u3000]/u.exec(label);
  return first?.[1] ?? levelSymbol(scale, level);
}

function measureLines(m: NumericMeasure): string[] {
  const lines: string[] = [];
  if (m.baseline)
    lines.push(`基準値 ${number(m.baseline.value)}${m.unit}（${m.baseline.fiscalYear}年度）`);
  for (const r of m.references ?? []) {
    lines.push(`${r.label ?? "参考値"} ${number(r.value)}${m.unit}（${r.fiscalYear}年度）`);
  }
  for (const lt of m.longTerm ?? []) {
    const label = lt.label ?? `${formatFiscalYearEraOnly(lt.fiscalYear)}目標`;
    lines.push(`${label} ${number(lt.target)}${m.unit}（${lt.fiscalYear}年度）`);
  }
  if (m.period === "calendar") lines.push("暦年で集計");
  return lines;
}

function targetBlocks(t: Target, i: number, c: FieldContext): TextBlock[] {
  const at = `${c.path}.targets[${i}]`;
  const label = t.label && t.label.trim() !== "" ? t.label : "・";
  const blocks: TextBlock[] = [{ text: c.printable(`${label}${t.text}`, at) }];
  const sub = (text: string) => blocks.push({ text: `\u3000${text}`, scale: 0.9 });
  if (t.measure?.kind === "numeric") {
    for (const line of measureLines(t.measure)) sub(c.printable(line, `${at}.measure`));
    if (t.result?.actual !== undefined)
      sub(`実績 ${number(t.result.actual)}${c.printable(t.measure.unit, `${at}.measure.unit`)}`);
  }
  if (t.result?.text) sub(c.printable(t.result.text, `${at}.result.text`));
  if (t.tags?.length) {
    const v = vocabulariesOf(c.doc);
    sub(c.printable(t.tags.map((ref) => tagLabel(v, ref)).join("・"), `${at}.tags`));
  }
  return blocks;
}

function text(c: FieldContext, value: string | undefined, path: string): TextBlock[] {
  return value === undefined || value.trim() === "" ? [] : [{ text: c.printable(value, path) }];
}

function ownerBlocks(c: FieldContext): TextBlock[] {
  // Each key of the goal's owner overrides the document's department (FORMAT.md).
  const { owner } = c.goal;
  const dept = c.doc.department;
  const head = owner?.head ?? dept.head;
  const contact = owner?.contact ?? dept.contact;
  const phone = contact?.phone
    ? `${contact.phone}${contact.extension ? `（内線${contact.extension}）` : ""}`
    : undefined;
  return [
    { text: c.printable(owner?.unit ?? dept.name, `${c.path}.owner.unit`), bold: true },
    ...[[head?.title, head?.name].filter((x) => x).join(" "), phone ?? "", contact?.email ?? ""]
      .filter((s) => s !== "")
      .map((s) => ({ text: c.printable(s, `${c.path}.owner`), scale: 0.9 })),
  ];
}

function fieldBlocks(field: PrintField, c: FieldContext): TextBlock[] {
  const { goal, path } = c;
  const e = goal.evaluation;
  switch (field) {
    case "owner":
      return ownerBlocks(c);
    case "number":
      return [{ text: `目標${toFullWidthDigits(String(goal.number))}`, bold: true }];
    case "title":
      return text(c, goal.title, `${path}.title`);
    case "mission":
      return text(c, goal.mission, `${path}.mission`);
    case "policyRefs": {
      const refs = formatPolicyRefs(
        (goal.policyRefs ?? []).map((r) => c.printable(r, `${path}.policyRefs`)),
      );
      return refs === "" ? [] : [{ text: `関連施策 ${refs}`, scale: 0.85 }];
    }
    case "tags": {
      const v = vocabulariesOf(c.doc);
      return (goal.tags ?? []).map((ref) => ({
        text: c.printable(tagLabel(v, ref), `${path}.tags`),
        scale: 0.85,
      }));
    }
    case "plan":
      return text(c, goal.plan, `${path}.plan`);
    case "currentState":
      return (goal.currentState ?? []).map((s, i) => ({
        text: bullet(c.printable(s, `${path}.currentState[${i}]`)),
      }));
    case "targets":
      return (goal.targets ?? []).flatMap((t, i) => targetBlocks(t, i, c));
    case "desiredState":
      return text(c, goal.desiredState, `${path}.desiredState`);
    case "means":
      return (goal.means ?? []).map((m, i) => ({
        text: bullet(c.printable(m, `${path}.means[${i}]`)),
      }));
    case "budget":
      return (goal.budget ?? []).map((b, i) => ({
        text: c.printable(`${b.label} ${number(b.amount)}${b.unit}`, `${path}.budget[${i}]`),
      }));
    case "level":
      return e
        ? [
            {
              text: printedLevel(c.scale, e.level),
              align: "center",
              scale: EVALUATION_SIZE / TABLE_TYPE.bodySize,
            },
          ]
        : [];
    case "score": {
      const s = c.doc.scoreScale;
      if (e?.score === undefined || !s) return [];
      const label = s.levels?.find((l) => l.level === e.score)?.label;
      return [
        {
          text: c.printable(`${s.name} ${label ?? number(e.score)}`, `${path}.evaluation.score`),
          align: "center",
          gapBefore: 0.3,
        },
      ];
    }
    case "result":
      return text(c, e?.result, `${path}.evaluation.result`);
    case "reason":
      return text(c, e?.reason, `${path}.evaluation.reason`);
    case "issues":
      return text(c, e?.issues, `${path}.evaluation.issues`);
    case "nextSteps":
      return text(c, e?.nextSteps, `${path}.evaluation.nextSteps`);
    case "asOf":
      return e?.asOf ? [{ text: `評価日 ${e.asOf}`, scale: 0.85, align: "left" }] : [];
  }
}

/** One cell: its fields in order, each under its heading when the cell has several. */
export function columnBlocks(
  column: PrintColumn,
  doc: ManifestoDocument,
  goal: Goal,
  index: number,
  scale: EvaluationScale,
  printable: Printable,
): TextBlock[] {
  const withHeading = column.fields.length > 1 && !isRatingColumn(column);
  const c: FieldContext = { doc, goal, path: `goals[${index}]`, scale, printable, withHeading };
  const out: TextBlock[] = [];
  for (const field of column.fields) {
    const blocks = fieldBlocks(field, c);
    if (blocks.length === 0) continue;
    const heading = withHeading ? HEADINGS[field] : undefined;
    const gap = out.length > 0 ? 0.4 : 0;
    if (heading) out.push({ text: heading, gapBefore: gap }, ...blocks);
    else out.push({ ...blocks[0]!, gapBefore: blocks[0]!.gapBefore ?? gap }, ...blocks.slice(1));
  }
  return out;
}
