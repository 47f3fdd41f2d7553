// The production build (issue 15): `npm start` and the installed `tassei` command run
// compiled JavaScript from dist/server, not TypeScript through tsx. The build is made as
// `npm start` makes it, then the server runs from it as a real child process with plain
// `node` (no loader): /healthz, a public page with its stylesheet (a file found from the
// package root), and a PDF (made in a worker thread started from the build's own worker).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { isBuiltin } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageOf, SERVER_ENTRY } from "../scripts/build-server.mjs";
import { STYLESHEET_PATH } from "../src/server/portal/urls.ts";
import { createTestDatabase, type TestDatabase } from "./support/database.ts";
import { PROJECT_ROOT } from "./support/fixtures.ts";
import { freePort } from "./support/server.ts";

const PAGE = `/242161/2023/${encodeURIComponent("総務部")}`;

let t: TestDatabase;
let stateDir: string;
let child: ChildProcess;
let url: string;
let stderr = "";

beforeAll(async () => {
  const built = spawnSync(process.execPath, ["scripts/build-server.mjs"], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(built.status, built.stderr).toBe(0);
  t = await createTestDatabase();
  await t.close();
  stateDir = t.env.TASSEI_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "tassei-state-"));
  const port = await freePort();
  const { DATABASE_URL: _u, TASSEI_DATA_DIR: _d, NODE_OPTIONS: _o, ...rest } = process.env;
  child = spawn(process.execPath, [SERVER_ENTRY, "serve"], {
    cwd: PROJECT_ROOT,
    env: {
      ...rest,
      ...t.env,
      TASSEI_DATA_DIR: stateDir,
      TASSEI_DEMO: "on",
      TASSEI_LOG_LEVEL: "warn",
      PORT: String(port),
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dist/server exited early: ${stderr}`);
    const status = await fetch(`${url}/healthz`).then(
      (r) => r.status,
      () => undefined,
    );
    if (status === 200) break;
    await new Promise((r) => setTimeout(r, 50));
  }
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
  await t?.destroy();
  if (t?.env.TASSEI_DATA_DIR === undefined) fs.rmSync(stateDir, { recursive: true, force: true });
});

describe("the production build (dist/server)", () => {
  it("is JavaScript that plain node runs: the main entry and the rendering worker beside it", () => {
    expect(fs.existsSync(SERVER_ENTRY)).toBe(true);
    expect(fs.existsSync(path.join(PROJECT_ROOT, "dist/server/worker-boot.mjs"))).toBe(true);
    expect(fs.readFileSync(SERVER_ENTRY, "utf8")).not.toMatch(/from "[^"]*\.ts"/);
  });

  it("serves /healthz from `node dist/server/main.mjs serve`", async () => {
    const r = await fetch(`${url}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: "ok", database: t.target.kind });
  });

  it("serves the demo's public page and its stylesheet", async () => {
    const page = await fetch(`${url}${PAGE}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("総務部");
    const css = await fetch(`${url}${STYLESHEET_PATH}`);
    expect(css.status).toBe(200);
    expect((await css.text()).length).toBeGreaterThan(100);
  });

  it("renders a PDF in a worker thread started from the build", async () => {
    const r = await fetch(`${url}${PAGE}/manifesto.pdf`);
    expect(r.status, stderr).toBe(200);
    const bytes = Buffer.from(await r.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  }, 60_000);

  it("is what the installed `tassei` command runs", () => {
    const r = spawnSync(process.execPath, ["bin/tassei.mjs", "--help"], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("tassei");
    // The build was fresh: the command did not build it again, nor fell back to tsx.
    expect(r.stderr).not.toContain("Building the server");
  });

  it("starts without loading what only second factors, single sign-on or mail need", () => {
    const packages = startUpImports();
    expect(packages.size).toBeGreaterThan(0);
    for (const lazy of [
      "otplib",
      "qrcode",
      "openid-client",
      "@node-saml/node-saml",
      "nodemailer",
    ]) {
      expect(packages).not.toContain(lazy);
    }
  });

  it("loads from node_modules at start only the packages that must stay outside the bundle", () => {
    // Loading packages file by file was a third of the start-up (issue 15); the others are
    // bundled (scripts/build-server.mjs, START_UP_PACKAGES). PGlite and argon2 find files
    // beside their own code (WebAssembly and data, a native addon), and so does pino (its
    // transports' workers); pg names pg-native and pg-cloudflare behind guards it never opens
    // here. Static imports, `export … from` and the bundle's require() calls are all read.
    const names = new Set([...startUpImports()].map(packageOf));
    expect(names).toEqual(
      new Set(["@electric-sql/pglite", "@node-rs/argon2", "pino", "pg-native", "pg-cloudflare"]),
    );
  });

  it("loads the web server only to serve, while the database opens", () => {
    // Every other command (import, user add, --help) starts without fastify and the routes;
    // serve imports them (src/server/app.ts) as it starts opening the database.
    const command = buildGraph([path.basename(SERVER_ENTRY)], false);
    expect([...command.specifiers].map(packageOf)).not.toContain("pino");
    expect(command.bundled).not.toContain("fastify");
    expect(buildGraph([webServerChunk()], false).bundled).toContain("fastify");
  });

  it("carries no bundled code that finds files beside itself (__dirname has no meaning there)", () => {
    const { code } = buildGraph([path.basename(SERVER_ENTRY)], false);
    const uses = code.flatMap(({ file, text }) =>
      text
        .split("\n")
        .filter((line) => /\b__(dirname|filename)\b/.test(line) && !/^\s*(\/\/|\/?\*)/.test(line))
        .map((line) => `${file}: ${line.trim().slice(0, 120)}`),
    );
    expect(uses).toEqual([]);
  });

  it("has one copy of each package: none is both bundled and loaded from node_modules", () => {
    // A bundled package that a lazily loaded one imported again from node_modules would
    // exist twice (two zods: one's schemas are not the other's instances).
    const { imported, bundled } = buildGraph(["main.mjs", "worker-boot.mjs"], true);
    expect(bundled).toContain("fastify");
    expect(imported).toContain("exceljs");
    expect([...imported].filter((name) => bundled.has(name))).toEqual([]);
  });
});

/**
 * The packages `serve` loads before it answers: what the entry imports statically, and the web
 * server's chunk (imported as the database opens), each through the chunks they import
 * statically. The others are loaded on first use (import()).
 */
function startUpImports(): Set<string> {
  return buildGraph([path.basename(SERVER_ENTRY), webServerChunk()], false).specifiers;
}

/** The chunk `serve` imports for src/server/app.ts: the one of the entry's import()s that exports buildApp. */
function webServerChunk(): string {
  const dir = path.dirname(SERVER_ENTRY);
  const entry = fs.readFileSync(SERVER_ENTRY, "utf8");
  const lazy = new Set(
    [...entry.matchAll(/\bimport\(\s*"\.\/([^"]+)"\s*\)/g)].map(([, f = ""]) => f),
  );
  const chunks = [...lazy].filter((f) =>
    /^export \{[^}]*\bbuildApp\b[^}]*\};$/m.test(fs.readFileSync(path.join(dir, f), "utf8")),
  );
  expect(chunks).toHaveLength(1);
  return chunks[0] ?? "";
}

/**
 * What the build's files take from node_modules (each specifier, and its package's name:
 * static imports, `export … from`, and the require() calls of bundled CommonJS, esbuild's
 * `__require`) and which packages they carry bundled (esbuild's `// node_modules/…` file
 * markers), from the given entries through the chunks they import; with `lazy`, through
 * import() too. Node's built-in modules are left out.
 */
function buildGraph(entries: string[], lazy: boolean) {
  const dir = path.dirname(SERVER_ENTRY);
  const seen = new Set<string>();
  const specifiers = new Set<string>();
  const imported = new Set<string>();
  const bundled = new Set<string>();
  const code: { file: string; text: string }[] = [];
  const patterns = [
    /^(?:import|export)\s+(?:[^;]*?from\s+)?"([^"]+)"/gms,
    /\b__require\("([^"]+)"\)/g,
  ];
  if (lazy) patterns.push(/\bimport\(\s*"([^"]+)"\s*\)/g);
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    code.push({ file, text });
    for (const pattern of patterns) {
      for (const [, spec = ""] of text.matchAll(pattern)) {
        if (spec.startsWith("./")) visit(spec.slice(2));
        else if (!isBuiltin(spec)) {
          specifiers.add(spec);
          imported.add(packageOf(spec));
        }
      }
    }
    for (const [, name = ""] of text.matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)/gm)) {
      bundled.add(name);
    }
  };
  for (const entry of entries) visit(entry);
  return { specifiers, imported, bundled, code };
}
