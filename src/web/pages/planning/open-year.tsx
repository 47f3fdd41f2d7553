// 「年度を開始」: last year's manifestos copied as this year's drafts, after a question that
// says exactly that. The server's answer (how many drafts it made) is shown on the page.
import { useState } from "react";
import { Link } from "react-router";
import { formatFiscalYear } from "../../../domain/era.ts";
import { ApiError, api } from "../../api/client.ts";
import { errorText } from "../../api/error-text.ts";
import { japaneseMessage } from "../../api/japanese-messages.ts";
import type { FiscalYearOpening } from "../../api/planning-types.ts";
import { ConfirmDialog } from "../../components/dialog.tsx";

export function OpenYearButton({
  municipality,
  year,
  departments,
  onOpened,
}: {
  municipality: string | undefined;
  year: number;
  /** Departments with a manifesto last year (the drafts to be made). */
  departments: number;
  onOpened(result: FiscalYearOpening): void;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function open() {
    setBusy(true);
    setError(null);
    try {
      const result = await api<FiscalYearOpening>("POST", "/api/fiscal-years", {
        ...(municipality && { municipality }),
        year,
      });
      setAsking(false);
      onOpened(result);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, "unknown", String(e)));
    } finally {
      setBusy(false);
    }
  }

  const label = formatFiscalYear(year);
  const previous = formatFiscalYear(year - 1);
  return (
    <>
      <button
        type="button"
        className="button-primary"
        onClick={() => {
          setError(null);
          setAsking(true);
        }}
      >
        年度を開始
      </button>
      <ConfirmDialog
        open={asking}
        title={`${label}を開始しますか`}
        confirmLabel="開始する"
        busy={busy}
        error={
          error && (
            <>
              <p>{errorText(error)}</p>
              {error.fields.length > 0 && (
                <ul>
                  {error.fields.map((f) => (
                    <li key={`${f.path}:${f.message}`}>
                      {f.path}：{japaneseMessage(f.message)}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )
        }
        onConfirm={() => void open()}
        onCancel={() => setAsking(false)}
      >
        <p>
          {previous}のマニフェストを部局ごとに{label}の下書きとしてコピーします
          {departments > 0 ? `（${departments}部局）` : ""}。
        </p>
        <p>
          目標・達成目標・手段はそのまま引き継がれ、{previous}
          の実績は今年度の基準値になります。実績と自己評価はコピーされません。
        </p>
        <p>すでにマニフェストがある部局はそのまま残ります。</p>
      </ConfirmDialog>
    </>
  );
}

export function OpeningResult({ result }: { result: FiscalYearOpening }) {
  return (
    <div className="alert alert-success" role="status">
      <p>{result.message}</p>
      {result.created.length > 0 && (
        <ul className="inline-list">
          {result.created.map((c) => (
            <li key={c.manifestoId}>
              <Link to={`/manifestos/${c.manifestoId}`}>{c.departmentName}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
