// Every route of the staff API, as the OpenAPI document describes it. Bodies and queries are
// the routes' own zod schemas where the route file exports them; where it does not (yet),
// a description-only copy stands in, marked so. The response shapes are written at each
// route, in the comment at the top of its file. openapi.db.test.ts fails when a registered
// route is missing here, or when an entry here names a route that is not registered.
import { z } from "zod";
import { fiscalYearSchema, municipalityCodeSchema } from "../../domain/manifesto/schema.ts";
import { loginBody, passwordBody } from "../auth/routes.ts";
import {
  enrolmentCodeBody,
  secondFactorBody,
  signInPolicyBody,
} from "../auth/second-factor-routes.ts";
import { samlPostBody } from "../auth/sso-routes.ts";
import { historyQuery, listQuery, saveBody } from "./manifestos.ts";
import { MASTER_DATA_ROUTES } from "./master-data.ts";
import { notificationSettingsBody } from "./notifications.ts";
import { deadlineBody, deadlinesQuery, fiscalYearBody, overviewQuery } from "./planning.ts";
import {
  progressCommentBody,
  progressOverviewQuery,
  progressSaveBody,
  progressTransitionBody,
} from "./progress-reports.ts";
import { PROGRESS_SETTINGS_ROUTES } from "./progress-settings.ts";
import { createUserBody, listUsersQuery, resetPasswordBody, updateUserBody } from "./users.ts";
import { commentBody, correctionBody, transitionBody } from "./workflow.ts";

export interface RouteDoc {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** As registered with fastify, prefix included: `/api/manifestos/:id`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** Reachable without a session. */
  public?: boolean;
  query?: z.ZodType;
  /** A zod schema, or a JSON schema where the body is not one zod object. */
  body?: z.ZodType | Record<string, unknown>;
  success?: { status: number; description: string; contentType?: string };
  errors?: number[];
}

const documentRef = { $ref: "#/components/schemas/ManifestoDocument" };

/** A body whose `document` is a manifesto: the zod schema says `unknown`, the contract more. */
function withDocument(schema: z.ZodType): Record<string, unknown> {
  const s = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties: Record<string, unknown>;
  } & Record<string, unknown>;
  const { $schema: _, ...rest } = s;
  return { ...rest, properties: { ...s.properties, document: documentRef } };
}

// Description-only copies of queries and bodies the route files keep private.
const exportQuery = z.strictObject({ format: z.enum(["json", "xlsx", "pdf"]) });
const dashboardQuery = z.strictObject({
  municipality: municipalityCodeSchema,
  year: fiscalYearSchema,
});
const dashboardCsvQuery = dashboardQuery.extend({
  table: z.enum(["departments", "warnings", "indicators", "consistency"]).optional(),
});
const bookletBody = z.strictObject({
  municipality: municipalityCodeSchema,
  year: fiscalYearSchema,
});

const file = (contentType: string, description: string) => ({
  status: 200,
  description,
  contentType,
});

