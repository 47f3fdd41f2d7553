// Master data of the staff API (issue #10): municipalities, their settings and set-up steps,
// departments, the plan structure, accounts from a CSV and the indicator registry. Thin:
// parse, one service, answer. Problems come back in Japanese with Japanese field names.
//
// GET   /api/admin/municipalities → { municipalities: [{code,name}], unregistered, allowed }
// GET   /api/admin/local-governments/:code → { code, name, prefecture, nameKana } (bundled list)
// POST  /api/admin/municipalities { code, name, prefecture?, nameKana?, … } → 201 summary
// GET   /api/admin/municipalities/:code → summary { …settings, steps, allowed }
// PATCH /api/admin/municipalities/:code { name?, nameKana?, prefecture?, documentTitle?,
//        documentSubtitle?, evaluationScale?, scoreScale?, tagVocabularies? } → summary
// GET   …/:code/departments → { departments }            POST …/departments { departments? | table? }
// PATCH …/:code/departments/:id { code?, headTitle?, …, rename?: { name, fromYear } }
// PUT   …/:code/departments/order { ids }                POST …/departments/:id/retire { fromYear|null }
// POST  …/:code/departments/reorganise { fromYear, predecessorIds, successors }
// DELETE …/:code/departments/:id (never used only)
// GET/PUT …/:code/plan ({ csv } | { items })              POST …/:code/accounts { csv }
// GET   …/:code/indicators   PATCH …/indicators/:id   POST …/indicators/:id/merge { into }
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { SCALE_PRESETS } from "../../domain/master-data/scale-presets.ts";
import { NotFoundError, ValidationError } from "../../errors.ts";
import {
  addDepartments,
  changeDepartment,
  listDepartments,
  removeDepartment,
  reorderDepartments,
  reorganiseDepartments,
  retireDepartment,
} from "../../services/master-data/departments.ts";
import {
  getMasterData,
  listAdministeredMunicipalities,
} from "../../services/master-data/get-master-data.ts";
import { importAccounts } from "../../services/master-data/import-accounts.ts";
import {
  changeIndicator,
  listIndicatorRegistry,
  mergeIndicators,
} from "../../services/master-data/indicators.ts";
import { lookUpLocalGovernment } from "../../services/master-data/local-government-codes.ts";
import {
  createMunicipality,
  saveMunicipalitySettings,
} from "../../services/master-data/municipality-settings.ts";
import { readPlan, savePlan } from "../../services/master-data/plan.ts";
import { startBlankDrafts } from "../../services/master-data/start-blank-drafts.ts";
import { requireStaff } from "../auth/session-plugin.ts";
import type { RouteDoc } from "./openapi-routes.ts";

const BODY = 1024 * 1024;

const codeParams = z.strictObject({ code: z.string().regex(/^\d{6}$/) });
const idParams = codeParams.extend({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/)
    .transform(Number),
});

const optionalText = z.string().nullable().optional();
export const settingsBody = z.strictObject({
  name: z.string().optional(),
  nameKana: optionalText,
  prefecture: optionalText,
  documentTitle: optionalText,
  documentSubtitle: optionalText,
  evaluationScale: z.unknown().optional(),
  scoreScale: z.unknown().optional(),
  tagVocabularies: z.unknown().optional(),
});
// Registering takes the names and scale; the second scale and vocabularies are set afterwards.
export const createMunicipalityBody = settingsBody
  .omit({ scoreScale: true, tagVocabularies: true })
  .extend({ code: z.string() });

const departmentFields = {
  code: z.string().nullable().optional(),
  headTitle: optionalText,
  headName: optionalText,
  contactPhone: optionalText,
  contactEmail: optionalText,
};
const newDepartment = z.strictObject({ name: z.string(), ...departmentFields });
export const addDepartmentsBody = z.strictObject({
  departments: z.array(newDepartment).max(500).optional(),
  table: z.string().max(BODY).optional(),
  fromYear: z.number().int().optional(),
});
export const changeDepartmentBody = z.strictObject({
  ...departmentFields,
  rename: z.strictObject({ name: z.string(), fromYear: z.number().int() }).optional(),
});
export const orderBody = z.strictObject({ ids: z.array(z.number().int()).max(1000) });
export const retireBody = z.strictObject({ fromYear: z.number().int().nullable() });
export const reorganiseBody = z.strictObject({
  fromYear: z.number().int(),
  predecessorIds: z.array(z.number().int()).max(100),
  successors: z.array(z.union([z.strictObject({ id: z.number().int() }), newDepartment])).max(100),
});
export const planBody = z.union([
  z.strictObject({ csv: z.string().max(BODY) }),
  z.strictObject({ items: z.array(z.unknown()).max(10_000) }),
]);
export const accountsBody = z.strictObject({ csv: z.string().max(BODY) });
export const indicatorBody = z.strictObject({
  name: z.string().optional(),
  unit: z.string().optional(),
  definition: z.string().nullable().optional(),
  betterDirection: z.enum(["higher", "lower"]).nullable().optional(),
  departmentId: z.number().int().nullable().optional(),
});
export const mergeBody = z.strictObject({ into: z.number().int() });

