// 自治体設定: the municipality's name, reading, prefecture and the manifesto's title and
// subtitle (the form is also a step of the first-run set-up, setup-page.tsx); below, the
// progress report's words (progress-settings.tsx), the second self-evaluation and the
// municipality's own tag vocabularies (issue 17), and the sign-in policy.
import "../planning/planning.css";
import "./admin.css";
import { type FormEvent, useId, useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { LoadState } from "../../components/load-state.tsx";
import { usePageTitle } from "../../components/page-title.tsx";
import {
  AdminNav,
  Done,
  MunicipalityChooser,
  Problems,
  useAdminMunicipality,
  useSend,
} from "./admin-parts.tsx";
import { adminPath, type MasterData } from "./admin-types.ts";
import { ProgressSettingsSection } from "./progress-settings.tsx";
import { ScoreScaleEditor } from "./score-scale-editor.tsx";
import { SignInPolicySection } from "./sign-in-policy.tsx";
import { TagVocabulariesEditor } from "./tag-vocabularies-editor.tsx";

export function SettingsForm({
  data,
  onSaved,
  fields = "all",
}: {
  data: MasterData;
  onSaved(next: MasterData): void;
  fields?: "all" | "document";
}) {
  const id = useId();
  const [v, setV] = useState({
    name: data.name,
    nameKana: data.nameKana ?? "",
    prefecture: data.prefecture ?? "",
    documentTitle: data.documentTitle ?? "",
    documentSubtitle: data.documentSubtitle ?? "",
  });
  const { send, error, done, busy } = useSend();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const body =
      fields === "document"
        ? { documentTitle: v.documentTitle || null, documentSubtitle: v.documentSubtitle || null }
        : {
            name: v.name,
            nameKana: v.nameKana || null,
            prefecture: v.prefecture || null,
            documentTitle: v.documentTitle || null,
            documentSubtitle: v.documentSubtitle || null,
          };
    const next = await send<MasterData>("PATCH", adminPath(data.code), body, "保存しました。");
    if (next) onSaved(next);
  }
  const field = (k: keyof typeof v, label: string, hint?: string) => (
    <div>
      <label htmlFor={`${id}-${k}`}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-${k}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={`${id}-${k}`}
        value={v[k]}
        onChange={set(k)}
        disabled={!data.allowed.manage}
        {...(hint && { "aria-describedby": `${id}-${k}-hint` })}
      />
    </div>
  );
  return (
    <form className="admin-form" onSubmit={submit}>
      {fields === "all" && (
        <>
          <p>団体コード: {data.code}</p>
          {field("name", "団体名")}
          {field("nameKana", "よみがな")}
          {field("prefecture", "都道府県")}
        </>
      )}
      {field("documentTitle", "文書名", "例: 部局マニフェスト、部局経営目標、実行宣言")}
      {field(
        "documentSubtitle",
        "副題",
        "表紙や公開ページで文書名の下に出ます（空でもかまいません）",
      )}
      <Problems error={error} />
      {data.allowed.manage && (
        <div className="admin-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            保存
          </button>
        </div>
      )}
      <Done text={done} />
    </form>
  );
}

export function SettingsPage() {
  usePageTitle("自治体設定");
  const code = useAdminMunicipality();
  const loaded = useApi<MasterData>(code === null ? null : adminPath(code));
  return (
    <>
      <h1>自治体設定</h1>
      {code === null ? (
        <MunicipalityChooser to="/admin" />
      ) : (
        <>
          <AdminNav />
          <LoadState loaded={loaded}>
            {(data) => (
              <>
                <p className="lead-text">{data.name}</p>
                <SettingsForm data={data} onSaved={loaded.reload} />
                <ProgressSettingsSection code={data.code} />
                <ScoreScaleEditor data={data} onSaved={loaded.reload} />
                <TagVocabulariesEditor data={data} onSaved={loaded.reload} />
                <SignInPolicySection code={data.code} />
              </>
            )}
          </LoadState>
        </>
      )}
    </>
  );
}
