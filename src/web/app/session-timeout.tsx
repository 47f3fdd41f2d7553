// WCAG 2.2.1 (Timing Adjustable): a session unused for the idle limit (8 hours by default)
// ends. Before it does, a dialog says when, and 「ログインを続ける」 asks the server, which
// counts as use and extends the session by the whole limit again. When the time is up the
// server is asked once more (another tab may have used the session meanwhile); if the session
// is gone the sign-in page says why. The deadline comes from each answer of the server
// (api/client.ts), so the warning follows every save and page load, in this tab at least.
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { ApiError, api, onSessionIdleDeadline, sessionIdleDeadline } from "../api/client.ts";
import type { Session } from "../api/types.ts";
import { Dialog } from "../components/dialog.tsx";
import { formatDuration, warningLeadMs } from "./duration.ts";
import { useSession, useSignedIn } from "./session.tsx";

const CLOCK = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  hour: "numeric",
  minute: "2-digit",
  second: "2-digit",
});

/** The current time, again every second while `ticking`. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [ticking]);
  return now;
}

export function SessionTimeout() {
  const { idleLimitSeconds } = useSignedIn();
  const { endSession, signOut } = useSession();
  const deadline = useSyncExternalStore(onSessionIdleDeadline, sessionIdleDeadline);
  const [phase, setPhase] = useState<"quiet" | "warning">("quiet");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const lead = warningLeadMs(idleLimitSeconds);

  const checkEnded = useCallback(async () => {
    try {
      await api<Session>("GET", "/api/session");
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        endSession({ reason: "idle", limitSeconds: idleLimitSeconds });
      }
    }
  }, [endSession, idleLimitSeconds]);

  useEffect(() => {
    if (deadline === null) return;
    const untilWarning = deadline - lead - Date.now();
    setPhase(untilWarning <= 0 ? "warning" : "quiet");
    const warn = window.setTimeout(() => setPhase("warning"), Math.max(0, untilWarning));
    // A second after the end, so that the server has surely let the session go.
    const end = window.setTimeout(
      () => void checkEnded(),
      Math.max(0, deadline - Date.now() + 1000),
    );
    return () => {
      window.clearTimeout(warn);
      window.clearTimeout(end);
    };
  }, [deadline, lead, checkEnded]);

  const now = useNow(phase === "warning");

  async function extend() {
    setBusy(true);
    setFailure(null);
    try {
      await api<Session>("GET", "/api/session"); // the answer moves the deadline
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        endSession({ reason: "idle", limitSeconds: idleLimitSeconds });
        return;
      }
      setFailure(
        e instanceof ApiError ? e.message : "サーバーに接続できません。もう一度お試しください。",
      );
    } finally {
      setBusy(false);
    }
  }

  const left = deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));
  return (
    <Dialog
      open={phase === "warning" && deadline !== null}
      title="まもなくログインが切れます"
      onClose={() => void extend()}
    >
      <p>
        操作のない時間が{formatDuration(idleLimitSeconds)}
        続くと、安全のためログインが切れます。このままでは
        <strong>
          {deadline === null ? "" : CLOCK.format(deadline)}（あと約{formatDuration(left)}）
        </strong>
        に切れます。
      </p>
      <p>
        続ける場合は「ログインを続ける」を押してください。入力中の内容はこのブラウザに残ります。
      </p>
      {failure && (
        <div className="alert alert-error" role="alert">
          {failure}
        </div>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className="button-primary"
          data-autofocus
          disabled={busy}
          onClick={() => void extend()}
        >
          ログインを続ける
        </button>
        <button type="button" disabled={busy} onClick={() => void signOut()}>
          ログアウトする
        </button>
      </div>
    </Dialog>
  );
}
