// 中間報告の設定 of a municipality (status words and due day) for its administrators:
// GET/PUT /api/admin/municipalities/:code/progress-settings { settings: {statuses, dueMonthDay} | null }.
// The route checks the shape (zod, fields by JSON path); the service the content, in Japanese.
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import {
  getProgressSettings,
  saveProgressSettings,
} from "../../services/master-data/progress-settings.ts";
import { requireStaff } from "../auth/session-plugin.ts";
import type { RouteDoc } from "./openapi-routes.ts";
import { parseInput } from "./parse.ts";

const codeParams = z.strictObject({ code: z.string().regex(/^\d{6}$/) });
export const progressSettingsBody = z.strictObject({
  settings: z
    .strictObject({
      statuses: z
        .array(z.strictObject({ label: z.string().max(200), behind: z.boolean() }))
        .max(50),
      dueMonthDay: z.string().max(20),
    })
    .nullable(),
});

const PATH = "/admin/municipalities/:code/progress-settings";

export function registerProgressSettingsRoutes(
  api: FastifyInstance,
  deps: { db: Kysely<Database> },
): void {
  api.get(PATH, async (request) => {
    const ctx = requireStaff(request, deps);
    return getProgressSettings(ctx, parseInput(codeParams, request.params, "the address").code);
  });
  api.put(PATH, async (request) => {
    const ctx = requireStaff(request, deps);
    const { code } = parseInput(codeParams, request.params, "the address");
    const body = parseInput(progressSettingsBody, request.body, "the progress settings");
    return saveProgressSettings(ctx, code, body.settings);
  });
}

export const PROGRESS_SETTINGS_ROUTES: readonly RouteDoc[] = [
  {
    method: "GET",
    path: `/api${PATH}`,
    tag: "master data",
    summary: "The municipality's progress-report status words and due day",
  },
  {
    method: "PUT",
    path: `/api${PATH}`,
    tag: "master data",
    summary: "Set the progress-report status words and due day (null: the defaults)",
    body: progressSettingsBody,
    errors: [400, 401, 403, 404],
  },
];
