// 「他の人がこのマニフェストを更新しました」: a save met a newer revision (409). The person
// sees what the other changed and chooses: take theirs (dropping theirs own edits, after a
// second question), or merge (their edits go on top of the latest; where both changed the
// same thing, both versions are shown and the person picks one per place).
import { type FormEvent, useState } from "react";
import { japanesePath } from "../../api/japanese-messages.ts";
import { formatDateTime } from "../../api/japanese-time.ts";
import type { Manifesto } from "../../api/types.ts";
import { Dialog } from "../../components/dialog.tsx";
import type { MergeConflict, Side } from "./merge.ts";
import type { PendingMerge, SaveConflict } from "./use-autosave.ts";

const SHOWN_PATHS = 15;

function ValueView({ value }: { value: unknown }) {
  if (value === undefined) return <span className="value-none">（なし）</span>;
  if (typeof value === "string") {
    return value === "" ? (
      <span className="value-none">（空欄）</span>
    ) : (
      <span className="pre-wrap">{value}</span>
    );
  }
  if (typeof value === "number" || typeof value === "boolean") return <span>{String(value)}</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="value-none">（項目なし）</span>;
    return (
      <ul className="value-list">
        {value.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only rendering in order
          <li key={i}>
            <ValueView value={v} />
          </li>
        ))}
      </ul>
    );
  }
  const o = value as Record<string, unknown>;
  if (typeof o.title === "string")
    return <span>{`目標${String(o.number ?? "")}「${o.title}」`}</span>;
  if (typeof o.text === "string") return <span className="pre-wrap">{o.text}</span>;
  return <pre className="value-json">{JSON.stringify(value, null, 2)}</pre>;
}

function placeOf(c: MergeConflict, doc: Manifesto): string {
  const name = japanesePath(c.path, doc);
  return c.kind === "items" ? `${name}（複数の項目）` : name;
}

function ChangedPaths({ paths, doc }: { paths: readonly string[]; doc: Manifesto }) {
  const names = [...new Set(paths.map((p) => japanesePath(p, doc)))];
  if (names.length === 0) return null;
  return (
    <>
      <p>変更された項目：</p>
      <ul className="changed-paths">
        {names.slice(0, SHOWN_PATHS).map((n) => (
          <li key={n}>{n}</li>
        ))}
        {names.length > SHOWN_PATHS && <li>ほか {names.length - SHOWN_PATHS} 件</li>}
      </ul>
    </>
  );
}

export function ConflictDialog(props: {
  open: boolean;
  conflict: SaveConflict | null;
  pendingMerge: PendingMerge | null;
  doc: Manifesto;
  busy: boolean;
  onClose(): void;
  onReloadTheirs(): void;
  onMerge(): void;
  onApply(doc: Manifesto): void;
}) {
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [choices, setChoices] = useState<Record<number, Side>>({});
  const [missing, setMissing] = useState(false);
  const { conflict, pendingMerge, doc } = props;

  const close = () => {
    setConfirmDiscard(false);
    props.onClose();
  };

  if (confirmDiscard) {
    return (
      <Dialog
        open={props.open}
        title="自分の変更を破棄しますか"
        onClose={() => setConfirmDiscard(false)}
      >
        <p>
          まだ保存されていないあなたの変更は失われ、他の人が保存した最新の内容が表示されます。元に戻せません。
        </p>
        <div className="dialog-actions">
          <button
            type="button"
            className="button-primary button-primary-danger"
            disabled={props.busy}
            onClick={() => {
              setConfirmDiscard(false);
              props.onReloadTheirs();
            }}
          >
            破棄して最新の内容を読み込む
          </button>
          <button type="button" data-autofocus onClick={() => setConfirmDiscard(false)}>
            戻る
          </button>
        </div>
      </Dialog>
    );
  }

  if (pendingMerge) {
    const conflicts = pendingMerge.merge.conflicts;
    const submit = (event: FormEvent) => {
      event.preventDefault();
      if (conflicts.some((c) => choices[c.id] === undefined)) {
        setMissing(true);
        return;
      }
      setChoices({});
      setMissing(false);
      props.onApply(pendingMerge.merge.resolve(choices));
    };
    return (
      <Dialog open={props.open} title="両方で変更された項目があります" size="wide" onClose={close}>
        <form onSubmit={submit} noValidate>
          <p>
            他の人の変更（リビジョン {pendingMerge.latest.manifesto.revision}
            ）にあなたの変更を重ねました。 次の {conflicts.length}{" "}
            か所は両方が変更しているため、残す方を選んでください。
          </p>
          {conflicts.map((c) => {
            const name = `merge-${c.id}`;
            return (
              <fieldset key={c.id} className="merge-choice">
                <legend>{placeOf(c, doc)}</legend>
                {(["mine", "theirs"] as const).map((side) => (
                  <div key={side} className="merge-option">
                    <input
                      type="radio"
                      id={`${name}-${side}`}
                      name={name}
                      checked={choices[c.id] === side}
                      onChange={() => setChoices((x) => ({ ...x, [c.id]: side }))}
                    />
                    <label htmlFor={`${name}-${side}`}>
                      {side === "mine" ? "あなたの内容" : "他の人の内容"}
                      <span className="merge-value">
                        <ValueView value={c[side]} />
                      </span>
                    </label>
                  </div>
                ))}
              </fieldset>
            );
          })}
          {missing && (
            <p className="field-error" role="alert">
              すべての項目で、残す方を選んでください。
            </p>
          )}
          <div className="dialog-actions">
            <button type="submit" className="button-primary" disabled={props.busy}>
              選んだ内容で保存する
            </button>
            <button type="button" onClick={() => setConfirmDiscard(true)}>
              他の人の内容を読み込む（自分の変更を破棄）
            </button>
          </div>
        </form>
      </Dialog>
    );
  }

  return (
    <Dialog
      open={props.open && conflict !== null}
      title="他の人がこのマニフェストを更新しました"
      onClose={close}
    >
      {conflict && (
        <>
          <p>
            あなたが編集している間に、別の人がリビジョン {conflict.revision} を保存しました
            {conflict.updatedAt && `（${formatDateTime(conflict.updatedAt)}）`}。
            あなたの変更はまだ保存されていません（このブラウザには残っています）。
          </p>
          <ChangedPaths paths={conflict.changedPaths} doc={doc} />
          <div className="dialog-actions">
            <button
              type="button"
              className="button-primary"
              disabled={props.busy}
              data-autofocus
              onClick={props.onMerge}
            >
              {props.busy ? "読み込んでいます…" : "自分の変更を最新の内容に重ねる"}
            </button>
            <button type="button" disabled={props.busy} onClick={() => setConfirmDiscard(true)}>
              他の人の内容を読み込む（自分の変更を破棄）
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
