// The production build of the server and the command: esbuild compiles src/cli/main.ts (and
// the rendering worker) into plain JavaScript under dist/server, so `npm start` and the
// installed `tassei` command start without compiling TypeScript on every run (tsx costs
// seconds at start-up; tests and development keep running the sources through tsx).
//
// Our own code is bundled, and so are the packages every start loads (START_UP_PACKAGES, with
// what they import): Node loading them file by file from node_modules (kysely alone is ~1,000
// files) was a third of `tassei serve`'s start-up (issue 15). The other packages stay imports
// of node_modules: those loaded lazily, and those that find files beside their own code
// (PGlite's WebAssembly, argon2's native addon). Code-splitting keeps the lazily imported
// parts (xlsx, pdf, charts) out of the start-up: each stays a chunk of its own.
//
//   node scripts/build-server.mjs           build when missing or older than the sources
//   node scripts/build-server.mjs --force   build always
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SERVER_BUILD_DIR = path.join(root, "dist/server");
export const SERVER_ENTRY = path.join(SERVER_BUILD_DIR, "main.mjs");
const SOURCES = ["src", "package-lock.json", "scripts/build-server.mjs"];
// The staff app and the tests are not part of the server's build.
const IGNORED = (name) => name === "web" || name.endsWith(".test.ts");

function newestMtime(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) {
    if (IGNORED(name)) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

/**
 * Packages our code imports at start that are bundled into dist/server, with everything they
 * import in turn. Any package not named here stays external: a new dependency works either
 * way, and test/production-build.db.test.ts names one that the start-up loads from
 * node_modules, so it is bundled here or listed there as one that must stay outside.
 */
export const START_UP_PACKAGES = [
  "commander",
  "csv-parse",
  "csv-stringify",
  "fastify",
  "@fastify/cookie",
  "@fastify/helmet",
  "@fastify/static",
  "kysely",
  "lru-cache",
  "pg",
  "prom-client",
  "zod",
];
// Never bundled, even when a bundled package imports them. pg-native is a native addon, loaded
// only when asked for (`pg.native`); pg-cloudflare is only for Cloudflare Workers. pino (the
// logger fastify brings) starts its transports' workers from files beside its own code
// (`__dirname`), which a bundle does not have.
const NEVER_BUNDLED = ["pg-native", "pg-cloudflare", "pino"];

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
export function packageOf(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/**
 * Whether the build carries `specifier`, imported by the file `importer`, in its bundle. Our
 * code is the project's src/ (the project itself may sit under a node_modules folder, when
 * installed as a package); what our code imports is bundled only for START_UP_PACKAGES, and
 * what a bundled package imports is bundled with it.
 */
export function isBundled(specifier, importer, projectRoot = root) {
  if (specifier.startsWith("node:")) return false;
  const name = packageOf(specifier);
  if (NEVER_BUNDLED.includes(name)) return false;
  const fromOurCode = importer.startsWith(path.join(projectRoot, "src") + path.sep);
  return !fromOurCode || START_UP_PACKAGES.includes(name);
}

const bundleStartUpPackages = {
  name: "bundle-start-up-packages",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.kind === "entry-point" || isBundled(args.path, args.importer)
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

// CommonJS packages bundled into ES modules call require() for Node's built-in modules;
// esbuild's shim forwards to a `require` in scope, which ES modules do not have.
const REQUIRE_BANNER =
  'import { createRequire as __tasseiCreateRequire } from "node:module";\n' +
  "const require = __tasseiCreateRequire(import.meta.url);";

/** True when dist/server is missing or older than a source it is built from. */
export function serverBuildIsStale() {
  if (!fs.existsSync(SERVER_ENTRY)) return true;
  const builtAt = fs.statSync(SERVER_ENTRY).mtimeMs;
  const sources = SOURCES.map((s) => path.join(root, s)).filter((s) => fs.existsSync(s));
  return builtAt < Math.max(...sources.map(newestMtime));
}

/**
 * Builds into a directory of its own, then moves each file into dist/server by rename (atomic),
 * chunks before entries: a process started meanwhile reads either the old build or the new
 * one, never half a file, and a running server still finds its old chunks (their names carry
 * a hash of their content, and old ones are not deleted).
 */
export async function buildServer() {
  const { build } = await import("esbuild");
  const staging = path.join(root, "dist", `.server-build-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    await build({
      absWorkingDir: root,
      entryPoints: [
        { in: "src/cli/main.ts", out: "main" },
        // pool.ts starts its worker threads at ./worker-boot.mjs beside itself.
        { in: "src/reports/render/worker.ts", out: "worker-boot" },
      ],
      outdir: staging,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      plugins: [bundleStartUpPackages],
      banner: { js: REQUIRE_BANNER },
      outExtension: { ".js": ".mjs" },
      // Chunks sit beside the entries: code that finds files relative to its own module
      // (../../dist/web, ./worker-boot.mjs, ../../demo) sees the same depth as in src/x/.
      chunkNames: "chunk-[hash]",
      sourcemap: true,
      // Comments marked as licences (@license, /*!) in the bundled packages are kept.
      legalComments: "eof",
      logLevel: "warning",
    });
    fs.mkdirSync(SERVER_BUILD_DIR, { recursive: true });
    const files = fs.readdirSync(staging);
    const isEntry = (f) => !f.startsWith("chunk-");
    for (const file of [...files.filter((f) => !isEntry(f)), ...files.filter(isEntry)]) {
      fs.renameSync(path.join(staging, file), path.join(SERVER_BUILD_DIR, file));
    }
    recordBuildAndPrune(SERVER_BUILD_DIR, files);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The builds whose files stay in dist/server: the newest, and those a running server may be from. */
export const BUILDS_KEPT = 3;
const MANIFEST = /^\.build-(\d+)\.json$/;

/**
 * Records the files a build wrote (`.build-<time>.json`), then removes the files that only
 * builds older than the last `keep` wrote. Chunk names carry a hash of their content, so every
 * rebuild after a change adds new chunks (about 8 MB with the bundled packages) and nothing
 * removed the old ones. A server started from one of the kept builds still finds every chunk
 * it imports later. Files no record names (from before records were kept) are left alone.
 */
export function recordBuildAndPrune(dir, files, { now = Date.now(), keep = BUILDS_KEPT } = {}) {
  fs.writeFileSync(path.join(dir, `.build-${now}.json`), JSON.stringify(files));
  const listOf = (manifest) => JSON.parse(fs.readFileSync(path.join(dir, manifest), "utf8"));
  const manifests = fs
    .readdirSync(dir)
    .filter((f) => MANIFEST.test(f))
    .sort((a, b) => Number(b.match(MANIFEST)[1]) - Number(a.match(MANIFEST)[1]));
  const kept = new Set(manifests.slice(0, keep).flatMap(listOf));
  for (const manifest of manifests.slice(keep)) {
    for (const file of listOf(manifest)) {
      if (!kept.has(file)) fs.rmSync(path.join(dir, file), { force: true });
    }
    fs.rmSync(path.join(dir, manifest), { force: true });
  }
}

/** Builds when stale; false when it cannot (esbuild missing, a read-only installation). */
export async function ensureServerBuild({ log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  if (!serverBuildIsStale()) return true;
  try {
    log("Building the server (esbuild → dist/server)…");
    await buildServer();
    return true;
  } catch (e) {
    log(`The server could not be built (${e instanceof Error ? e.message : String(e)}).`);
    return false;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (process.argv.includes("--force")) await buildServer();
  else if (!(await ensureServerBuild())) process.exit(1);
}
