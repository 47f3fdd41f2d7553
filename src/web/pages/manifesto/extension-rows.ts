// Rows of the format's extensions the editor adds and removes as a whole: a measure's dated
// 参考値 and 長期目標, a goal's 予算. A new row starts with a number and a year the schema
// accepts (a budget's 区分 is left for the person to type; until then the draft shows the
// problem beside it like any required field); removing the last row removes
// the key, so a document that had none serialises exactly as before (FORMAT.md "Extensions").
import type { BudgetLine } from "../../../domain/manifesto/schema.ts";
import { getIn, insertAt, type Path, removeAt, setIn } from "./document-ops.ts";

export interface ReferenceRow {
  value: number;
  fiscalYear: number;
  label?: string;
}
export interface LongTermRow {
  target: number;
  fiscalYear: number;
  label?: string;
}

/** An older 基準値: most often the year before the document's. */
export function newReference(documentYear: number): ReferenceRow {
  return { value: 0, fiscalYear: documentYear - 1 };
}

/** A long-term target: past the document's year, so the rule "after the document" holds. */
export function newLongTerm(documentYear: number): LongTermRow {
  return { target: 0, fiscalYear: documentYear + 1 };
}

export function newBudgetLine(documentYear: number): BudgetLine {
  return { label: "", amount: 0, unit: "千円", fiscalYear: documentYear };
}

export function addRow<T>(doc: T, path: Path, row: unknown): T {
  const list = getIn(doc, path);
  return insertAt(doc, path, Array.isArray(list) ? list.length : 0, row);
}

/** Removes one row; the list's key goes with its last row. */
export function removeRow<T>(doc: T, path: Path, index: number): T {
  const after = removeAt(doc, path, index);
  const list = getIn(after, path);
  return Array.isArray(list) && list.length === 0 ? setIn(after, path, undefined) : after;
}
