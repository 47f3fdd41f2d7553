// The planning division's routes of the staff API: a fiscal year's overview, its phase
// deadlines, and opening it. Thin: parse, one service, present. Shapes (JSON):
//
// GET /api/overview?year=2023[&municipality=242161] → 200
//   { municipality: { code, name }, fiscalYear, fiscalYearLabel: "2023（令和5）年度",
//     fiscalYears: [{ year, label }] (newest first), deadlines: { plan, evaluation }
//     ("YYYY-MM-DD" | null), today: "YYYY-MM-DD" (Tokyo),
//     departments: [{ department: { id, code, name }, manifesto: { id, revision }|null,
//       phase: "plan"|"evaluation"|null, state: string|null, stateLabel: string|null,
//       deadline: "YYYY-MM-DD"|null, overdue: boolean,
//       lastChange: { at: ISO, by: actor|null, byName: string|null }|null,
//       warnings: number|null, notices: number|null, allowed: ManifestoPermissions }],
//     allowed: { read, open, setDeadlines } }
//   `year` omitted: the newest year with manifestos. Department roles get their own row.
// GET /api/deadlines?year=2023[&municipality=] → 200
//   { municipalityCode, fiscalYear, deadlines: [{ phase, dueDate, updatedAt, updatedBy }],
//     allowed: { read, open, setDeadlines } }
// PUT /api/deadlines { municipality?, year, phase: "plan"|"evaluation", dueDate: "YYYY-MM-DD"|null,
//   department?: id }  → 200 { municipalityCode, fiscalYear, phase, dueDate, departmentId? }
//   (null clears it; with department, that department's own deadline, overriding the
//   municipality's for it; GET lists them as departmentDeadlines)
// POST /api/fiscal-years { municipality?, year } → 201 when drafts were made, else 200:
//   { municipalityCode, fiscalYear, created: [{ departmentId, departmentName, manifestoId,
//     fromManifestoId }], existing: [{ departmentId, departmentName, manifestoId }], message }
//
// `municipality` may be omitted by anyone but an installation administrator (their own).
// Another municipality: 404. Setting deadlines and opening a year: planning and admin (403).
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { PHASES } from "../../domain/deadlines.ts";
import { formatFiscalYear } from "../../domain/era.ts";
import { fiscalYearSchema, municipalityCodeSchema } from "../../domain/manifesto/schema.ts";
import { getYearOverview } from "../../services/planning/get-year-overview.ts";
import { listYearDeadlines } from "../../services/planning/list-deadlines.ts";
import { openFiscalYear } from "../../services/planning/open-fiscal-year.ts";
import { setDeadline } from "../../services/planning/set-deadline.ts";
import { requireStaff } from "../auth/session-plugin.ts";
import { calendarDate } from "./db-values.ts";
import { parseInput } from "./parse.ts";

const yearInQuery = z.coerce.number().pipe(fiscalYearSchema);

export const overviewQuery = z.strictObject({
  year: yearInQuery.optional(),
  municipality: municipalityCodeSchema.optional(),
});

export const deadlinesQuery = z.strictObject({
  year: yearInQuery,
  municipality: municipalityCodeSchema.optional(),
});

export const deadlineBody = z.strictObject({
  municipality: municipalityCodeSchema.optional(),
  year: fiscalYearSchema,
  phase: z.enum(PHASES),
  dueDate: calendarDate.nullable(),
  /** A department's own deadline (its id), overriding the municipality's for it. */
  department: z.number().int().positive().optional(),
});

export const fiscalYearBody = z.strictObject({
  municipality: municipalityCodeSchema.optional(),
  year: fiscalYearSchema,
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function registerPlanningRoutes(
  api: FastifyInstance,
  deps: { db: Kysely<Database>; now: () => Date },
) {
  api.get("/overview", async (request) => {
    const ctx = requireStaff(request, deps);
    const query = parseInput(overviewQuery, request.query, "the query");
    const o = await getYearOverview(
      ctx,
      { municipalityCode: query.municipality, fiscalYear: query.year },
      deps.now(),
    );
    return {
      ...o,
      fiscalYearLabel: formatFiscalYear(o.fiscalYear),
      fiscalYears: o.fiscalYears.map((year) => ({ year, label: formatFiscalYear(year) })),
      departments: o.departments.map((d) => ({
        ...d,
        lastChange: d.lastChange && { ...d.lastChange, at: d.lastChange.at.toISOString() },
      })),
    };
  });

  api.get("/deadlines", async (request) => {
    const ctx = requireStaff(request, deps);
    const query = parseInput(deadlinesQuery, request.query, "the query");
    const found = await listYearDeadlines(ctx, {
      municipalityCode: query.municipality,
      fiscalYear: query.year,
    });
    return {
      ...found,
      deadlines: found.deadlines.map((d) => ({ ...d, updatedAt: iso(d.updatedAt) })),
    };
  });

  api.put("/deadlines", async (request) => {
    const ctx = requireStaff(request, deps);
    const body = parseInput(deadlineBody, request.body, "the deadline");
    return setDeadline(ctx, {
      municipalityCode: body.municipality,
      fiscalYear: body.year,
      phase: body.phase,
      dueDate: body.dueDate,
      departmentId: body.department,
    });
  });

  api.post("/fiscal-years", async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const body = parseInput(fiscalYearBody, request.body, "the fiscal year");
    const opened = await openFiscalYear(ctx, {
      municipalityCode: body.municipality,
      fiscalYear: body.year,
    });
    return reply.status(opened.created.length > 0 ? 201 : 200).send(opened);
  });
}
