// A list of one-line texts (現在の状態, 手段, 関連の施策・基本事業番号): each item with its own
// labelled box and buttons to move it up or down and to remove it (with undo), and a button
// to add one. The focus follows the item that moved, so a keyboard user can keep moving it.

import { japaneseMessage } from "../../api/japanese-messages.ts";
import { getIn, insertAt, moveBy, type Path, removeAt, setIn } from "./document-ops.ts";
import { FieldErrors, fieldId, pathText, useEditor } from "./fields.tsx";
import { MoveRemoveButtons } from "./move-remove-buttons.tsx";

export function ListEditor(props: {
  path: Path;
  legend: string;
  /** 「目標2」: said before each item's name. */
  place: string;
  /** 「手段 1」 for index 0. */
  itemName(index: number): string;
  addLabel: string;
  multiline?: boolean;
  max: number;
  placeholder?: string;
  hint?: string;
  /** The id of a <datalist> whose options the one-line inputs offer. */
  suggestions?: string;
  className?: string;
}) {
  const { doc, change, problems, focusLater, removed } = useEditor();
  const raw = getIn(doc, props.path);
  const items = Array.isArray(raw)
    ? (raw as unknown[]).map((v) => (typeof v === "string" ? v : ""))
    : [];
  const listId = fieldId(props.path);
  const listErrors = (problems.get(pathText(props.path)) ?? []).map(japaneseMessage);
  const name = (i: number) => `${props.place} の ${props.itemName(i)}`;
  const hintId = `${listId}-hint`;

  function add() {
    change((d) => insertAt(d, props.path, items.length, ""));
    focusLater(fieldId([...props.path, items.length]));
  }

  function remove(i: number) {
    const item = items[i] ?? "";
    change((d) => removeAt(d, props.path, i));
    const nextFocus =
      items.length > 1 ? fieldId([...props.path, Math.min(i, items.length - 2)]) : `${listId}-add`;
    focusLater(nextFocus);
    removed({
      message: `${name(i)} を削除しました`,
      undo: () => {
        change((d) => insertAt(d, props.path, i, item));
        focusLater(fieldId([...props.path, i]));
      },
    });
  }

  function move(i: number, by: -1 | 1) {
    change((d) => moveBy(d, props.path, i, by));
    const to = i + by;
    const stillThere = by === -1 ? to > 0 : to < items.length - 1;
    // At the end of the list the button in that direction is disabled: take the other one.
    const up = stillThere ? by === -1 : by === 1;
    focusLater(`${fieldId([...props.path, to])}-${up ? "up" : "down"}`);
  }

  return (
    <fieldset className={`list-editor ${props.className ?? ""}`} id={listId} tabIndex={-1}>
      <legend>
        <span className="visually-hidden">{props.place} の </span>
        {props.legend}
      </legend>
      {props.hint && (
        <p id={hintId} className="field-hint">
          {props.hint}
        </p>
      )}
      {items.length === 0 && <p className="list-empty">まだありません。</p>}
      <ol className="list-items">
        {items.map((value, i) => {
          const id = fieldId([...props.path, i]);
          const errors = (problems.get(pathText([...props.path, i])) ?? []).map(japaneseMessage);
          const errorId = `${id}-error`;
          const inputProps = {
            id,
            value,
            "aria-label": name(i),
            "aria-invalid": errors.length > 0 || undefined,
            "aria-describedby": errors.length > 0 ? errorId : props.hint ? hintId : undefined,
            placeholder: props.placeholder,
            onChange: (e: { target: { value: string } }) => {
              const next = e.target.value;
              change((d) => setIn(d, [...props.path, i], next));
            },
          };
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the items are plain texts, their place is their identity
            <li key={i} className="list-item">
              {props.multiline ? (
                <textarea rows={2} {...inputProps} />
              ) : (
                <input type="text" list={props.suggestions} {...inputProps} />
              )}
              <div className="item-tools">
                <MoveRemoveButtons
                  id={id}
                  name={name(i)}
                  index={i}
                  count={items.length}
                  removeText="削除"
                  onMove={(by) => move(i, by)}
                  onRemove={() => remove(i)}
                />
              </div>
              <FieldErrors id={errorId} messages={errors} />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        id={`${listId}-add`}
        className="add-button"
        disabled={items.length >= props.max}
        onClick={add}
        aria-label={`${props.addLabel}（${props.place}）`}
      >
        <span aria-hidden="true">＋</span> {props.addLabel}
      </button>
      <FieldErrors id={`${listId}-error`} messages={listErrors} />
    </fieldset>
  );
}
