// 初期設定: the first-run set-up of a municipality in the browser. Each step saves as it is
// done, so it can be left and resumed; the list at the top says what is still missing.
import "../planning/planning.css";
import "./admin.css";
import { Link, useNavigate } from "react-router";
import { useApi } from "../../api/use-api.ts";
import { useSignedIn } from "../../app/session.tsx";
import { LoadState } from "../../components/load-state.tsx";
import { usePageTitle } from "../../components/page-title.tsx";
import { AdminNav, useAdminMunicipality } from "./admin-parts.tsx";
import {
  adminPath,
  type Department,
  type MasterData,
  type MunicipalityList,
  type PlanItem,
} from "./admin-types.ts";
import { AddDepartments, DepartmentOrder, orderKey } from "./departments-page.tsx";
import { FirstAccounts } from "./first-accounts.tsx";
import { PlanEditor } from "./plan-page.tsx";
import { RegisterMunicipality } from "./register-municipality.tsx";
import { ScaleEditor } from "./scale-page.tsx";
import { SettingsForm } from "./settings-page.tsx";

function Steps({ data }: { data: MasterData }) {
  const missing = data.steps.filter((s) => !s.done);
  return (
    <section aria-labelledby="setup-steps-h">
      <h2 id="setup-steps-h">進み具合</h2>
      <p role="status">
        {missing.length === 0
          ? "初期設定はすべて済みました。全体状況から年度のマニフェストを始められます。"
          : `残り ${missing.length} 項目です。途中でやめても、入力済みの内容は保存されています。`}
      </p>
      <ol className="setup-steps">
        {data.steps.map((s) => (
          <li key={s.id}>
            <a href={`#step-${s.id}`}>{s.title}</a>{" "}
            {s.done ? (
              <span className="step-done">済</span>
            ) : (
              <span className="step-missing">未了: {s.missing}</span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function SetupBody({ data, reload }: { data: MasterData; reload(): void }) {
  const departments = useApi<{ departments: Department[] }>(adminPath(data.code, "/departments"));
  const plan = useApi<{ items: PlanItem[] }>(adminPath(data.code, "/plan"));
  const refreshDepartments = () => {
    departments.reload();
    reload();
  };
  return (
    <>
      <p className="lead-text">
        {data.prefecture} {data.name}（{data.code}）
      </p>
      <Steps data={data} />
      <section className="setup-section" id="step-municipality" aria-labelledby="s1">
        <h2 id="s1">1. 自治体</h2>
        <SettingsForm data={data} onSaved={reload} />
      </section>
      <section className="setup-section" id="step-document" aria-labelledby="s2">
        <h2 id="s2">2. 文書名</h2>
        <SettingsForm
          key={`doc-${data.documentTitle}`}
          data={data}
          onSaved={reload}
          fields="document"
        />
      </section>
      <section className="setup-section" id="step-scale" aria-labelledby="s3">
        <h2 id="s3">3. 評価段階</h2>
        <ScaleEditor data={data} onSaved={reload} />
      </section>
      <section className="setup-section" id="step-departments" aria-labelledby="s4">
        <h2 id="s4">4. 部局</h2>
        <LoadState loaded={departments}>
          {({ departments: list }) => (
            <DepartmentOrder
              key={orderKey(list)}
              code={data.code}
              departments={list}
              manage={data.allowed.manage}
              onSaved={refreshDepartments}
            />
          )}
        </LoadState>
        <AddDepartments code={data.code} onAdded={refreshDepartments} />
      </section>
      <section className="setup-section" id="step-plan" aria-labelledby="s5">
        <h2 id="s5">5. 施策・基本事業</h2>
        <LoadState loaded={plan}>
          {({ items }) => (
            <PlanEditor
              key={items.map((i) => i.code).join(",")}
              code={data.code}
              items={items}
              manage={data.allowed.manage}
              onSaved={() => {
                plan.reload();
                reload();
              }}
            />
          )}
        </LoadState>
      </section>
      <section className="setup-section" id="step-accounts" aria-labelledby="s6">
        <h2 id="s6">6. アカウント</h2>
        <FirstAccounts
          code={data.code}
          departments={departments.data?.departments ?? []}
          onCreated={reload}
        />
      </section>
    </>
  );
}

function Start() {
  const { user } = useSignedIn();
  const navigate = useNavigate();
  const list = useApi<MunicipalityList>("/api/admin/municipalities");
  return (
    <LoadState loaded={list}>
      {(l) => (
        <>
          {l.municipalities.length > 0 && (
            <section aria-labelledby="resume-h">
              <h2 id="resume-h">登録済みの自治体の設定を続ける</h2>
              <ul className="municipality-list">
                {l.municipalities.map((m) => (
                  <li key={m.code}>
                    <Link to={`/setup?municipality=${m.code}`}>
                      {m.name}（{m.code}）
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {l.allowed.create ? (
            <section aria-labelledby="new-h">
              <h2 id="new-h">自治体を登録する</h2>
              <RegisterMunicipality
                initialCode={l.unregistered ?? ""}
                onRegistered={(code) =>
                  user.municipalityCode === null
                    ? navigate(`/setup?municipality=${code}`)
                    : navigate(0)
                }
              />
            </section>
          ) : (
            l.municipalities.length === 0 && (
              <p>自治体の登録はシステム管理者が行います。管理者に連絡してください。</p>
            )
          )}
        </>
      )}
    </LoadState>
  );
}

export function SetupPage() {
  usePageTitle("初期設定");
  const code = useAdminMunicipality();
  const loaded = useApi<MasterData>(code === null ? null : adminPath(code));
  // The user's own municipality not registered yet: the registration is the first step.
  const unregistered = loaded.error?.status === 404;
  return (
    <>
      <h1>初期設定</h1>
      {code === null || unregistered ? (
        <Start />
      ) : (
        <>
          <AdminNav />
          <LoadState loaded={loaded}>
            {(data) => <SetupBody data={data} reload={loaded.reload} />}
          </LoadState>
        </>
      )}
    </>
  );
}
