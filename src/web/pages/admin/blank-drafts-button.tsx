// 全体状況 of a municipality with no last year to carry forward: a blank draft for every
// current department, from the master data.
import { useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { errorText } from "../../api/error-text.ts";
import { adminPath } from "./admin-types.ts";

export function BlankDraftsButton({
  municipality,
  year,
  yearLabel,
  onDone,
}: {
  municipality: string;
  year: number;
  yearLabel: string;
  onDone(): void;
}) {
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function start() {
    setBusy(true);
    try {
      const r = await api<{ message: string }>(
        "POST",
        adminPath(municipality, `/years/${year}/blank-drafts`),
        {},
      );
      setMessage({ error: false, text: r.message });
      onDone();
    } catch (e) {
      setMessage({ error: true, text: e instanceof ApiError ? errorText(e) : String(e) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div>
      <p className="hint">
        前年度のマニフェストがない部局には、部局の基本情報から白紙の下書きを作れます。
      </p>
      <button type="button" onClick={start} disabled={busy}>
        {yearLabel}の白紙の下書きを作成
      </button>
      {message && (
        <p
          className={message.error ? "alert alert-error" : "admin-done"}
          role={message.error ? "alert" : "status"}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
