// Pieces every administration page shares: which municipality it is about, the sub-navigation
// between the pages, the problems of a refused save, a hook that sends a change, and an
// editor's draft with its way back to what is saved.
import { useState } from "react";
import { NavLink, useSearchParams } from "react-router";
import { ApiError, api } from "../../api/client.ts";
import { errorText } from "../../api/error-text.ts";
import { useApi } from "../../api/use-api.ts";
import { useSignedIn } from "../../app/session.tsx";
import type { MunicipalityList } from "./admin-types.ts";

/** The municipality administered: the user's own, or the one an installation administrator picked. */
export function useAdminMunicipality(): string | null {
  const { user } = useSignedIn();
  const [params] = useSearchParams();
  const named = params.get("municipality");
  return user.municipalityCode ?? (named && /^\d{6}$/.test(named) ? named : null);
}

/** `?municipality=…` for links, when an installation administrator picked one. */
export function useMunicipalityQuery(): string {
  const { user } = useSignedIn();
  const code = useAdminMunicipality();
  return user.municipalityCode === null && code ? `?municipality=${code}` : "";
}

const PAGES = [
  { to: "/admin", label: "自治体設定", end: true },
  { to: "/admin/scale", label: "評価段階" },
  { to: "/admin/departments", label: "部局" },
  { to: "/admin/plan", label: "施策・基本事業" },
  { to: "/admin/indicators", label: "指標" },
  { to: "/setup", label: "初期設定の進み具合" },
];

export function AdminNav() {
  const q = useMunicipalityQuery();
  return (
    <nav aria-label="自治体の管理" className="admin-nav">
      <ul>
        {PAGES.map((p) => (
          <li key={p.to}>
            <NavLink to={`${p.to}${q}`} end={p.end ?? false}>
              {p.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** For an installation administrator without a municipality chosen: the list to choose from. */
export function MunicipalityChooser({ to }: { to: string }) {
  const loaded = useApi<MunicipalityList>("/api/admin/municipalities");
  if (loaded.data === null) return loaded.error ? <Problems error={loaded.error} /> : null;
  const list = loaded.data.municipalities;
  return (
    <div>
      {list.length === 0 ? (
        <p>まだ自治体が登録されていません。</p>
      ) : (
        <>
          <p>管理する自治体を選んでください。</p>
          <ul className="municipality-list">
            {list.map((m) => (
              <li key={m.code}>
                <NavLink to={`${to}?municipality=${m.code}`}>
                  {m.name}（{m.code}）
                </NavLink>
              </li>
            ))}
          </ul>
        </>
      )}
      {loaded.data.allowed.create && (
        <p>
          <NavLink to="/setup">新しい自治体を登録する（初期設定）</NavLink>
        </p>
      )}
    </div>
  );
}

/** A refused or failed request: the message, and each problem with the field it names. */
export function Problems({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{errorText(error)}</p>
      {error.fields.length > 0 && (
        <ul className="admin-problems">
          {error.fields.map((f) => (
            <li key={`${f.path}:${f.message}`}>
              {f.path && <strong>{f.path}: </strong>}
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Sends a change; keeps the error to show and a success message to announce. */
export function useSend() {
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function send<T>(
    method: "POST" | "PUT" | "PATCH" | "DELETE",
    path: string,
    body: unknown,
    success: string,
  ): Promise<T | null> {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await api<T>(method, path, body);
      setDone(success);
      return result;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, "unknown", String(e)));
      return null;
    } finally {
      setBusy(false);
    }
  }
  const clear = () => {
    setError(null);
    setDone(null);
  };
  return { send, error, done, busy, setError, clear };
}

/**
 * An editor's draft of what is saved, whether it differs, and the way back. A refused save
 * keeps the draft, so the person can correct it; 変更を取り消す returns to what is saved
 * and calls `onRevert` (the editor clears its refusal).
 */
export function useDraft<T>(savedDraft: () => T, onRevert: () => void) {
  const [draft, setDraft] = useState(savedDraft);
  const changed = JSON.stringify(draft) !== JSON.stringify(savedDraft());
  const revert = () => {
    setDraft(savedDraft());
    onRevert();
  };
  return { draft, setDraft, changed, revert };
}

export function RevertButton({ changed, onRevert }: { changed: boolean; onRevert(): void }) {
  return (
    <button type="button" disabled={!changed} onClick={onRevert}>
      変更を取り消す
    </button>
  );
}

export function Done({ text }: { text: string | null }) {
  return (
    <p className="admin-done" role="status">
      {text ?? ""}
    </p>
  );
}
