// The form's building blocks. Every input has a visible label whose accessible name also
// says where it is (「目標2 の 達成目標① の 目標値」: the place is in a visually hidden prefix),
// an id derived from its JSON path (so the error summary can link to it), and the server's
// problems for that path next to it (aria-invalid + aria-describedby).
import { createContext, type ReactNode, useContext, useEffect, useId, useState } from "react";
import type { LastYearIndicator } from "../../../domain/assessment/types.ts";
import type { ScoreScale } from "../../../domain/manifesto/schema.ts";
import { parseJapaneseNumber } from "../../../domain/text.ts";
import { japaneseMessage, parseJsonPath } from "../../api/japanese-messages.ts";
import type { Manifesto } from "../../api/types.ts";
import { getIn, type Path, setIn } from "./document-ops.ts";

export interface Removal {
  message: string;
  undo(): void;
}

export interface EditorContextValue {
  doc: Manifesto;
  change(update: (doc: Manifesto) => Manifesto): void;
  /** The server's problems, by JSON path. */
  problems: ReadonlyMap<string, string[]>;
  /** Moves the focus to the element with this id once React has drawn the change. */
  focusLater(id: string): void;
  /** Offers to undo a removal. */
  removed(removal: Removal): void;
  /** Last year's numeric targets of the department by indicator key, for the history checks. */
  lastYear?: { fiscalYear: number; indicators: ReadonlyMap<string, LastYearIndicator> };
  /** The second score scale in force: the document's, else its municipality's (issue 17). */
  scoreScale?: ScoreScale;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error("useEditor outside EditorContext");
  return value;
}

export function pathText(path: Path): string {
  let out = "";
  for (const t of path) {
    if (typeof t === "number") out += `[${t}]`;
    else out += out === "" ? t : `.${t}`;
  }
  return out === "" ? "$" : out;
}

/** The id of the input (or group) that edits the value at `path`. */
export function fieldId(path: Path | string): string {
  const tokens = typeof path === "string" ? parseJsonPath(path) : path;
  return `f-${tokens.join("-") || "document"}`;
}

export function useProblems(path: Path): string[] {
  const { problems } = useEditor();
  return (problems.get(pathText(path)) ?? []).map(japaneseMessage);
}

/** Visible text, with the place said to screen readers only. */
export function PlacedLabel({ place, text }: { place?: string; text: ReactNode }) {
  return (
    <>
      {place && <span className="visually-hidden">{place} の </span>}
      {text}
    </>
  );
}

export function FieldErrors({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(" / ")}
    </p>
  );
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((x): x is string => typeof x === "string");
  return list.length > 0 ? list.join(" ") : undefined;
}

interface TextFieldProps {
  path: Path;
  label: ReactNode;
  place?: string;
  multiline?: boolean;
  rows?: number;
  /** Emptied: the key goes away instead of holding "". */
  optional?: boolean;
  hint?: string;
  className?: string;
  maxLength?: number;
  inputMode?: "text" | "email" | "tel";
  list?: string;
}

export function TextField(props: TextFieldProps) {
  const { doc, change } = useEditor();
  const id = fieldId(props.path);
  const value = getIn(doc, props.path);
  const errors = useProblems(props.path);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const common = {
    id,
    value: typeof value === "string" ? value : "",
    maxLength: props.maxLength,
    "aria-invalid": errors.length > 0 || undefined,
    "aria-describedby": describedBy(errors.length > 0 && errorId, props.hint && hintId),
    onChange: (e: { target: { value: string } }) => {
      const next = e.target.value;
      change((d) => setIn(d, props.path, props.optional && next === "" ? undefined : next));
    },
  };
  return (
    <div className={`field ${props.className ?? ""}`}>
      <label htmlFor={id}>
        <PlacedLabel place={props.place} text={props.label} />
      </label>
      {props.hint && (
        <p id={hintId} className="field-hint">
          {props.hint}
        </p>
      )}
      {props.multiline ? (
        <textarea rows={props.rows ?? 3} {...common} />
      ) : (
        <input type="text" inputMode={props.inputMode} list={props.list} {...common} />
      )}
      <FieldErrors id={errorId} messages={errors} />
    </div>
  );
}

