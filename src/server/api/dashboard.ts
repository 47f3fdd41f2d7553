// The planning division's dashboard (signed in; planning and administrators of the
// municipality, and the installation's administrator). Thin: parse, one service, present.
//
// GET /api/dashboard?municipality=242161&year=2023 → 200
// {
//   municipality: { code, name }, fiscalYear,
//   scale: { name, levels: [{ level, label }] },         // the municipality's scale, else the default
//   departments: [{                                     // department order, then name; drafts included
//     manifestoId, departmentId, name, state, revision,
//     goals, levels: [{ level, label, count }],          // one per scale level, in the scale's order
//     unevaluated, otherLevels,                          // goals with no level / a level not in the scale
//     targets: { met, not_met, unknown }, warnings, notices,
//     consistency: { compared, agreeing, share /* 0–1 or null */, ratios,
//                    distribution: [{ key, label, count, justReached }] }
//   }],
//   totals: { goals, levels, unevaluated, otherLevels, targets, warnings, notices },
//   warnings: [{ manifestoId, department, goalNumber, goalTitle,
//                target /* 0-based or null */, code, message /* Japanese */ }],
//   indicators: [{                                      // each indicator measured this year
//     indicator: { key, name, unit },
//     previous: { fiscalYear, value, source: "actual" | "baseline" } | null,
//     current: { value } | null,                         // this year's actual
//     target: { comparator, value } | null,
//     change: number | null,                             // current − previous
//     trend: "better" | "worse" | "same" | null,          // by the target's comparator
//     targets: [{ manifestoId, department, goalNumber, target, comparator, targetValue, actual }]
//   }],
//   consistency: { … as per department, over the whole year },
//   allowed: { read: true }
// }
// Click-through to a goal: /api/manifestos/:manifestoId, goal `goalNumber`.
//
// GET /api/dashboard.csv?municipality=242161&year=2023[&table=departments|warnings|indicators|consistency]
//   → text/csv; UTF-8 with BOM, CRLF; one table per file (default departments), as a download.
//
// 400 names the bad query field; 401 without a session; 404 for another municipality (or
// none); 403 for other roles of the same municipality.
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { fiscalYearSchema, municipalityCodeSchema } from "../../domain/manifesto/schema.ts";
import { dashboardPermissions } from "../../domain/permissions.ts";
import {
  DASHBOARD_TABLES,
  type DashboardTable,
  dashboardCsv,
} from "../../reports/csv/dashboard.ts";
import { getPlanningDashboard } from "../../services/planning/get-dashboard.ts";
import { requireStaff } from "../auth/session-plugin.ts";
import { contentDisposition } from "../portal/urls.ts";
import { parseInput } from "./parse.ts";

const year = z
  .string()
  .regex(/^[0-9]{4}$/, "must be a fiscal year such as 2023")
  .transform(Number)
  .pipe(fiscalYearSchema);

const dashboardQuery = z.strictObject({ municipality: municipalityCodeSchema, year });
const csvQuery = dashboardQuery.extend({ table: z.enum(DASHBOARD_TABLES).optional() });

const FILE_NAMES: Record<DashboardTable, string> = {
  departments: "部局別集計",
  warnings: "警告一覧",
  indicators: "指標の前年度比較",
  consistency: "自己評価と実績の一致",
};

export function registerDashboardRoutes(api: FastifyInstance, deps: { db: Kysely<Database> }) {
  api.get("/dashboard", async (request) => {
    const ctx = requireStaff(request, deps);
    const q = parseInput(dashboardQuery, request.query, "the query");
    const dashboard = await getPlanningDashboard(ctx, q.municipality, q.year);
    return { ...dashboard, allowed: dashboardPermissions(ctx.user, q.municipality) };
  });

  api.get("/dashboard.csv", async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const q = parseInput(csvQuery, request.query, "the query");
    const table = q.table ?? "departments";
    const dashboard = await getPlanningDashboard(ctx, q.municipality, q.year);
    return reply
      .type("text/csv; charset=utf-8")
      .header(
        "content-disposition",
        contentDisposition(`${q.municipality}-${q.year}-${FILE_NAMES[table]}.csv`),
      )
      .send(dashboardCsv(dashboard, table));
  });
}
