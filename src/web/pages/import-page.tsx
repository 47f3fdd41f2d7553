// 取り込み: a tassei.manifesto/v1 JSON file (chosen or dropped) is read in the browser, shown
// for a check, and sent to POST /api/manifestos/import — the same validation as the CLI's
// import. Problems come back per field and are listed with the field's Japanese name. A file
// that is not JSON is refused here, before anything is sent. A filled-in Excel template is
// read by the server (POST /api/manifestos/import/xlsx, nothing written) into the same
// document, then shown and sent the same way; its problems name the sheet and cell.
import "./manifesto/workflow.css";
import "./import.css";
import { type DragEvent, useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { unstructuredTargets } from "../../domain/assessment/plan-checks.ts";
import { formatFiscalYear } from "../../domain/era.ts";
import { ApiError, api } from "../api/client.ts";
import { errorText } from "../api/error-text.ts";
import type { ImportResult } from "../api/workflow-types.ts";
import { useSignedIn } from "../app/session.tsx";
import { usePageTitle } from "../components/page-title.tsx";
import { ProblemList } from "./manifesto/problem-list.tsx";
import { stateLabel } from "./manifesto/workflow-log.tsx";

/** The server takes up to 25 MiB; a manifesto is a few tens of kilobytes. */
const MAX_BYTES = 20 * 1024 * 1024;
/** The server reads workbooks of up to 10 MiB; a filled-in template is far smaller. */
const MAX_XLSX_BYTES = 10 * 1024 * 1024;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A zip (an .xlsx) starts with "PK"; the name alone is not trusted either way. */
async function isWorkbook(file: File): Promise<boolean> {
  if (file.name.toLowerCase().endsWith(".xlsx")) return true;
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b;
}

interface ReadFile {
  name: string;
  size: number;
  document: unknown;
}

type Outcome =
  | { kind: "unreadable"; text: string }
  | { kind: "refused"; error: ApiError }
  | { kind: "imported"; result: ImportResult };

/** What a parsed file says about itself, for the check before sending. */
function summary(doc: unknown): { label: string; value: string }[] {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return [];
  const d = doc as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  const obj = (v: unknown) =>
    typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
  const rows: { label: string; value: string }[] = [];
  const push = (label: string, value: string | undefined) => value && rows.push({ label, value });
  push("形式", text(d.format));
  push("自治体", text(obj(d.municipality).name));
  push(
    "年度",
    typeof d.fiscalYear === "number" && Number.isInteger(d.fiscalYear)
      ? formatFiscalYear(d.fiscalYear)
      : undefined,
  );
  push("部局", text(obj(d.department).name));
  push("目標の数", Array.isArray(d.goals) ? `${d.goals.length}件` : undefined);
  push("数値が文章だけの達成目標", textOnlyTargets(d));
  return rows;
}

/**
 * Targets whose text states a number but that have no measure (issue #11): kept as written,
 * flagged here; the editor then proposes the measure (「数値目標として登録」).
 */
function textOnlyTargets(d: Record<string, unknown>): string | undefined {
  try {
    const found = unstructuredTargets(d as unknown as Parameters<typeof unstructuredTargets>[0]);
    if (found.length === 0) return undefined;
    return `${found.length}件（そのまま取り込みます。開いて「数値目標として登録」で測定方法にできます）`;
  } catch {
    return undefined; // not a manifesto's shape: the server's check says what is wrong
  }
}

function jsonProblem(e: unknown): string {
  const detail = e instanceof Error ? e.message : String(e);
  return `JSON として読み取れませんでした。ファイルが壊れているか、JSON ではありません（${detail}）。`;
}

export function ImportPage() {
  usePageTitle("取り込み");
  const { user } = useSignedIn();
  if (user.role === "viewer") {
    return (
      <>
        <h1>取り込み</h1>
        <p className="alert alert-warning">閲覧者の権限ではマニフェストを取り込めません。</p>
      </>
    );
  }
  return <ImportForm />;
}

function ImportForm() {
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<ReadFile | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [dragging, setDragging] = useState(false);
  const [sending, setSending] = useState(false);

  async function read(chosen: File | undefined) {
    setOutcome(null);
    setFile(null);
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      setOutcome({ kind: "unreadable", text: "ファイルが大きすぎます（20MB まで）。" });
      return;
    }
    if (await isWorkbook(chosen).catch(() => false)) {
      await readWorkbook(chosen);
      return;
    }
    let text: string;
    try {
      text = await chosen.text();
    } catch {
      setOutcome({ kind: "unreadable", text: "ファイルを読み込めませんでした。" });
      return;
    }
    try {
      // A byte order mark is not JSON, but editors on Windows write one.
      const document: unknown = JSON.parse(text.replace(/^\uFEFF/, ""));
      setFile({ name: chosen.name, size: chosen.size, document });
    } catch (e) {
      setOutcome({ kind: "unreadable", text: jsonProblem(e) });
    }
  }

  async function readWorkbook(chosen: File) {
    if (chosen.size > MAX_XLSX_BYTES) {
      setOutcome({ kind: "unreadable", text: "Excel ファイルが大きすぎます（10MB まで）。" });
      return;
    }
    setSending(true);
    try {
      const { document } = await api<{ document: unknown }>(
        "POST",
        "/api/manifestos/import/xlsx",
        new Blob([chosen], { type: XLSX_TYPE }),
      );
      setFile({ name: chosen.name, size: chosen.size, document });
    } catch (e) {
      setOutcome({
        kind: "refused",
        error: e instanceof ApiError ? e : new ApiError(0, "unknown", String(e)),
      });
    } finally {
      setSending(false);
    }
  }

  // The result takes the focus: 取り込む is gone once the file is taken in (WCAG 2.4.3).
  useEffect(() => {
    if (outcome) document.querySelector<HTMLElement>("[data-import-outcome]")?.focus();
  }, [outcome]);

  async function send() {
    if (!file) return;
    setSending(true);
    try {
      const result = await api<ImportResult>("POST", "/api/manifestos/import", file.document);
      setOutcome({ kind: "imported", result });
      setFile(null);
      if (input.current) input.current.value = "";
    } catch (e) {
      setOutcome({
        kind: "refused",
        error: e instanceof ApiError ? e : new ApiError(0, "unknown", String(e)),
      });
    } finally {
      setSending(false);
    }
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void read(event.dataTransfer.files[0]);
  }

  const facts = file ? summary(file.document) : [];
  return (
    <>
      <h1>取り込み</h1>
      <p>
        部局マニフェストの JSON ファイル（形式 <code>tassei.manifesto/v1</code>
        ）か、入力した Excel
        様式（.xlsx）を登録します。同じ年度・部局のマニフェストがあれば、その新しいリビジョンになります（下書きのときだけ）。
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the file input inside is the way for keyboards and screen readers */}
      <div
        className={dragging ? "drop-zone drop-zone-active" : "drop-zone"}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <label htmlFor={inputId}>JSON または Excel（.xlsx）ファイルを選ぶ</label>
        <p id={hintId} className="hint">
          ここにファイルをドラッグ＆ドロップすることもできます。書き出した JSON や
          Excel、ダウンロードした様式に入力したものはそのまま取り込めます。
        </p>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={`.json,application/json,.xlsx,${XLSX_TYPE}`}
          aria-describedby={hintId}
          onChange={(e) => void read(e.target.files?.[0])}
        />
      </div>

      {file && (
        <section className="import-check" aria-labelledby={`${inputId}-check`}>
          <h2 id={`${inputId}-check`}>取り込む内容の確認</h2>
          <p>
            <strong>{file.name}</strong>（{Math.max(1, Math.round(file.size / 1024))} KB）
          </p>
          {facts.length > 0 ? (
            <dl className="import-facts">
              {facts.map((f) => (
                <div key={f.label}>
                  <dt>{f.label}</dt>
                  <dd>{f.value}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="hint">
              マニフェストの項目が見当たりません。送ると検査結果が表示されます。
            </p>
          )}
          <button
            type="button"
            className="button-primary"
            onClick={() => void send()}
            disabled={sending}
          >
            {sending ? "取り込んでいます…" : "取り込む"}
          </button>
        </section>
      )}

      {outcome?.kind === "unreadable" && (
        <div className="alert alert-error" role="alert" tabIndex={-1} data-import-outcome>
          <p>{outcome.text}</p>
          <p>何も送信していません。</p>
        </div>
      )}
      {outcome?.kind === "refused" && <Refusal error={outcome.error} />}
      {outcome?.kind === "imported" && (
        <div className="alert alert-success" role="status" tabIndex={-1} data-import-outcome>
          <p>
            {outcome.result.departmentName}・{formatFiscalYear(outcome.result.fiscalYear)}
            のマニフェストを
            {outcome.result.created
              ? "新しく登録しました"
              : `更新しました（リビジョン ${outcome.result.revision}）`}
            。状態：{stateLabel(outcome.result.state)}
          </p>
          <p>
            <Link to={`/manifestos/${outcome.result.manifestoId}`}>
              取り込んだマニフェストを開く
            </Link>
          </p>
        </div>
      )}
    </>
  );
}

function Refusal({ error }: { error: ApiError }) {
  const problems = error.fields;
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} data-import-outcome>
      {error.code === "validation_error" && problems.length > 0 ? (
        <>
          <p>
            <strong>取り込めませんでした。</strong>ファイルに {problems.length}
            件の問題があります。直してからもう一度選んでください（何も登録していません）。
          </p>
          <ProblemList problems={problems} />
        </>
      ) : (
        <p>
          <strong>取り込めませんでした。</strong>
          {errorText(error)}
        </p>
      )}
    </div>
  );
}