/**
 * A number typed the way people write them (full-width digits, 1,000). What does not read as
 * a number stays in the box with a message and is not put in the document.
 */
export function NumberField(props: {
  path: Path;
  label: string;
  place?: string;
  optional?: boolean;
  integer?: boolean;
  suffix?: string;
  /** A line under the box (the era of a year). */
  note?: string;
  className?: string;
  /** Given: the parent keeps the value (a baseline needs both of its numbers). */
  onValue?(value: number | undefined, raw: string): void;
  value?: number | undefined;
  extraError?: string;
}) {
  const { doc, change } = useEditor();
  const id = fieldId(props.path);
  const stored = props.onValue ? props.value : getIn(doc, props.path);
  const value = typeof stored === "number" ? stored : undefined;
  const [raw, setRaw] = useState(value === undefined ? "" : String(value));
  const [local, setLocal] = useState<string | null>(null);
  const serverErrors = useProblems(props.path);
  const suffixId = useId();

  // The document changed under the box (undo, merge, a move): show what it holds now.
  useEffect(() => {
    setRaw((r) =>
      parseJapaneseNumber(r) === value ? r : value === undefined ? "" : String(value),
    );
    setLocal(null);
  }, [value]);

  const errors = [
    ...(local ? [local] : []),
    ...(props.extraError ? [props.extraError] : []),
    ...serverErrors,
  ];
  const errorId = `${id}-error`;

  function onChange(text: string) {
    setRaw(text);
    const n = parseJapaneseNumber(text);
    let next: number | undefined;
    if (text.trim() === "") {
      setLocal(props.optional || props.onValue ? null : "入力してください");
      next = undefined;
      if (!props.optional && !props.onValue) return;
    } else if (n === undefined || (props.integer && !Number.isInteger(n))) {
      setLocal(
        props.integer ? "整数を半角または全角の数字で入力してください" : "数値を入力してください",
      );
      return;
    } else {
      setLocal(null);
      next = n;
    }
    if (props.onValue) props.onValue(next, text);
    else change((d) => setIn(d, props.path, next));
  }

  return (
    <div className={`field field-number ${props.className ?? ""}`}>
      <label htmlFor={id}>
        <PlacedLabel place={props.place} text={props.label} />
      </label>
      <div className="number-with-unit">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={raw}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={describedBy(errors.length > 0 && errorId, props.suffix && suffixId)}
        />
        {props.suffix && (
          <span id={suffixId} className="unit-suffix">
            {props.suffix}
          </span>
        )}
      </div>
      {props.note && <p className="field-note">{props.note}</p>}
      <FieldErrors id={errorId} messages={errors} />
    </div>
  );
}

export function SelectField(props: {
  path: Path;
  label: string;
  place?: string;
  options: readonly { value: string; label: string }[];
  /** The option that means "no value": choosing it removes the key. */
  emptyLabel?: string;
  className?: string;
  onSelect?(value: string): void;
  value?: string;
}) {
  const { doc, change } = useEditor();
  const id = fieldId(props.path);
  const current = props.value ?? getIn(doc, props.path);
  const errors = useProblems(props.path);
  const errorId = `${id}-error`;
  return (
    <div className={`field ${props.className ?? ""}`}>
      <label htmlFor={id}>
        <PlacedLabel place={props.place} text={props.label} />
      </label>
      <select
        id={id}
        value={typeof current === "string" ? current : ""}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={errors.length > 0 ? errorId : undefined}
        onChange={(e) => {
          const v = e.target.value;
          if (props.onSelect) props.onSelect(v);
          else change((d) => setIn(d, props.path, v === "" ? undefined : v));
        }}
      >
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors id={errorId} messages={errors} />
    </div>
  );
}