export const API_ROUTES: readonly RouteDoc[] = [
  // Sessions (src/server/auth/routes.ts)
  { method: "GET", path: "/api/session", tag: "session", summary: "The signed-in user" },
  {
    method: "POST",
    path: "/api/session",
    tag: "session",
    summary: "Sign in",
    public: true,
    body: loginBody,
    errors: [400, 401, 429],
  },
  {
    method: "DELETE",
    path: "/api/session",
    tag: "session",
    summary: "Sign out",
    success: { status: 204, description: "Signed out" },
  },
  {
    method: "PUT",
    path: "/api/session/password",
    tag: "session",
    summary: "Change one's own password",
    body: passwordBody,
    errors: [400, 401, 403, 429],
  },
  // The second factor and the sign-in policy (src/server/auth/second-factor-routes.ts)
  {
    method: "POST",
    path: "/api/session/second-factor",
    tag: "session",
    summary: "Finish a sign-in with an authenticator code or a recovery code",
    description:
      "POST /api/session answers 202 with a challenge when the account has a second factor.",
    public: true,
    body: secondFactorBody,
    errors: [400, 401, 429],
  },
  {
    method: "GET",
    path: "/api/session/second-factor",
    tag: "session",
    summary: "Whether one has a second factor, whether it is required, recovery codes left",
  },
  {
    method: "POST",
    path: "/api/session/second-factor/enrolment",
    tag: "session",
    summary: "Start setting up an authenticator: a new secret and its QR code",
    errors: [401, 409],
  },
  {
    method: "PUT",
    path: "/api/session/second-factor/enrolment",
    tag: "session",
    summary: "Confirm the authenticator with its first code; returns the recovery codes",
    body: enrolmentCodeBody,
    errors: [400, 401, 409],
  },
  {
    method: "DELETE",
    path: "/api/users/:id/second-factor",
    tag: "users",
    summary: "Remove an account's second factor (its sessions end)",
    success: { status: 204, description: "Removed" },
    errors: [401, 403, 404],
  },
  {
    method: "GET",
    path: "/api/admin/municipalities/:code/sign-in-policy",
    tag: "master data",
    summary: "A municipality's sign-in policy",
  },
  {
    method: "PUT",
    path: "/api/admin/municipalities/:code/sign-in-policy",
    tag: "master data",
    summary: "Require a second factor, switch local passwords off",
    body: signInPolicyBody,
    errors: [400, 401, 403, 404],
  },
  // Single sign-on (src/server/auth/sso-routes.ts): browser redirects, not JSON calls
  {
    method: "GET",
    path: "/api/sso/providers",
    tag: "session",
    summary: "The identity providers configured (TASSEI_SSO_CONFIG), for the sign-in page",
    public: true,
  },
  {
    method: "GET",
    path: "/api/sso/:id/start",
    tag: "session",
    summary: "Sign in through an identity provider: redirects the browser there",
    public: true,
    success: { status: 302, description: "To the identity provider" },
    errors: [404],
  },
  {
    method: "GET",
    path: "/api/sso/:id/callback",
    tag: "session",
    summary: "OpenID Connect: the provider sends the browser back here with a code",
    public: true,
    success: {
      status: 303,
      description: "To /staff/, signed in, or to /staff/?sign-in-error=<reason>",
    },
    errors: [404],
  },
  {
    method: "POST",
    path: "/api/sso/:id/saml",
    tag: "session",
    summary: "SAML 2.0 assertion consumer service (HTTP-POST binding, form-encoded)",
    public: true,
    body: samlPostBody,
    success: {
      status: 303,
      description: "To /staff/, signed in, or to /staff/?sign-in-error=<reason>",
    },
    errors: [400, 404],
  },
  // Manifestos (manifestos.ts)
  {
    method: "GET",
    path: "/api/manifestos",
    tag: "manifestos",
    summary: "The manifestos the caller may see",
    query: listQuery,
  },
  {
    method: "GET",
    path: "/api/manifestos/:id",
    tag: "manifestos",
    summary: "One manifesto, its document and allowed actions",
  },
  {
    method: "PUT",
    path: "/api/manifestos/:id",
    tag: "manifestos",
    summary: "Save a new revision of a draft",
    body: withDocument(saveBody),
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "GET",
    path: "/api/manifestos/:id/history",
    tag: "manifestos",
    summary: "A page of revisions with what changed (`earlier`: the `before` of the next page)",
    query: historyQuery,
  },
  {
    method: "POST",
    path: "/api/manifestos/import",
    tag: "manifestos",
    summary: "Import a tassei.manifesto/v1 document",
    body: documentRef,
    errors: [400, 401, 403, 409],
  },
  {
    method: "POST",
    path: "/api/manifestos/import/xlsx",
    tag: "manifestos",
    summary: "Read a filled-in Excel template into a document (nothing is written)",
    description:
      "The body is the .xlsx file itself (content type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, up to 10 MiB). Returns { document }; problems are named by sheet and cell.",
    errors: [400, 401, 403, 413],
  },
  // Workflow (workflow.ts)
  {
    method: "POST",
    path: "/api/manifestos/:id/transitions",
    tag: "workflow",
    summary: "Submit, approve, return, publish, open the evaluation",
    body: transitionBody,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "GET",
    path: "/api/manifestos/:id/transitions",
    tag: "workflow",
    summary: "The moves through the cycle and the publications",
  },
  {
    method: "POST",
    path: "/api/manifestos/:id/corrections",
    tag: "workflow",
    summary: "Correct published content (a new published revision with a note)",
    body: withDocument(correctionBody),
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "GET",
    path: "/api/manifestos/:id/comments",
    tag: "workflow",
    summary: "Review comments, threaded",
  },
  {
    method: "POST",
    path: "/api/manifestos/:id/comments",
    tag: "workflow",
    summary: "Write a review comment or an answer",
    body: commentBody,
    success: { status: 201, description: "Created" },
  },
  {
    method: "POST",
    path: "/api/manifestos/:id/comments/:commentId/resolve",
    tag: "workflow",
    summary: "Resolve a comment thread",
  },
  // Downloads (downloads.ts)
  {
    method: "GET",
    path: "/api/manifestos/:id/export",
    tag: "downloads",
    summary: "Download a manifesto as JSON, Excel or PDF",
    query: exportQuery,
    success: file("application/octet-stream", "The file (Content-Type by format)"),
  },
  {
    method: "GET",
    path: "/api/template.xlsx",
    tag: "downloads",
    summary: "The empty Excel template",
    success: file(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "The template",
    ),
  },
  // Booklets (booklets.ts)
  {
    method: "POST",
    path: "/api/booklets",
    tag: "booklets",
    summary: "Build the booklet of a municipality's published manifestos of a year",
    body: bookletBody,
    success: { status: 202, description: "Accepted: a job to poll" },
  },
  { method: "GET", path: "/api/booklets/:id", tag: "booklets", summary: "A booklet job" },
  {
    method: "GET",
    path: "/api/booklets/:id/file",
    tag: "booklets",
    summary: "The finished booklet",
    success: file("application/pdf", "The booklet"),
    errors: [401, 404, 409],
  },
  // Dashboard (dashboard.ts)
  {
    method: "GET",
    path: "/api/dashboard",
    tag: "dashboard",
    summary: "The planning dashboard of a municipality's year",
    query: dashboardQuery,
  },
  {
    method: "GET",
    path: "/api/dashboard.csv",
    tag: "dashboard",
    summary: "A table of the dashboard as CSV",
    query: dashboardCsvQuery,
    success: file("text/csv", "UTF-8 with BOM"),
  },
  // Users (users.ts)
  {
    method: "GET",
    path: "/api/users",
    tag: "users",
    summary: "Accounts of the administrator's municipality (installation admin: all)",
    query: listUsersQuery,
  },
  {
    method: "POST",
    path: "/api/users",
    tag: "users",
    summary: "Create an account",
    body: createUserBody,
    success: { status: 201, description: "Created" },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "PATCH",
    path: "/api/users/:id",
    tag: "users",
    summary: "Change an account's name, role, department, or disable it",
    body: updateUserBody,
  },
  {
    method: "POST",
    path: "/api/users/:id/password",
    tag: "users",
    summary: "Set an account's password (its sessions end)",
    body: resetPasswordBody,
  },
  // Planning (planning.ts)
  {
    method: "GET",
    path: "/api/overview",
    tag: "planning",
    summary: "Every department of a fiscal year: phase, state, deadline, warnings",
    query: overviewQuery,
  },
  {
    method: "GET",
    path: "/api/deadlines",
    tag: "planning",
    summary: "The phase deadlines of a fiscal year",
    query: deadlinesQuery,
  },
  {
    method: "PUT",
    path: "/api/deadlines",
    tag: "planning",
    summary: "Set or clear a phase deadline",
    body: deadlineBody,
  },
  {
    method: "GET",
    path: "/api/todo",
    tag: "notifications",
    summary: "対応待ち: what waits for the signed-in person, each item linking to its place",
  },
  {
    method: "GET",
    path: "/api/me/notifications",
    tag: "notifications",
    summary: "One's own e-mail address and, per kind, immediate / digest / off",
  },
  {
    method: "PUT",
    path: "/api/me/notifications",
    tag: "notifications",
    summary: "Change one's own e-mail address or notification choices",
    body: notificationSettingsBody,
  },
  {
    method: "POST",
    path: "/api/fiscal-years",
    tag: "planning",
    summary: "Open a fiscal year: last year's manifestos copied as drafts",
    body: fiscalYearBody,
    success: { status: 201, description: "Drafts created (200: nothing to create)" },
  },
  // This document
  {
    method: "GET",
    path: "/api/openapi.json",
    tag: "meta",
    summary: "This OpenAPI document",
    public: true,
    errors: [],
  },
  // Master data (master-data.ts)
  ...MASTER_DATA_ROUTES,
  ...PROGRESS_SETTINGS_ROUTES,
  // Mid-year progress reports (progress-reports.ts)
  {
    method: "GET",
    path: "/api/manifestos/:id/progress",
    tag: "progress",
    summary: "A manifesto's progress reports（中間報告）, comments, due day and allowed actions",
  },
  {
    method: "PUT",
    path: "/api/manifestos/:id/progress",
    tag: "progress",
    summary: "Save the draft progress report (a new revision), or start one (revision null)",
    body: progressSaveBody,
    errors: [400, 403, 404, 409],
  },
  {
    method: "POST",
    path: "/api/manifestos/:id/progress/transitions",
    tag: "progress",
    summary: "Submit, acknowledge (確認) or return a progress report",
    body: progressTransitionBody,
    errors: [400, 403, 404, 409],
  },
  {
    method: "POST",
    path: "/api/manifestos/:id/progress/comments",
    tag: "progress",
    summary: "Comment on a progress report",
    body: progressCommentBody,
    success: { status: 201, description: "The comment" },
  },
  {
    method: "POST",
    path: "/api/manifestos/:id/progress/import/xlsx",
    tag: "progress",
    summary: "Read the Excel template's 中間報告 sheet into the draft progress report",
    description:
      "The body is the .xlsx file itself (content type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, up to 10 MiB): the template of the same manifesto, filled in. Each goal's newest row becomes its entry.",
    errors: [400, 403, 404, 409],
  },
  {
    method: "GET",
    path: "/api/progress",
    tag: "progress",
    summary: "Every department's latest progress and freshness in a municipality's year",
    query: progressOverviewQuery,
  },
];