/** A request that does not have the shape at all: said in Japanese, with the fields. */
function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new ValidationError(
    "送った内容の形が正しくありません",
    r.error.issues.map((i) => ({
      path: i.path.join(".") || "本文",
      message: "形式が正しくありません",
    })),
  );
}

export function registerMasterDataRoutes(
  api: FastifyInstance,
  deps: { db: Kysely<Database>; now: () => Date },
) {
  const base = "/admin/municipalities/:code";
  const params = (request: { params: unknown }) => parse(codeParams, request.params).code;
  const ids = (request: { params: unknown }) => parse(idParams, request.params);

  api.get("/admin/municipalities", async (request) =>
    listAdministeredMunicipalities(requireStaff(request, deps)),
  );
  api.get("/admin/scale-presets", async (request) => {
    requireStaff(request, deps);
    return { presets: SCALE_PRESETS };
  });
  api.get("/admin/local-governments/:code", async (request) => {
    requireStaff(request, deps);
    const { code } = request.params as { code: string };
    const r = lookUpLocalGovernment(code);
    if (!r.ok) throw new ValidationError(r.message, [{ path: "団体コード", message: r.message }]);
    if (!r.found)
      throw new NotFoundError(`団体コード ${code} は一覧にありません。名称を入力してください`);
    return r.found;
  });
  api.post("/admin/municipalities", { bodyLimit: BODY }, async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const body = parse(createMunicipalityBody, request.body);
    await createMunicipality(ctx, body);
    return reply.status(201).send(await getMasterData(ctx, body.code));
  });
  api.get(base, async (request) => getMasterData(requireStaff(request, deps), params(request)));
  api.patch(base, { bodyLimit: BODY }, async (request) => {
    const ctx = requireStaff(request, deps);
    const code = params(request);
    await saveMunicipalitySettings(ctx, code, parse(settingsBody, request.body));
    return getMasterData(ctx, code);
  });

  api.get(`${base}/departments`, async (request) => ({
    departments: await listDepartments(requireStaff(request, deps), params(request)),
  }));
  api.post(`${base}/departments`, { bodyLimit: BODY }, async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const departments = await addDepartments(
      ctx,
      params(request),
      parse(addDepartmentsBody, request.body),
    );
    return reply.status(201).send({ departments });
  });
  api.put(`${base}/departments/order`, async (request) => ({
    departments: await reorderDepartments(
      requireStaff(request, deps),
      params(request),
      parse(orderBody, request.body).ids,
    ),
  }));
  api.post(`${base}/departments/reorganise`, async (request) => ({
    departments: await reorganiseDepartments(
      requireStaff(request, deps),
      params(request),
      parse(reorganiseBody, request.body),
    ),
  }));
  api.patch(`${base}/departments/:id`, async (request) => {
    const { code, id } = ids(request);
    return {
      department: await changeDepartment(
        requireStaff(request, deps),
        code,
        id,
        parse(changeDepartmentBody, request.body),
      ),
    };
  });
  api.post(`${base}/departments/:id/retire`, async (request) => {
    const { code, id } = ids(request);
    return {
      department: await retireDepartment(
        requireStaff(request, deps),
        code,
        id,
        parse(retireBody, request.body).fromYear,
      ),
    };
  });
  api.delete(`${base}/departments/:id`, async (request, reply) => {
    const { code, id } = ids(request);
    await removeDepartment(requireStaff(request, deps), code, id);
    return reply.status(204).send();
  });

  api.get(`${base}/plan`, async (request) => ({
    items: await readPlan(requireStaff(request, deps), params(request)),
  }));
  api.put(`${base}/plan`, { bodyLimit: BODY }, async (request) => ({
    items: await savePlan(
      requireStaff(request, deps),
      params(request),
      parse(planBody, request.body),
    ),
  }));

  api.post(`${base}/accounts`, { bodyLimit: BODY }, async (request, reply) => {
    const result = await importAccounts(
      requireStaff(request, deps),
      params(request),
      parse(accountsBody, request.body).csv,
    );
    return reply.status(201).send(result);
  });

  api.post(`${base}/years/:year/blank-drafts`, async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const code = params({ params: { code: (request.params as { code: string }).code } });
    const year = Number((request.params as { year: string }).year);
    return reply.status(201).send(await startBlankDrafts(ctx, code, year));
  });

  api.get(`${base}/indicators`, async (request) => ({
    indicators: await listIndicatorRegistry(requireStaff(request, deps), params(request)),
  }));
  api.patch(`${base}/indicators/:id`, async (request) => {
    const { code, id } = ids(request);
    return {
      indicator: await changeIndicator(
        requireStaff(request, deps),
        code,
        id,
        parse(indicatorBody, request.body),
      ),
    };
  });
  api.post(`${base}/indicators/:id/merge`, async (request) => {
    const { code, id } = ids(request);
    return {
      indicator: await mergeIndicators(
        requireStaff(request, deps),
        code,
        id,
        parse(mergeBody, request.body).into,
      ),
    };
  });
}

