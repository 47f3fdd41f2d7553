// User administration of the staff API: administrators list, create and change accounts and
// reset passwords. Thin: parse, one service, present. Shapes (JSON):
//
// GET /api/users[?municipality=242161] → 200
//   { municipalityCode: string|null,
//     users: [User], departments: [{ id, code: string|null, name }], allowed: { create } }
//   User = { id, username, displayName: string|null, role, roleLabel, municipalityCode,
//            department: { id, name }|null, disabled: boolean, createdAt: ISO,
//            allowed: { read, manage, changeRole, disable, resetPassword } }
// POST /api/users { username, displayName?, role, municipality?: code|null, departmentId?,
//   email?: string|null, password } → 201 { user: User }   (municipality omitted: the administrator's own)
// PATCH /api/users/:id { displayName?: string|null, role?, departmentId?: number|null,
//   disabled?, email?: string|null } → 200 { user: User }
// POST /api/users/:id/password { password } → 200 { revokedSessions: number }
//
// Not an administrator: 403. An account outside the administrator's municipality: 404.
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { municipalityCodeSchema, text } from "../../domain/manifesto/schema.ts";
import { ROLE_LABELS, ROLES } from "../../domain/roles.ts";
import { PASSWORD_MAX_LENGTH } from "../../services/auth/passwords.ts";
import type { AccountView } from "../../services/users/account-view.ts";
import { addAccount } from "../../services/users/add-account.ts";
import { listAccounts } from "../../services/users/list-accounts.ts";
import { resetAccountPassword } from "../../services/users/reset-account-password.ts";
import { updateAccount } from "../../services/users/update-account.ts";
import { requireStaff } from "../auth/session-plugin.ts";
import { dbIdParam, dbInteger } from "./db-values.ts";
import { parseInput } from "./parse.ts";

export const listUsersQuery = z.strictObject({ municipality: municipalityCodeSchema.optional() });

export const userParams = z.strictObject({ id: dbIdParam("user") });

const displayName = text(200);
const password = z.string().max(PASSWORD_MAX_LENGTH);
const departmentId = dbInteger;

export const createUserBody = z.strictObject({
  username: z.string().max(64),
  displayName: displayName.optional(),
  role: z.enum(ROLES),
  municipality: municipalityCodeSchema.nullable().optional(),
  departmentId: departmentId.nullable().optional(),
  /** Where the account's notifications go; omitted, null or "": none. */
  email: z.string().max(254).nullable().optional(),
  password,
});

export const updateUserBody = z
  .strictObject({
    displayName: displayName.nullable().optional(),
    role: z.enum(ROLES).optional(),
    departmentId: departmentId.nullable().optional(),
    disabled: z.boolean().optional(),
    /** Where the account's notifications go; null or "" removes it. */
    email: z.string().max(254).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, {
    message: "must name at least one field to change",
    // Only for a body that is otherwise fine: an unknown key is the problem to report then.
    when: (payload) => payload.issues.length === 0,
  });

export const resetPasswordBody = z.strictObject({ password });

const SMALL_BODY = 16 * 1024;

function presentUser(u: AccountView) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    roleLabel: (ROLE_LABELS as Record<string, string>)[u.role] ?? u.role,
    municipalityCode: u.municipalityCode,
    department:
      u.departmentId === null ? null : { id: u.departmentId, name: u.departmentName ?? "" },
    email: u.email,
    disabled: u.disabled,
    createdAt: u.createdAt.toISOString(),
    allowed: u.allowed,
  };
}

export function registerUserRoutes(
  api: FastifyInstance,
  deps: { db: Kysely<Database>; now: () => Date },
) {
  api.get("/users", async (request) => {
    const ctx = requireStaff(request, deps);
    const query = parseInput(listUsersQuery, request.query, "the query");
    const list = await listAccounts(ctx, { municipalityCode: query.municipality });
    return { ...list, users: list.users.map(presentUser) };
  });

  api.post("/users", { bodyLimit: SMALL_BODY }, async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const body = parseInput(createUserBody, request.body, "the new account");
    const user = await addAccount(ctx, {
      username: body.username,
      displayName: body.displayName,
      role: body.role,
      municipalityCode: body.municipality,
      departmentId: body.departmentId,
      email: body.email,
      password: body.password,
    });
    return reply.status(201).send({ user: presentUser(user) });
  });

  api.patch("/users/:id", { bodyLimit: SMALL_BODY }, async (request) => {
    const ctx = requireStaff(request, deps);
    const { id } = parseInput(userParams, request.params, "the address");
    const body = parseInput(updateUserBody, request.body, "the change");
    const user = await updateAccount(ctx, id, body, deps.now());
    return { user: presentUser(user) };
  });

  api.post("/users/:id/password", { bodyLimit: SMALL_BODY }, async (request) => {
    const ctx = requireStaff(request, deps);
    const { id } = parseInput(userParams, request.params, "the address");
    const body = parseInput(resetPasswordBody, request.body, "the password");
    return resetAccountPassword(ctx, id, body.password);
  });
}
