// Reads the staff API's OpenAPI description and turns it into requests: a plausible body or
// query for each operation (from its JSON schema), and variants of it with one value
// replaced by a boundary value. Used by the security tests (not a test itself), so that a
// route added to the description is probed without anyone writing a line for it.
import { demoDocument } from "../../../test/support/fixtures.ts";

type Schema = Record<string, unknown>;

export interface Operation {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** fastify's spelling: `/api/manifestos/:id`. */
  path: string;
  public: boolean;
  pathParams: string[];
  query: { name: string; required: boolean; schema: Schema }[];
  body: Schema | undefined;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, Schema>>;
  components: { schemas: Record<string, Schema> };
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [p, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? []) as {
        name: string;
        in: string;
        required: boolean;
        schema: Schema;
      }[];
      const content = (op.requestBody as Schema | undefined)?.content as
        | Record<string, { schema: Schema }>
        | undefined;
      ops.push({
        method: method.toUpperCase() as Operation["method"],
        path: p.replace(/\{([A-Za-z0-9_]+)\}/g, ":$1"),
        public: Array.isArray(op.security) && op.security.length === 0,
        pathParams: params.filter((x) => x.in === "path").map((x) => x.name),
        query: params.filter((x) => x.in === "query"),
        body: content?.["application/json"]?.schema,
      });
    }
  }
  return ops;
}

/** Integers a PostgreSQL `integer` column cannot hold, or that no record ever has. */
export const BOUNDARY_INTEGERS: unknown[] = [
  0,
  -1,
  2_147_483_647,
  2_147_483_648,
  9_999_999_999,
  -2_147_483_649,
  Number.MAX_SAFE_INTEGER,
  1e308,
  1.5,
];
export const BOUNDARY_ID_TEXTS = [
  "0",
  "-1",
  "2147483647",
  "2147483648",
  "9999999999",
  "99999999999999999999",
  "1e3",
  "0x10",
  "%00",
  "abc",
];
export const BOUNDARY_DATES = [
  "0000-01-01",
  "0001-01-01",
  "1899-12-31",
  "9999-12-31",
  "2024-02-30",
  "+02024-01-01",
  "-0001-01-01",
];
export const BOUNDARY_QUERY_TEXTS = [...BOUNDARY_ID_TEXTS, "1989", "2100", "2101", "1988"];

const DATE_PATTERN = /\\d\{4\}-\\d\{2\}-\\d\{2\}/;

function resolve(schema: Schema, doc: OpenApiDoc): Schema {
  const ref = schema.$ref as string | undefined;
  if (ref?.startsWith("#/components/schemas/")) {
    return doc.components.schemas[ref.slice("#/components/schemas/".length)] ?? {};
  }
  return schema;
}

/** A value the schema accepts, as simple as possible (the demo document for a document). */
export function sampleOf(schema: Schema, doc: OpenApiDoc, name = ""): unknown {
  if (schema.$ref === "#/components/schemas/ManifestoDocument") return demoDocument();
  const s = resolve(schema, doc);
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = s[key] as Schema[] | undefined;
    const first = options?.find((o) => o.type !== "null") ?? options?.[0];
    if (first) return sampleOf(first, doc, name);
  }
  if (Array.isArray(s.enum)) return s.enum[0];
  if ("const" in s) return s.const;
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "object": {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = new Set((s.required ?? []) as string[]);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(props)) {
        if (required.has(k) || k === "document") out[k] = sampleOf(v, doc, k);
      }
      return out;
    }
    case "array":
      return [];
    case "integer":
    case "number":
      if (/year/i.test(name)) return 2023;
      return 1;
    case "boolean":
      return false;
    case "string": {
      const pattern = String(s.pattern ?? "");
      if (DATE_PATTERN.test(pattern)) return "2024-03-31";
      if (pattern.includes("\\d{6}") || /municipality/i.test(name)) return "242161";
      if (/password/i.test(name)) return "a long enough password 1";
      return "x";
    }
    default:
      return "x";
  }
}

export interface Variant {
  /** What was replaced, for the failure message. */
  label: string;
  value: unknown;
}

/**
 * The body with each integer field (at any depth, documents included) and each date field in
 * turn replaced by each boundary value. Fields are found in the sample itself, so a
 * document's `goals[0].number` is probed as well as a body's `revision`.
 */
export function bodyVariants(sample: unknown): Variant[] {
  const out: Variant[] = [];
  // One probe per field of the shape (goals.*.number), not per goal: the route is the same.
  const seen = new Set<string>();
  const walk = (value: unknown, path: (string | number)[]) => {
    const shape = path.map((p) => (typeof p === "number" ? "*" : p)).join(".");
    if (seen.has(shape)) return;
    if (typeof value === "number" && Number.isInteger(value)) {
      seen.add(shape);
      for (const b of BOUNDARY_INTEGERS) {
        out.push({ label: `${path.join(".")}=${b}`, value: replaceAt(sample, path, b) });
      }
    } else if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      seen.add(shape);
      for (const b of BOUNDARY_DATES) {
        out.push({ label: `${path.join(".")}=${b}`, value: replaceAt(sample, path, b) });
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => {
        walk(v, [...path, i]);
      });
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    }
  };
  walk(sample, []);
  return out;
}

function replaceAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(root)) {
    return root.map((v, i) => (i === head ? replaceAt(v, rest, value) : v));
  }
  const obj = root as Record<string, unknown>;
  return { ...obj, [head]: replaceAt(obj[head], rest, value) };
}

export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => values[name] ?? "1");
}
