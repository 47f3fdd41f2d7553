// The to-do list and one's own notification settings. Thin: parse, one service, present.
// GET /api/todo → 200 { items: [{ source, id, title, detail, href, dueDate, overdue }], count, today }
// GET /api/me/notifications → 200 { email, preferences: [{ kind, mode }] }
// PUT /api/me/notifications { email?: string|null, preferences?: { <kind>: "immediate"|"digest"|"off" } }
//   → 200 as GET; 400 validation_error (fields.email)
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { DELIVERY_MODES, NOTIFICATION_KINDS } from "../../domain/notifications/kinds.ts";
import {
  getNotificationSettings,
  updateNotificationSettings,
} from "../../services/notifications/notification-settings.ts";
import { getTodoList } from "../../services/todo/get-todo-list.ts";
import { requireStaff } from "../auth/session-plugin.ts";
import { parseInput } from "./parse.ts";

export const notificationSettingsBody = z.strictObject({
  email: z.string().max(254).nullable().optional(),
  preferences: z.partialRecord(z.enum(NOTIFICATION_KINDS), z.enum(DELIVERY_MODES)).optional(),
});

export function registerNotificationRoutes(
  api: FastifyInstance,
  deps: { db: Kysely<Database>; now: () => Date },
) {
  api.get("/todo", async (request) => {
    const ctx = requireStaff(request, deps);
    return getTodoList(ctx, deps.now());
  });

  api.get("/me/notifications", async (request) => {
    return getNotificationSettings(requireStaff(request, deps));
  });

  api.put("/me/notifications", async (request) => {
    const ctx = requireStaff(request, deps);
    const body = parseInput(notificationSettingsBody, request.body, "the notification settings");
    return updateNotificationSettings(ctx, body);
  });
}