const P = "/api/admin/municipalities/:code";
export const MASTER_DATA_ROUTES: readonly RouteDoc[] = [
  {
    method: "GET",
    path: "/api/admin/municipalities",
    tag: "master data",
    summary: "Municipalities the caller administers",
  },
  {
    method: "GET",
    path: "/api/admin/scale-presets",
    tag: "master data",
    summary: "Evaluation scale presets",
  },
  {
    method: "GET",
    path: "/api/admin/local-governments/:code",
    tag: "master data",
    summary: "A local-government code in the bundled list",
  },
  {
    method: "POST",
    path: "/api/admin/municipalities",
    tag: "master data",
    summary: "Register a municipality",
    body: createMunicipalityBody,
    success: { status: 201, description: "Registered" },
  },
  {
    method: "GET",
    path: P,
    tag: "master data",
    summary: "A municipality's settings and set-up steps",
  },
  {
    method: "PATCH",
    path: P,
    tag: "master data",
    summary: "Change a municipality's settings",
    body: settingsBody,
  },
  {
    method: "GET",
    path: `${P}/departments`,
    tag: "master data",
    summary: "Departments, retired ones too",
  },
  {
    method: "POST",
    path: `${P}/departments`,
    tag: "master data",
    summary: "Add departments (or a pasted table)",
    body: addDepartmentsBody,
    success: { status: 201, description: "Added" },
  },
  {
    method: "PUT",
    path: `${P}/departments/order`,
    tag: "master data",
    summary: "The departments' order",
    body: orderBody,
  },
  {
    method: "POST",
    path: `${P}/departments/reorganise`,
    tag: "master data",
    summary: "機構改革: merge or split from a fiscal year",
    body: reorganiseBody,
  },
  {
    method: "PATCH",
    path: `${P}/departments/:id`,
    tag: "master data",
    summary: "Change or rename a department",
    body: changeDepartmentBody,
  },
  {
    method: "POST",
    path: `${P}/departments/:id/retire`,
    tag: "master data",
    summary: "Retire (or restore) a department",
    body: retireBody,
  },
  {
    method: "DELETE",
    path: `${P}/departments/:id`,
    tag: "master data",
    summary: "Remove a department never used",
    success: { status: 204, description: "Removed" },
  },
  { method: "GET", path: `${P}/plan`, tag: "master data", summary: "The plan structure" },
  {
    method: "PUT",
    path: `${P}/plan`,
    tag: "master data",
    summary: "Replace the plan structure (CSV or items)",
    body: planBody,
  },
  {
    method: "POST",
    path: `${P}/accounts`,
    tag: "master data",
    summary: "Create accounts from a CSV",
    body: accountsBody,
    success: { status: 201, description: "Created" },
  },
  {
    method: "POST",
    path: `${P}/years/:year/blank-drafts`,
    tag: "master data",
    summary: "Blank drafts for departments without a manifesto in the year",
    success: { status: 201, description: "Created" },
  },
  { method: "GET", path: `${P}/indicators`, tag: "master data", summary: "The indicator registry" },
  {
    method: "PATCH",
    path: `${P}/indicators/:id`,
    tag: "master data",
    summary: "Change or rename an indicator",
    body: indicatorBody,
  },
  {
    method: "POST",
    path: `${P}/indicators/:id/merge`,
    tag: "master data",
    summary: "Merge an indicator into another",
    body: mergeBody,
  },
];
