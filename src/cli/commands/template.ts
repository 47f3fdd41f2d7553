import type { Command } from "commander";
import { ValidationError } from "../../errors.ts";
import { writeOutput } from "../io.ts";
import { parseFiscalYear, parseMunicipalityCode, parseNonEmpty } from "../options.ts";
import { withReadableDatabase } from "../read-copy.ts";

interface TemplateOptions {
  out?: string;
  municipality?: string;
  year?: number;
  department?: string;
}

export function registerTemplate(program: Command): void {
  program
    .command("template")
    .description(
      "Write the Excel template（.xlsx）a department fills in and `tassei import` reads back. " +
        "Empty, or prefilled from a stored manifesto (e.g. last year's) with --municipality, " +
        "--year and --department.",
    )
    .option("--out <file>", "the .xlsx file to write (required on a terminal)")
    .option(
      "--municipality <code>",
      "prefill from this municipality's manifesto",
      parseMunicipalityCode,
    )
    .option("--year <fiscalYear>", "… of this fiscal year", parseFiscalYear)
    .option("--department <name>", "… of this department", parseNonEmpty)
    .action(async (opts: TemplateOptions) => {
      if (opts.out === undefined && process.stdout.isTTY) {
        throw new ValidationError("an .xlsx file is binary", [
          { path: "--out", message: "is required on a terminal" },
        ]);
      }
      const given = [opts.municipality, opts.year, opts.department].filter((v) => v !== undefined);
      if (given.length !== 0 && given.length !== 3) {
        throw new ValidationError("prefilling needs all three", [
          { path: "--municipality/--year/--department", message: "give all three, or none" },
        ]);
      }
      const { exportTemplateXlsx } = await import("../../reports/xlsx/index.ts");
      if (opts.municipality === undefined || opts.year === undefined || !opts.department) {
        writeOutput(opts.out, await exportTemplateXlsx());
        return;
      }
      const selector = {
        municipalityCode: opts.municipality,
        fiscalYear: opts.year,
        department: opts.department,
      };
      const { exportManifesto } = await import("../../services/export-manifesto.ts");
      await withReadableDatabase("template", async (ctx) => {
        const doc = await exportManifesto(ctx, selector);
        writeOutput(opts.out, await exportTemplateXlsx({ doc }));
      });
    });
}
