// ダッシュボード: a municipality's fiscal year at a glance for the planning division — the
// self-evaluation levels by department, targets met or not, the assessment's warnings and
// the indicators' change from last year, each table also as CSV.
import "./planning.css";
import { formatFiscalYear } from "../../../domain/era.ts";
import { query } from "../../api/client.ts";
import type { Dashboard, Overview } from "../../api/planning-types.ts";
import { useApi } from "../../api/use-api.ts";
import { useSignedIn } from "../../app/session.tsx";
import { LoadState } from "../../components/load-state.tsx";
import { usePageTitle } from "../../components/page-title.tsx";
import { DashboardProgress } from "../progress/dashboard-progress.tsx";
import { ConsistencyTable } from "./dashboard-consistency.tsx";
import { IndicatorTable, TargetTotals, WarningList } from "./dashboard-sections.tsx";
import { LevelChart } from "./level-chart.tsx";
import {
  MunicipalityPicker,
  useMunicipalityParam,
  useYearParam,
  YearPicker,
} from "./year-picker.tsx";

function CsvLinks({ municipality, year }: { municipality: string; year: number }) {
  const href = (table?: string) => `/api/dashboard.csv${query({ municipality, year, table })}`;
  return (
    <ul className="csv-links">
      <li>
        <a href={href()} download>
          CSV をダウンロード
        </a>
        <span className="hint">（部局別集計）</span>
      </li>
      <li>
        <a href={href("warnings")} download>
          警告一覧（CSV）
        </a>
      </li>
      <li>
        <a href={href("indicators")} download>
          指標の前年度比較（CSV）
        </a>
      </li>
      <li>
        <a href={href("consistency")} download>
          自己評価と実績の一致・達成率の分布（CSV）
        </a>
      </li>
    </ul>
  );
}

function DashboardBody({ dashboard }: { dashboard: Dashboard }) {
  const label = formatFiscalYear(dashboard.fiscalYear);
  if (dashboard.departments.length === 0) {
    return <p className="empty">{label}のマニフェストはまだありません。</p>;
  }
  return (
    <>
      <CsvLinks municipality={dashboard.municipality.code} year={dashboard.fiscalYear} />
      <section aria-labelledby="levels-title">
        <h2 id="levels-title">部局別の自己評価の分布</h2>
        <p className="hint">
          {dashboard.scale.name}の段階ごとに、各部局の目標の数を示します（下書きを含む最新の内容）。
        </p>
        <LevelChart dashboard={dashboard} />
      </section>
      <section aria-labelledby="targets-title">
        <h2 id="targets-title">達成目標の達成状況</h2>
        <TargetTotals dashboard={dashboard} />
      </section>
      <section aria-labelledby="consistency-title">
        <h2 id="consistency-title">自己評価と実績の整合</h2>
        <ConsistencyTable dashboard={dashboard} />
      </section>
      <section aria-labelledby="warnings-title">
        <h2 id="warnings-title">警告の一覧</h2>
        <WarningList dashboard={dashboard} />
      </section>
      <section aria-labelledby="indicators-title">
        <h2 id="indicators-title">指標の前年度比較</h2>
        <IndicatorTable dashboard={dashboard} />
      </section>
      <DashboardProgress municipality={dashboard.municipality.code} year={dashboard.fiscalYear} />
    </>
  );
}

function DashboardForYear({ municipality, year }: { municipality: string; year: number }) {
  const loaded = useApi<Dashboard>(`/api/dashboard${query({ municipality, year })}`);
  return (
    <LoadState loaded={loaded}>{(dashboard) => <DashboardBody dashboard={dashboard} />}</LoadState>
  );
}

export function DashboardPage() {
  usePageTitle("ダッシュボード");
  const { user } = useSignedIn();
  const municipality = useMunicipalityParam();
  const year = useYearParam();
  const named = user.municipalityCode === null ? (municipality ?? undefined) : undefined;
  const steward = user.role === "planning" || user.role === "admin";
  // The overview knows the years with manifestos and which one is the newest.
  const years = useApi<Overview>(
    municipality === null || !steward ? null : `/api/overview${query({ municipality: named })}`,
  );
  return (
    <>
      <h1>ダッシュボード</h1>
      {!steward ? (
        <p className="alert alert-error" role="alert">
          ダッシュボードは企画課と管理者だけが見られます。
        </p>
      ) : municipality === null ? (
        <>
          <p>表示する自治体の団体コードを入力してください。</p>
          <MunicipalityPicker />
        </>
      ) : (
        <LoadState loaded={years}>
          {(overview) => {
            const shown = year ?? overview.fiscalYear;
            return (
              <>
                <p className="lead-text">
                  {overview.municipality.name} {formatFiscalYear(shown)}
                </p>
                <div className="page-tools">
                  <YearPicker years={overview.fiscalYears.map((y) => y.year)} current={shown} />
                </div>
                <DashboardForYear municipality={overview.municipality.code} year={shown} />
              </>
            );
          }}
        </LoadState>
      )}
    </>
  );
}
