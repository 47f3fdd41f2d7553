import { type Command, Option } from "commander";
import { ValidationError } from "../../errors.ts";
import { exportManifesto } from "../../services/export-manifesto.ts";
import { writeOutput } from "../io.ts";
import { parseFiscalYear, parseMunicipalityCode, parseNonEmpty } from "../options.ts";
import { withReadableDatabase } from "../read-copy.ts";

type Format = "json" | "xlsx" | "pdf" | "csv";

interface ExportOptions {
  municipality: string;
  year: number;
  department?: string;
  format: Format;
  out?: string;
}

export function registerExport(program: Command): void {
  program
    .command("export")
    .description(
      "Write a manifesto: json (tassei.manifesto/v1), xlsx (the printable form, a targets sheet and " +
        "the entry sheets, importable again), pdf (the official A4 layout). csv: the open-data CSV of the fiscal year (UTF-8 with " +
        "BOM, one row per target; --department narrows it to one department).",
    )
    .requiredOption(
      "--municipality <code>",
      "全国地方公共団体コード, e.g. 242161",
      parseMunicipalityCode,
    )
    .requiredOption(
      "--year <fiscalYear>",
      "fiscal year by its starting year, e.g. 2023",
      parseFiscalYear,
    )
    .option(
      "--department <name>",
      "department name (e.g. 総務部) or its own code; required for json, xlsx and pdf",
      parseNonEmpty,
    )
    .addOption(
      new Option("--format <format>", "output format")
        .choices(["json", "xlsx", "pdf", "csv"])
        .default("json"),
    )
    .option("--out <file>", "write to this file instead of standard output")
    .action(async (opts: ExportOptions) => {
      const base = { municipalityCode: opts.municipality, fiscalYear: opts.year };
      if (opts.format !== "csv" && opts.department === undefined) {
        throw new ValidationError("部局（--department）を指定してください", [
          { path: "--department", message: `is required for --format ${opts.format}` },
        ]);
      }
      const binary = opts.format === "xlsx" || opts.format === "pdf";
      if (binary && opts.out === undefined && process.stdout.isTTY) {
        throw new ValidationError(
          `.${opts.format} ファイルは画面に出せません。--out で出力先を指定してください`,
          [{ path: "--out", message: `is required for --format ${opts.format} on a terminal` }],
        );
      }
      await withReadableDatabase("export", async (ctx) => {
        const department = opts.department ?? "";
        if (opts.format === "json") {
          const doc = await exportManifesto(ctx, { ...base, department });
          writeOutput(opts.out, `${JSON.stringify(doc, null, 2)}\n`);
        } else if (opts.format === "xlsx") {
          // Loaded only when asked for: exceljs is heavy, and `serve` starts faster without it.
          const { exportManifestoWorkbook } = await import(
            "../../services/export-manifesto-xlsx.ts"
          );
          writeOutput(opts.out, await exportManifestoWorkbook(ctx, { ...base, department }));
        } else if (opts.format === "pdf") {
          const { exportManifestoPdf } = await import("../../services/export-manifesto-pdf.ts");
          writeOutput(opts.out, await exportManifestoPdf(ctx, { ...base, department }));
        } else {
          const { exportOpenDataCsv } = await import("../../services/export-open-data-csv.ts");
          const { csv, manifestos } = await exportOpenDataCsv(ctx, {
            ...base,
            ...(opts.department !== undefined && { department: opts.department }),
          });
          if (manifestos === 0) {
            throw new ValidationError("出力するマニフェストがありません", [
              {
                path: "--year",
                message: "no manifesto matches the municipality, year and department",
              },
            ]);
          }
          writeOutput(opts.out, csv);
        }
      });
    });
}
