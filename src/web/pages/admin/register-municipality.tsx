// The set-up's first step: a municipality by its 全国地方公共団体コード. The code is checked
// (check digit) and looked up in the bundled list, which fills in the name, prefecture and
// reading; each stays editable before registering.
import { type FormEvent, useId, useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { Problems, useSend } from "./admin-parts.tsx";
import type { MasterData } from "./admin-types.ts";

interface Found {
  code: string;
  name: string;
  prefecture: string;
  nameKana: string;
}

export function RegisterMunicipality({
  initialCode,
  onRegistered,
}: {
  initialCode: string;
  onRegistered(code: string): void;
}) {
  const id = useId();
  const [code, setCode] = useState(initialCode);
  const [v, setV] = useState({ name: "", prefecture: "", nameKana: "" });
  const [looked, setLooked] = useState<string | null>(null);
  const [lookupError, setLookupError] = useState<ApiError | null>(null);
  const register = useSend();
  async function lookUp() {
    setLookupError(null);
    const c = code.normalize("NFKC").trim();
    try {
      const found = await api<Found>(
        "GET",
        `/api/admin/local-governments/${encodeURIComponent(c)}`,
      );
      setV({ name: found.name, prefecture: found.prefecture, nameKana: found.nameKana });
      setLooked(`一覧の ${found.prefecture} ${found.name} を入れました。必要なら直してください。`);
    } catch (e) {
      setLooked(null);
      setLookupError(e instanceof ApiError ? e : new ApiError(0, "unknown", String(e)));
    }
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    const c = code.normalize("NFKC").trim();
    const r = await register.send<MasterData>(
      "POST",
      "/api/admin/municipalities",
      { code: c, name: v.name, prefecture: v.prefecture || null, nameKana: v.nameKana || null },
      "自治体を登録しました。",
    );
    if (r) onRegistered(r.code);
  }
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  return (
    <form className="admin-form" onSubmit={submit}>
      <label htmlFor={`${id}-code`}>全国地方公共団体コード（6桁）</label>
      <p className="hint" id={`${id}-code-hint`}>
        例: 名張市は 242080。6桁目は検査数字です。
      </p>
      <input
        id={`${id}-code`}
        inputMode="numeric"
        autoComplete="off"
        value={code}
        aria-describedby={`${id}-code-hint`}
        onChange={(e) => setCode(e.target.value)}
      />
      <div className="admin-actions">
        <button type="button" onClick={lookUp}>
          団体コードを確認
        </button>
      </div>
      <p role="status" className="admin-done">
        {looked ?? ""}
      </p>
      <Problems error={lookupError} />
      <label htmlFor={`${id}-name`}>団体名</label>
      <input id={`${id}-name`} value={v.name} onChange={set("name")} />
      <label htmlFor={`${id}-pref`}>都道府県</label>
      <input id={`${id}-pref`} value={v.prefecture} onChange={set("prefecture")} />
      <label htmlFor={`${id}-kana`}>よみがな</label>
      <input id={`${id}-kana`} value={v.nameKana} onChange={set("nameKana")} />
      <Problems error={register.error} />
      <div className="admin-actions">
        <button type="submit" className="button-primary" disabled={register.busy}>
          自治体を登録
        </button>
      </div>
    </form>
  );
}
