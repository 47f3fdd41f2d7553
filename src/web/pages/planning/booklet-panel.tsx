// 冊子（PDF）: all published manifestos of the year bound in one PDF. The server builds it after
// answering; this panel asks for it, then polls its progress every half second and offers the
// file when it is done, or a retry when it failed.
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { errorText } from "../../api/error-text.ts";
import type { BookletJob } from "../../api/planning-types.ts";

const POLL_MS = 500;

type Progress =
  | { kind: "idle" }
  | { kind: "starting" }
  | { kind: "running"; job: BookletJob | null }
  | { kind: "done"; job: BookletJob }
  | { kind: "failed"; message: string };

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function BookletPanel({
  municipality,
  year,
  yearLabel,
  published,
}: {
  municipality: string;
  year: number;
  yearLabel: string;
  /** Published manifestos of the year (what the booklet will hold). */
  published: number;
}) {
  const id = useId();
  const [progress, setProgress] = useState<Progress>({ kind: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      clearTimeout(timer.current);
    };
  }, []);

  // Another year or municipality: what was shown belongs to the one before.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the subject changes
  useEffect(() => {
    clearTimeout(timer.current);
    setProgress({ kind: "idle" });
  }, [municipality, year]);

  const poll = useCallback((jobId: number) => {
    api<BookletJob>("GET", `/api/booklets/${jobId}`)
      .then((job) => {
        if (!live.current) return;
        if (job.status === "done") setProgress({ kind: "done", job });
        else if (job.status === "failed") {
          setProgress({
            kind: "failed",
            message: job.error?.message || "冊子を作成できませんでした。",
          });
        } else {
          setProgress({ kind: "running", job });
          timer.current = setTimeout(() => poll(jobId), POLL_MS);
        }
      })
      .catch((e: unknown) => {
        if (!live.current) return;
        setProgress({
          kind: "failed",
          message: e instanceof ApiError ? errorText(e) : String(e),
        });
      });
  }, []);

  async function start() {
    clearTimeout(timer.current);
    setProgress({ kind: "starting" });
    try {
      const { id: jobId } = await api<{ id: number }>("POST", "/api/booklets", {
        municipality,
        year,
      });
      if (!live.current) return;
      setProgress({ kind: "running", job: null });
      timer.current = setTimeout(() => poll(jobId), POLL_MS);
    } catch (e) {
      if (!live.current) return;
      const error = e instanceof ApiError ? e : new ApiError(0, "unknown", String(e));
      const why = error.fields.find((f) => f.path === "year");
      setProgress({
        kind: "failed",
        message:
          why && published === 0
            ? `${yearLabel}に公表済みのマニフェストがないため、冊子を作成できません。`
            : errorText(error),
      });
    }
  }

  const busy = progress.kind === "starting" || progress.kind === "running";
  const job = progress.kind === "running" ? progress.job : null;
  const total = job?.total ?? null;
  const done = job?.done ?? 0;
  const statusText =
    progress.kind === "starting"
      ? "冊子の作成を依頼しています…"
      : progress.kind === "running"
        ? total === null
          ? "冊子を作成しています（準備中）…"
          : `冊子を作成しています：${done} / ${total} 部局`
        : progress.kind === "done"
          ? "冊子ができました。"
          : "";

  return (
    <section className="booklet-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>冊子（PDF）</h2>
      {published === 0 ? (
        <p>
          {yearLabel}
          の公表済みマニフェストはまだありません。公表すると、ここで冊子を作成できます。
        </p>
      ) : (
        <p>
          {yearLabel}の公表済みマニフェスト（{published}
          部局）を、表紙と目次を付けて1つの PDF にまとめます。
        </p>
      )}
      {progress.kind !== "failed" && published > 0 && (
        <button type="button" onClick={() => void start()} disabled={busy}>
          冊子 PDF を作成
        </button>
      )}
      {busy && (
        <div className="booklet-progress">
          <label htmlFor={`${id}-progress`}>作成の進み具合</label>
          <progress
            id={`${id}-progress`}
            max={total ?? undefined}
            value={total === null ? undefined : done}
          >
            {total === null ? "" : `${done} / ${total} 部局`}
          </progress>
        </div>
      )}
      <p role="status" className="booklet-status">
        {statusText}
      </p>
      {progress.kind === "done" && progress.job.fileUrl && (
        <p>
          <a className="download-link" href={progress.job.fileUrl} download>
            冊子 PDF をダウンロード
          </a>{" "}
          <span className="hint">（{sizeText(progress.job.size)}）</span>
        </p>
      )}
      {progress.kind === "failed" && (
        <div className="alert alert-error" role="alert">
          <p>{progress.message}</p>
          <button type="button" onClick={() => void start()}>
            もう一度作成
          </button>
        </div>
      )}
    </section>
  );
}
