// 〈達成目標〉: each target as written, with its optional machine-readable measure (indicator,
// comparator, target value, unit, last year's baseline) that the assessment holds results
// against. Labels ①②③ follow the order when they were in order before a move or removal.
import { useEffect, useState } from "react";
import { formatFiscalYear } from "../../../domain/era.ts";
import {
  type COMPARATORS,
  LIMITS,
  type Measure,
  type Target,
} from "../../../domain/manifesto/schema.ts";
import { circled, japaneseMessage } from "../../api/japanese-messages.ts";
import {
  circledLabel,
  getIn,
  insertAt,
  labelsAreSequential,
  moveBy,
  type Path,
  removeAt,
  setIn,
  updateIn,
} from "./document-ops.ts";
import { newLongTerm, newReference } from "./extension-rows.ts";
import { ExtensionRowsEditor } from "./extension-rows-editor.tsx";
import {
  FieldErrors,
  fieldId,
  NumberField,
  pathText,
  SelectField,
  TextField,
  useEditor,
} from "./fields.tsx";
import { ListEditor } from "./list-editor.tsx";
import { MoveRemoveButtons } from "./move-remove-buttons.tsx";
import { TargetChecks } from "./target-checks.tsx";

export const COMPARATOR_OPTIONS = [
  { value: ">=", label: "≧ 以上" },
  { value: ">", label: "＞ 超える" },
  { value: "<=", label: "≦ 以下（以内）" },
  { value: "<", label: "＜ 未満" },
  { value: "=", label: "＝ ちょうど" },
] as const satisfies readonly { value: (typeof COMPARATORS)[number]; label: string }[];

// Absent means the fiscal year (4月〜3月), as in every document written before the key.
const PERIOD_OPTIONS = [
  { value: "fiscal", label: "年度（4〜3月）" },
  { value: "calendar", label: "暦年（1〜12月）" },
];

/** The datalist of tags (SDGs, 指標の分類, the document's vocabularies), rendered by the page. */
export const TAG_LIST_ID = "tag-suggestions";

const KIND_OPTIONS = [
  { value: "numeric", label: "数値目標（指標と目標値で判定）" },
  { value: "milestone", label: "数値のない目標（達成・未達成で判断）" },
];

export const UNIT_LIST_ID = "unit-suggestions";
export const UNIT_SUGGESTIONS = [
  "%",
  "件",
  "人",
  "回",
  "位",
  "倍",
  "円",
  "千円",
  "日",
  "時間",
  "%減",
];

function relabel(targets: Target[]): Target[] {
  return targets.map((t, i) => ({ ...t, label: circledLabel(i) }));
}

/** Changes the target list; ①②③ stay in order when they were in order. */
function changeTargets(doc: unknown, path: Path, edit: (doc: unknown) => unknown): unknown {
  const before = (getIn(doc, path) as Target[] | undefined) ?? [];
  const sequential = labelsAreSequential(before.map((t) => t.label));
  const after = edit(doc);
  if (!sequential) return after;
  return updateIn(after, path, (list) => relabel((list as Target[] | undefined) ?? []));
}

export function newTarget(existing: readonly Target[]): Target {
  const ordered = existing.length === 0 || labelsAreSequential(existing.map((t) => t.label));
  return { label: ordered ? circledLabel(existing.length) : "", text: "" };
}

/** Switching the kind drops what only the other kind may hold (result.actual / status). */
function withKind(target: Target, kind: string): Target {
  const { measure: _old, result, ...rest } = target;
  let measure: Measure | undefined;
  if (kind === "numeric") {
    measure =
      target.measure?.kind === "numeric"
        ? target.measure
        : { kind: "numeric", indicator: "", unit: "", comparator: ">=", target: 0 };
  } else if (kind === "milestone") measure = { kind: "milestone" };
  const keptResult = result && {
    ...(result.text !== undefined && { text: result.text }),
    ...(kind === "numeric" && result.actual !== undefined && { actual: result.actual }),
    ...(kind === "milestone" && result.status !== undefined && { status: result.status }),
  };
  return {
    ...rest,
    ...(measure && { measure }),
    ...(keptResult && Object.keys(keptResult).length > 0 && { result: keptResult }),
  };
}

