// 全体状況: the planning division's view of a fiscal year — every department with its phase,
// state, deadline, last change and warnings; the year's deadlines; opening a new year; and
// the booklet of the published manifestos. The home page of planning and administrators.
import "./planning.css";
import { useState } from "react";
import { query } from "../../api/client.ts";
import type { FiscalYearOpening, Overview } from "../../api/planning-types.ts";
import { useApi } from "../../api/use-api.ts";
import { useSignedIn } from "../../app/session.tsx";
import { LoadState } from "../../components/load-state.tsx";
import { usePageTitle } from "../../components/page-title.tsx";
import { BlankDraftsButton } from "../admin/blank-drafts-button.tsx";
import { NotSetUp } from "../admin/not-set-up.tsx";
import { TodoPanel } from "../todo/todo-panel.tsx";
import { BookletPanel } from "./booklet-panel.tsx";
import { DeadlinesForm } from "./deadlines-form.tsx";
import { DepartmentDeadlinesForm } from "./department-deadlines-form.tsx";
import { OpeningResult, OpenYearButton } from "./open-year.tsx";
import { yearIsEmpty } from "./overview-rows.ts";
import { OverviewTable } from "./overview-table.tsx";
import {
  MunicipalityPicker,
  useMunicipalityParam,
  useYearParam,
  YearPicker,
} from "./year-picker.tsx";

const PUBLISHED = new Set(["published", "results_published"]);

function EmptyYear({
  overview,
  municipality,
  onOpened,
  onBlank,
}: {
  overview: Overview;
  municipality: string | undefined;
  onOpened(result: FiscalYearOpening): void;
  onBlank(): void;
}) {
  const carried = overview.departments.length;
  return (
    <div className="empty-year">
      <p>{overview.fiscalYearLabel}のマニフェストはまだありません。</p>
      {overview.allowed.open ? (
        <>
          <p className="hint">
            「年度を開始」で前年度のマニフェストを下書きとしてコピーします
            {carried > 0
              ? `（${carried}部局）`
              : "（前年度のマニフェストがない部局は作られません）"}
            。部局ごとに取り込みから登録することもできます。
          </p>
          <OpenYearButton
            municipality={municipality}
            year={overview.fiscalYear}
            departments={carried}
            onOpened={onOpened}
          />
          <BlankDraftsButton
            municipality={overview.municipality.code}
            year={overview.fiscalYear}
            yearLabel={overview.fiscalYearLabel}
            onDone={onBlank}
          />
        </>
      ) : (
        <p className="hint">企画課に年度の開始を依頼してください。</p>
      )}
    </div>
  );
}

function OverviewBody({
  overview,
  municipality,
  reload,
}: {
  overview: Overview;
  municipality: string | undefined;
  reload(): void;
}) {
  const [opening, setOpening] = useState<FiscalYearOpening | null>(null);
  const empty = yearIsEmpty(overview.departments);
  const published = overview.departments.filter(
    (d) => d.state !== null && PUBLISHED.has(d.state),
  ).length;
  const shownOpening = opening?.fiscalYear === overview.fiscalYear ? opening : null;
  return (
    <>
      <div className="page-tools">
        <YearPicker
          years={overview.fiscalYears.map((y) => y.year)}
          current={overview.fiscalYear}
          offerNext={overview.allowed.open}
        />
      </div>
      {shownOpening && <OpeningResult result={shownOpening} />}
      <h2>{overview.fiscalYearLabel}の部局</h2>
      {empty ? (
        <EmptyYear
          overview={overview}
          municipality={municipality}
          onOpened={(result) => {
            setOpening(result);
            reload();
          }}
          onBlank={reload}
        />
      ) : (
        <OverviewTable
          rows={overview.departments}
          caption={`${overview.municipality.name} ${overview.fiscalYearLabel}の部局マニフェスト`}
        />
      )}
      <DeadlinesForm
        municipality={municipality}
        year={overview.fiscalYear}
        deadlines={overview.deadlines}
        editable={overview.allowed.setDeadlines}
        onSaved={reload}
      />
      {overview.allowed.setDeadlines && (
        <DepartmentDeadlinesForm
          municipality={municipality}
          year={overview.fiscalYear}
          departments={overview.departments.map((r) => r.department)}
          onSaved={reload}
        />
      )}
      {overview.allowed.open && !empty && (
        <BookletPanel
          municipality={overview.municipality.code}
          year={overview.fiscalYear}
          yearLabel={overview.fiscalYearLabel}
          published={published}
        />
      )}
    </>
  );
}

export function OverviewPage() {
  usePageTitle("全体状況");
  const { user } = useSignedIn();
  const municipality = useMunicipalityParam();
  const year = useYearParam();
  // Only an installation administrator names the municipality; everyone else has their own.
  const named = user.municipalityCode === null ? (municipality ?? undefined) : undefined;
  const path =
    municipality === null ? null : `/api/overview${query({ year, municipality: named })}`;
  const loaded = useApi<Overview>(path);
  return (
    <>
      <h1>全体状況</h1>
      {municipality !== null && <TodoPanel />}
      {municipality === null ? (
        <>
          <p>表示する自治体の団体コードを入力してください。</p>
          <MunicipalityPicker />
        </>
      ) : loaded.error?.status === 404 ? (
        <NotSetUp admin={user.role === "admin"} />
      ) : (
        <LoadState loaded={loaded}>
          {(overview) => (
            <>
              <p className="lead-text">{overview.municipality.name}</p>
              <OverviewBody overview={overview} municipality={named} reload={loaded.reload} />
            </>
          )}
        </LoadState>
      )}
    </>
  );
}
