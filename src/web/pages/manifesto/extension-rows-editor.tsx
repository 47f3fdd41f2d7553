// The editor's rows of the format's extensions (参考値, 長期目標, 予算): each row a labelled
// group of boxes with a 削除 button, and a button to add one. The ops are in extension-rows.ts.
import { formatFiscalYear } from "../../../domain/era.ts";
import { LIMITS } from "../../../domain/manifesto/schema.ts";
import { getIn, type Path } from "./document-ops.ts";
import { addRow, newBudgetLine, removeRow } from "./extension-rows.ts";
import { fieldId, NumberField, TextField, useEditor } from "./fields.tsx";

interface Column {
  key: string;
  label: string;
  kind: "number" | "year" | "text";
  optional?: boolean;
}

export function ExtensionRowsEditor(props: {
  path: Path;
  legend: string;
  place: string;
  /** 「参考値 1」 for index 0. */
  itemName(index: number): string;
  addLabel: string;
  columns: readonly Column[];
  newRow(documentYear: number): unknown;
  max: number;
  hint?: string;
}) {
  const { doc, change, focusLater } = useEditor();
  const raw = getIn(doc, props.path);
  const rows = Array.isArray(raw) ? (raw as Record<string, unknown>[]) : [];
  const listId = fieldId(props.path);
  const first = props.columns[0]?.key ?? "";

  function add() {
    change((d) => addRow(d, props.path, props.newRow(d.fiscalYear)));
    focusLater(fieldId([...props.path, rows.length, first]));
  }
  function remove(i: number) {
    change((d) => removeRow(d, props.path, i));
    focusLater(rows.length > 1 ? fieldId([...props.path, 0, first]) : `${listId}-add`);
  }

  return (
    <fieldset className="extension-rows" id={listId} tabIndex={-1}>
      <legend>
        <span className="visually-hidden">{props.place} の </span>
        {props.legend}
      </legend>
      {props.hint && <p className="field-hint">{props.hint}</p>}
      {rows.map((row, i) => {
        const name = `${props.place} の ${props.itemName(i)}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <div key={i} className="extension-row">
            {props.columns.map((c) => {
              const path = [...props.path, i, c.key];
              if (c.kind === "text")
                return (
                  <TextField
                    key={c.key}
                    path={path}
                    label={c.label}
                    place={name}
                    optional={c.optional}
                    maxLength={LIMITS.shortText}
                  />
                );
              const year = row[c.key];
              return (
                <NumberField
                  key={c.key}
                  path={path}
                  label={c.label}
                  place={name}
                  optional={c.optional}
                  integer={c.kind === "year"}
                  note={
                    c.kind === "year" && typeof year === "number" && year >= 1989 && year <= 2100
                      ? formatFiscalYear(year)
                      : undefined
                  }
                />
              );
            })}
            <button
              type="button"
              className="tool-button tool-danger"
              aria-label={`削除（${name}）`}
              onClick={() => remove(i)}
            >
              削除
            </button>
          </div>
        );
      })}
      <button
        type="button"
        id={`${listId}-add`}
        className="add-button"
        disabled={rows.length >= props.max}
        onClick={add}
        aria-label={`${props.addLabel}（${props.place}）`}
      >
        <span aria-hidden="true">＋</span> {props.addLabel}
      </button>
    </fieldset>
  );
}

/** A goal's 予算 (当初予算額, 決算見込額 …): the goal's, not the evaluation's. */
export function BudgetEditor({ index, place }: { index: number; place: string }) {
  return (
    <ExtensionRowsEditor
      path={["goals", index, "budget"]}
      legend="予算"
      place={place}
      itemName={(i) => `予算 ${i + 1}`}
      addLabel="予算を追加"
      columns={[
        { key: "label", label: "区分", kind: "text" },
        { key: "amount", label: "金額", kind: "number" },
        { key: "unit", label: "単位", kind: "text" },
        { key: "fiscalYear", label: "年度（西暦）", kind: "year", optional: true },
      ]}
      newRow={newBudgetLine}
      max={LIMITS.budget}
      hint="当初予算額・決算見込額など、公表する区分ごとに。"
    />
  );
}
