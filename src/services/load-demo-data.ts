// The demo: on first start of an empty database, the Iga 2023 General Affairs manifesto
// (the published seed document) is imported as published, so there is something to see.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { countManifestos } from "../db/repositories/manifestos.ts";
import type { ServiceContext } from "./context.ts";
import { importManifesto } from "./import-manifesto.ts";

export const DEMO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../demo");

export async function loadDemoDataIfEmpty(ctx: ServiceContext): Promise<number> {
  if ((await countManifestos(ctx.db)) > 0) return 0;
  const files = fs
    .readdirSync(DEMO_DIR)
    .filter((f) => f.endsWith(".manifesto.json"))
    .sort();
  for (const file of files) {
    const raw: unknown = JSON.parse(fs.readFileSync(path.join(DEMO_DIR, file), "utf8"));
    await importManifesto(ctx, raw, { source: "demo", published: true });
  }
  return files.length;
}
