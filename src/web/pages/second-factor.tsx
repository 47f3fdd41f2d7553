// 二要素認証: setting up an authenticator app. The QR code is drawn by the server (no image
// from elsewhere); the key is shown as text too, for apps that cannot scan. The first code
// confirms it, and the recovery codes are shown this once. Where the municipality requires a
// second factor and none is set up, this is the only page a session opens on (layout.tsx).
import "./second-factor.css";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import { errorText } from "../api/error-text.ts";
import { useApi } from "../api/use-api.ts";
import { useSession } from "../app/session.tsx";
import { LoadState } from "../components/load-state.tsx";
import { usePageTitle } from "../components/page-title.tsx";
import { controlProps, Field } from "./users/account-fields.tsx";

interface Status {
  enrolled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}
interface Enrolment {
  secret: string;
  uri: string;
  qrCode: string;
}

export function SecondFactorPage() {
  usePageTitle("二要素認証");
  const loaded = useApi<Status>("/api/session/second-factor");
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  return (
    <>
      <h1>二要素認証</h1>
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} />
      ) : (
        <LoadState loaded={loaded}>
          {(status) =>
            status.enrolled ? (
              <p>
                二要素認証は設定済みです。回復コードの残りは {status.recoveryCodesLeft}{" "}
                個です。スマートフォンをなくしたときは、管理者に解除を依頼してください。
              </p>
            ) : (
              <Enrol required={status.required} onDone={setRecoveryCodes} />
            )
          }
        </LoadState>
      )}
    </>
  );
}

function Enrol({ required, onDone }: { required: boolean; onDone(codes: string[]): void }) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const codeRef = useRef<HTMLInputElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each step moves the focus on
  useEffect(() => {
    if (enrolment) codeRef.current?.focus();
  }, [enrolment, attempt]);

  async function start() {
    setBusy(true);
    try {
      setEnrolment(await api<Enrolment>("POST", "/api/session/second-factor/enrolment"));
    } catch (e) {
      setError(e instanceof ApiError ? errorText(e) : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (code.trim() === "") {
      setError("確認コードを入力してください");
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const r = await api<{ recoveryCodes: string[] }>(
        "PUT",
        "/api/session/second-factor/enrolment",
        { code },
      );
      onDone(r.recoveryCodes);
    } catch (e) {
      setError(e instanceof ApiError ? errorText(e) : String(e));
      setCode("");
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  if (!enrolment) {
    return (
      <>
        {required && (
          <div className="alert alert-warning">
            <p>この自治体では二要素認証が必要です。設定が済むまで、ほかの画面は使えません。</p>
          </div>
        )}
        <p>
          ログインのとき、パスワードに加えて、スマートフォンの認証アプリ（Microsoft
          Authenticator、Google 認証システムなど）が表示する確認コードを使います。
        </p>
        {error && (
          <div className="alert alert-error" role="alert">
            <p>{error}</p>
          </div>
        )}
        <button type="button" className="button-primary" disabled={busy} onClick={start}>
          認証アプリを設定する
        </button>
      </>
    );
  }
  return (
    <form className="form-narrow second-factor" onSubmit={confirm} noValidate>
      <h2>1. 認証アプリで QR コードを読み取る</h2>
      <img
        className="second-factor-qr"
        src={enrolment.qrCode}
        alt="認証アプリに読み取らせる二要素認証の設定用 QR コード"
        width={200}
        height={200}
      />
      <p>
        読み取れないときは、アプリにこのキーを入力してください：
        <code className="second-factor-secret">{enrolment.secret}</code>
      </p>
      <h2>2. アプリに表示された確認コードを入力する</h2>
      <Field id="enrolment-code" label="確認コード（6桁）" error={error ?? undefined}>
        <input
          {...controlProps("enrolment-code", error ?? undefined)}
          ref={codeRef}
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </Field>
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? "確認しています…" : "設定を完了する"}
      </button>
    </form>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const { refresh } = useSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="second-factor">
      <h2 ref={headingRef} tabIndex={-1}>
        二要素認証を設定しました：回復コード
      </h2>
      <p>
        スマートフォンを使えないときは、確認コードの代わりに次の回復コードを1つずつ使えます（各コード1回限り）。
        この画面を閉じると二度と表示されません。印刷するか書き写して、安全な場所に保管してください。
      </p>
      <ul className="recovery-codes" aria-label="回復コード">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="button-primary" onClick={() => void refresh()}>
        保管しました。続ける
      </button>
    </section>
  );
}
