// /assets/portal-search.js, the static export's search in the browser: bundled from
// assets/portal-search.ts together with the domain's search rules (src/domain/search/words.ts)
// by esbuild, on first request, and kept for the life of the process. Bundled rather than
// written twice so that the browser splits and matches words exactly as the server does.
// Not at start-up: only a static export or a browser on its search page asks for it.
import path from "node:path";
import { PACKAGE_ROOT } from "../../package-root.ts";

const ENTRY = path.join(PACKAGE_ROOT, "src/server/portal/assets/portal-search.ts");

let bundled: Promise<string> | undefined;

export function portalSearchScript(): Promise<string> {
  bundled ??= bundle().catch((error: unknown) => {
    bundled = undefined; // the next request tries again
    throw error;
  });
  return bundled;
}

async function bundle(): Promise<string> {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: "iife",
    // Browsers of 2020 on (as the portal's CSS); nothing newer is needed.
    target: "es2020",
    charset: "utf8",
    legalComments: "none",
    logLevel: "silent",
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error("esbuild gave no output for portal-search.ts");
  return file.text;
}
