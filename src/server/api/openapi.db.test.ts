// The OpenAPI document covers the whole staff API: every route registered under /api — read
// from the router itself, not from our own record of it — is described, and every described
// route exists. A route added without its entry in openapi-routes.ts fails here, on purpose.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_ROUTES } from "./openapi-routes.ts";
import { createStaffFixture, type StaffFixture } from "./staff-test-setup.ts";

let f: StaffFixture;
beforeAll(async () => {
  f = await createStaffFixture();
});
afterAll(() => f?.close());

/**
 * Every `METHOD /path` the router knows, from fastify's printRoutes tree (without a common
 * prefix, each node's text continues its parent's path).
 */
function routerRoutes(app: FastifyInstance): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? "").length / 4;
    stack.length = depth;
    stack.push(m[2] ?? "");
    const path = stack.join("");
    for (const method of (m[3] ?? "").split(", ").filter(Boolean)) {
      if (method !== "HEAD") out.push(`${method} ${path}`);
    }
  }
  return out;
}

const toOpenApi = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");

describe("GET /api/openapi.json", () => {
  let doc: {
    openapi: string;
    paths: Record<string, Record<string, { summary: string; tags: string[] }>>;
  };
  let apiRoutes: string[];

  beforeAll(async () => {
    const r = await f.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(r.statusCode).toBe(200);
    doc = r.json();
    apiRoutes = routerRoutes(f.app).filter((r) => r.split(" ")[1]?.startsWith("/api/"));
  });

  it("is an OpenAPI 3.1 document, readable without signing in", () => {
    expect(doc.openapi).toBe("3.1.0");
  });

  it("reads the router (the parser of printRoutes finds the routes we know are there)", () => {
    expect(apiRoutes).toEqual(
      expect.arrayContaining([
        "GET /api/session",
        "POST /api/session",
        "PUT /api/manifestos/:id",
        "POST /api/manifestos/:id/comments/:commentId/resolve",
        "PATCH /api/users/:id",
        "GET /api/openapi.json",
      ]),
    );
    expect(routerRoutes(f.app)).toContain("GET /healthz");
  });

  it("describes every route registered under /api", () => {
    const undescribed = apiRoutes.filter((route) => {
      const [method = "", path = ""] = route.split(" ");
      const op = doc.paths[toOpenApi(path)]?.[method.toLowerCase()];
      return !op || op.tags.includes("undescribed");
    });
    expect(undescribed, "add these to src/server/api/openapi-routes.ts").toEqual([]);
  });

  it("describes no route that is not registered", () => {
    const registered = new Set(apiRoutes);
    const stale = API_ROUTES.map((r) => `${r.method} ${r.path}`).filter((r) => !registered.has(r));
    expect(stale).toEqual([]);
  });

  it("gives request bodies and queries from the routes' zod schemas", () => {
    const create = doc.paths["/api/users"]?.post as unknown as {
      requestBody: { content: { "application/json": { schema: Record<string, unknown> } } };
    };
    expect(create.requestBody.content["application/json"].schema).toMatchObject({
      type: "object",
      required: expect.arrayContaining(["username", "role", "password"]),
      additionalProperties: false,
      properties: { role: { enum: expect.arrayContaining(["admin", "department_editor"]) } },
    });
    const overview = doc.paths["/api/overview"]?.get as unknown as {
      parameters: { name: string; in: string; required: boolean }[];
    };
    expect(overview.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "year", in: "query", required: false }),
        expect.objectContaining({ name: "municipality", in: "query", required: false }),
      ]),
    );
    const patch = doc.paths["/api/users/{id}"]?.patch as unknown as {
      parameters: { name: string; in: string }[];
    };
    expect(patch.parameters).toEqual([expect.objectContaining({ name: "id", in: "path" })]);
  });
});