export function MeasureFields({ path, place }: { path: Path; place: string }) {
  const { doc, change } = useEditor();
  const target = getIn(doc, path) as Target;
  const measurePath = [...path, "measure"];
  const kind = target.measure?.kind ?? "";
  return (
    <div className="measure">
      <SelectField
        path={[...measurePath, "kind"]}
        label="測定方法"
        place={place}
        emptyLabel="設定しない（文章のみ）"
        options={KIND_OPTIONS}
        value={kind}
        onSelect={(v) => change((d) => updateIn(d, path, (t) => withKind(t as Target, v)))}
      />
      {target.measure?.kind === "numeric" && (
        <div className="measure-grid">
          <TextField
            path={[...measurePath, "indicator"]}
            label="指標"
            place={place}
            className="measure-indicator"
            maxLength={LIMITS.shortText}
          />
          <SelectField
            path={[...measurePath, "comparator"]}
            label="比較"
            place={place}
            options={COMPARATOR_OPTIONS}
          />
          <NumberField path={[...measurePath, "target"]} label="目標値" place={place} />
          <TextField
            path={[...measurePath, "unit"]}
            label="単位"
            place={place}
            list={UNIT_LIST_ID}
            maxLength={LIMITS.shortText}
          />
          <BaselineFields path={[...measurePath, "baseline"]} place={place} />
          <SelectField
            path={[...measurePath, "period"]}
            label="集計期間"
            place={place}
            emptyLabel="指定しない（年度）"
            options={PERIOD_OPTIONS}
          />
        </div>
      )}
      {target.measure?.kind === "numeric" && (
        <>
          <ExtensionRowsEditor
            path={[...measurePath, "references"]}
            legend="参考値（基準値のほかの年度の値）"
            place={place}
            itemName={(i) => `参考値 ${i + 1}`}
            addLabel="参考値を追加"
            columns={[
              { key: "value", label: "値", kind: "number" },
              { key: "fiscalYear", label: "年度（西暦）", kind: "year" },
              { key: "label", label: "名称", kind: "text", optional: true },
            ]}
            newRow={newReference}
            max={LIMITS.references}
          />
          <ExtensionRowsEditor
            path={[...measurePath, "longTerm"]}
            legend="長期目標（目標年度までの値）"
            place={place}
            itemName={(i) => `長期目標 ${i + 1}`}
            addLabel="長期目標を追加"
            columns={[
              { key: "target", label: "目標値", kind: "number" },
              { key: "fiscalYear", label: "目標年度（西暦）", kind: "year" },
              { key: "label", label: "名称", kind: "text", optional: true },
            ]}
            newRow={newLongTerm}
            max={LIMITS.references}
          />
        </>
      )}
    </div>
  );
}

/** 基準値 and its fiscal year go into the document together, or not at all. */
function BaselineFields({ path, place }: { path: Path; place: string }) {
  const { doc, change, problems } = useEditor();
  const stored = getIn(doc, path) as { value: number; fiscalYear: number } | undefined;
  const [pending, setPending] = useState<{ value?: number; fiscalYear?: number }>(stored ?? {});
  const storedKey = stored ? `${stored.value}/${stored.fiscalYear}` : "";
  // biome-ignore lint/correctness/useExhaustiveDependencies: storedKey stands for stored
  useEffect(() => {
    setPending(stored ?? {});
  }, [storedKey]);

  function set(next: { value?: number; fiscalYear?: number }) {
    setPending(next);
    const whole =
      next.value !== undefined && next.fiscalYear !== undefined
        ? { value: next.value, fiscalYear: next.fiscalYear }
        : undefined;
    change((d) => setIn(d, path, whole));
  }
  const half = (pending.value === undefined) !== (pending.fiscalYear === undefined);
  const groupErrors = (problems.get(pathText(path)) ?? []).map(japaneseMessage);
  return (
    <>
      <NumberField
        path={[...path, "value"]}
        label="基準値"
        place={place}
        value={pending.value}
        onValue={(value) => set({ ...pending, value })}
        extraError={
          half && pending.value === undefined ? "基準年度と一緒に入力してください" : undefined
        }
      />
      <NumberField
        path={[...path, "fiscalYear"]}
        label="基準年度（西暦）"
        place={place}
        integer
        value={pending.fiscalYear}
        note={
          pending.fiscalYear !== undefined &&
          pending.fiscalYear >= 1989 &&
          pending.fiscalYear <= 2100
            ? formatFiscalYear(pending.fiscalYear)
            : undefined
        }
        onValue={(fiscalYear) => set({ ...pending, fiscalYear })}
        extraError={
          half && pending.fiscalYear === undefined ? "基準値と一緒に入力してください" : undefined
        }
      />
      <FieldErrors id={`${fieldId(path)}-error`} messages={groupErrors} />
    </>
  );
}

