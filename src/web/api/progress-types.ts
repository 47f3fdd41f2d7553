// The progress report API's answers (src/server/api/progress-reports.ts).
import type { ProgressReportPermissions } from "../../domain/permissions-progress.ts";
import type { ProgressEntry } from "../../domain/progress-report/report.ts";

export interface ProgressReportAnswer {
  manifesto: {
    id: number;
    municipalityCode: string;
    fiscalYear: number;
    departmentName: string;
    state: string;
  };
  goals: {
    number: number;
    title: string;
    targets: {
      index: number;
      label: string | null;
      text: string;
      numeric: { indicator: string; unit: string } | null;
    }[];
  }[];
  statuses: { label: string; behind: boolean }[];
  reports: {
    id: number;
    state: string;
    revision: number;
    revisions: number;
    entries: ProgressEntry[];
    updatedAt: string;
    submittedAt: string | null;
    acknowledgedAt: string | null;
  }[];
  comments: { id: number; reportId: number; author: string; body: string; createdAt: string }[];
  due: { status: "due" | "late"; dueDate: string } | null;
  allowed: ProgressReportPermissions;
}

export interface ProgressOverviewAnswer {
  fiscalYear: number;
  today: string;
  departments: {
    manifestoId: number;
    departmentId: number;
    name: string;
    state: string;
    report: { id: number; state: string } | null;
    due: { status: "due" | "late"; dueDate: string } | null;
    goals: {
      number: number;
      title: string;
      latest: {
        asOf: string;
        status: string | null;
        note: string | null;
        reportState: string;
      } | null;
      lastUpdated: string;
      stale: boolean;
      behind: boolean;
    }[];
  }[];
}
