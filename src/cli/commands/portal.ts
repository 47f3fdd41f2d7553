import type { Command } from "commander";
import type { DatabaseHandle } from "../../db/connection.ts";
import { parseMunicipalityCode, parseNonEmpty } from "../options.ts";
import { withReadableDatabase } from "../read-copy.ts";

interface ExportOptions {
  municipality: string;
  out: string;
}

export function registerPortal(program: Command): void {
  const cmd = program.command("portal").description("The public portal.");
  cmd
    .command("export")
    .description(
      "Write a municipality's public site — every page, chart and download, with a search that " +
        "runs in the browser — as files for any static web server, under any path (relative " +
        "links). Again into the same folder, only what changed is written; files the site no " +
        "longer has are removed. Prints one line per file: written<TAB>path or deleted<TAB>path. " +
        "An embedded database in use by `tassei serve` is read from a copy taken through it.",
    )
    .requiredOption("--municipality <code>", "全国地方公共団体コード", parseMunicipalityCode)
    .requiredOption("--out <dir>", "the folder to write (created if missing)", parseNonEmpty)
    .action(async (opts: ExportOptions) => {
      await withReadableDatabase("portal export", (_ctx, handle) => exportFrom(handle, opts));
    });
}

async function exportFrom(handle: DatabaseHandle, opts: ExportOptions): Promise<void> {
  const { exportStaticPortal } = await import("../../services/portal/export-static-portal.ts");
  const { openPortalSource } = await import("../../server/portal/static-source.ts");
  const source = await openPortalSource(handle, opts.municipality);
  try {
    const r = await exportStaticPortal({
      municipalityCode: opts.municipality,
      outDir: opts.out,
      source,
    });
    for (const f of r.written) process.stdout.write(`written\t${f}\n`);
    for (const f of r.deleted) process.stdout.write(`deleted\t${f}\n`);
    for (const b of r.broken) {
      process.stderr.write(`warning: ${b.address} (linked from ${b.from}) answered ${b.status}\n`);
    }
    process.stderr.write(
      `${r.written.length} written, ${r.unchanged} unchanged, ${r.deleted.length} deleted\n`,
    );
  } finally {
    await source.close();
  }
}