export function TargetsEditor({ goalPath, place }: { goalPath: Path; place: string }) {
  const { doc, change, focusLater, removed, problems } = useEditor();
  const path = [...goalPath, "targets"];
  const targets = (getIn(doc, path) as Target[] | undefined) ?? [];
  const listId = fieldId(path);
  const name = (i: number) => `${place} の 達成目標${circled(i + 1)}`;

  function add() {
    change((d) => insertAt(d, path, targets.length, newTarget(targets)));
    focusLater(fieldId([...path, targets.length, "text"]));
  }
  function remove(i: number) {
    const item = targets[i] as Target;
    change((d) => changeTargets(d, path, (x) => removeAt(x, path, i)) as typeof d);
    focusLater(
      targets.length > 1
        ? `${fieldId([...path, Math.min(i, targets.length - 2)])}`
        : `${listId}-add`,
    );
    removed({
      message: `${name(i)} を削除しました`,
      undo: () => {
        change((d) => changeTargets(d, path, (x) => insertAt(x, path, i, item)) as typeof d);
        focusLater(fieldId([...path, i, "text"]));
      },
    });
  }
  function move(i: number, by: -1 | 1) {
    change((d) => changeTargets(d, path, (x) => moveBy(x, path, i, by)) as typeof d);
    const to = i + by;
    const stillThere = by === -1 ? to > 0 : to < targets.length - 1;
    const up = stillThere ? by === -1 : by === 1;
    focusLater(`${fieldId([...path, to])}-${up ? "up" : "down"}`);
  }

  return (
    <div className="targets-editor" id={listId} tabIndex={-1}>
      {targets.length === 0 && <p className="list-empty">達成目標はまだありません。</p>}
      {targets.map((_, i) => {
        const tPath = [...path, i];
        const tId = fieldId(tPath);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: targets have no identity but their place
          <fieldset key={i} className="target-editor" id={tId} tabIndex={-1}>
            <legend>
              <span className="visually-hidden">{place} の </span>達成目標{circled(i + 1)}
            </legend>
            <div className="target-text-row">
              <TextField
                path={[...tPath, "label"]}
                label="記号"
                place={name(i)}
                className="target-label"
                maxLength={LIMITS.shortText}
              />
              <TextField
                path={[...tPath, "text"]}
                label="内容"
                place={name(i)}
                multiline
                rows={3}
                className="target-text"
                maxLength={LIMITS.paragraph}
              />
            </div>
            <MeasureFields path={tPath} place={name(i)} />
            <ListEditor
              path={[...tPath, "tags"]}
              legend="タグ"
              place={name(i)}
              itemName={(j) => `タグ ${j + 1}`}
              addLabel="タグを追加"
              max={LIMITS.tags}
              placeholder="indicator:outcome"
              hint="指標の分類は indicator:outcome（成果指標）など。入力すると候補から選べます。"
              suggestions={TAG_LIST_ID}
              className="target-tags"
            />
            <TargetChecks path={tPath} place={name(i)} />
            <FieldErrors
              id={`${tId}-error`}
              messages={(problems.get(pathText(tPath)) ?? []).map(japaneseMessage)}
            />
            <div className="item-tools">
              <MoveRemoveButtons
                id={tId}
                name={name(i)}
                index={i}
                count={targets.length}
                removeText="この達成目標を削除"
                onMove={(by) => move(i, by)}
                onRemove={() => remove(i)}
              />
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        id={`${listId}-add`}
        className="add-button"
        disabled={targets.length >= LIMITS.targets}
        onClick={add}
        aria-label={`達成目標を追加（${place}）`}
      >
        <span aria-hidden="true">＋</span> 達成目標を追加
      </button>
      <FieldErrors
        id={`${listId}-error`}
        messages={(problems.get(pathText(path)) ?? []).map(japaneseMessage)}
      />
    </div>
  );
}
