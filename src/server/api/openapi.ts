// GET /api/openapi.json: the staff API's contract, built from the table in openapi-routes.ts
// (its bodies and queries are the routes' own zod schemas, through z.toJSONSchema). Routes
// are recorded as they are registered (fastify's onRoute), so one added without an entry in
// the table still appears, marked undescribed — and openapi.db.test.ts fails until it has one.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { manifestoDocumentSchema } from "../../domain/manifesto/schema.ts";
import { SESSION_COOKIE } from "../auth/session-cookie.ts";
import { API_ROUTES, type RouteDoc } from "./openapi-routes.ts";

export interface RegisteredRoute {
  method: string;
  /** As fastify spells it, prefix included: `/api/manifestos/:id`. */
  url: string;
}

/** Records the routes registered on `api` from now on (HEAD twins of GETs left out). */
export function recordRoutes(api: FastifyInstance): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  api.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      routes.push({ method, url: route.url });
    }
  });
  return routes;
}

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
  }) as JsonSchema;
  return rest;
}

/** `/api/manifestos/:id` → `/api/manifestos/{id}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

function pathParameters(url: string) {
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string", pattern: "^[1-9][0-9]{0,9}$" },
  }));
}

function queryParameters(query: z.ZodType | undefined) {
  if (!query) return [];
  const s = jsonSchema(query) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: s.required?.includes(name) ?? false,
    schema,
  }));
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "validation_error: `fields` names each refused field by its JSON path",
  401: "unauthenticated: no valid session",
  403: "forbidden: the caller sees the record but may not do this (or the CSRF token is missing)",
  404: "not_found: no such record in the caller's scope",
  409: "conflict: the record changed or is in another state; `current` says where it stands",
  429: "rate_limited: too many password guesses; Retry-After says when to try again",
};

function operation(route: RouteDoc, method: string) {
  const success = route.success ?? { status: 200, description: "OK" };
  const errors = route.errors ?? (route.public ? [400] : [400, 401, 403, 404]);
  const body =
    route.body === undefined
      ? undefined
      : route.body instanceof z.ZodType
        ? jsonSchema(route.body)
        : route.body;
  return {
    summary: route.summary,
    tags: [route.tag],
    ...(route.description && { description: route.description }),
    ...(route.public ? { security: [] } : {}),
    parameters: [...pathParameters(route.path), ...queryParameters(route.query)],
    ...(body && {
      requestBody: { required: true, content: { "application/json": { schema: body } } },
    }),
    responses: {
      [String(success.status)]: {
        description: success.description,
        content: { [success.contentType ?? "application/json"]: {} },
      },
      ...Object.fromEntries(
        errors.map((status) => [
          String(status),
          {
            description: ERROR_DESCRIPTIONS[status] ?? "error",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        ]),
      ),
    },
    ...(method !== "GET" && !route.public && { "x-csrf": "x-csrf-token header required" }),
  };
}

export function buildOpenApiDocument(registered: readonly RegisteredRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  const add = (route: RouteDoc) => {
    const key = openApiPath(route.path);
    paths[key] ??= {};
    paths[key][route.method.toLowerCase()] = operation(route, route.method);
  };
  for (const route of API_ROUTES) add(route);
  for (const r of registered) {
    if (API_ROUTES.some((d) => d.method === r.method && d.path === r.url)) continue;
    add({
      method: r.method as RouteDoc["method"],
      path: r.url,
      summary: "(not described yet)",
      tag: "undescribed",
    });
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Tassei staff API",
      version: "1",
      description:
        "The staff workspace's JSON API. Sign in with POST /api/session; send the session " +
        "cookie with every request and the CSRF token (from the session) as x-csrf-token on " +
        "every state-changing request. Errors are { error: { code, message, fields? } }.",
    },
    security: [{ session: [] }],
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
        csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                fields: { type: "object", additionalProperties: { type: "string" } },
              },
            },
          },
        },
        ManifestoDocument: jsonSchema(manifestoDocumentSchema),
      },
    },
    paths,
  };
}

export function registerOpenApiRoute(api: FastifyInstance, registered: RegisteredRoute[]): void {
  let cached: ReturnType<typeof buildOpenApiDocument> | undefined;
  // The contract is public: it tells nothing a reader of the source would not know.
  api.get("/openapi.json", { config: { staffPublic: true } }, async () => {
    cached ??= buildOpenApiDocument(registered);
    return cached;
  });
}
