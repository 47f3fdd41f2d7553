import { type Command, Option } from "commander";
import { exportManifesto } from "../../services/export-manifesto.ts";
import { withDatabase } from "../context.ts";
import { writeOutput } from "../io.ts";
import { parseFiscalYear, parseMunicipalityCode, parseNonEmpty } from "../options.ts";

export function registerExport(program: Command): void {
  program
    .command("export")
    .description(
      "Write one department's manifesto of a fiscal year as a tassei.manifesto/v1 document.",
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
    .requiredOption(
      "--department <name>",
      "department name (e.g. 総務部) or the department's own code",
      parseNonEmpty,
    )
    .addOption(new Option("--format <format>", "output format").choices(["json"]).default("json"))
    .option("--out <file>", "write to this file instead of standard output")
    .action(
      async (opts: { municipality: string; year: number; department: string; out?: string }) => {
        await withDatabase("export", async (ctx) => {
          const doc = await exportManifesto(ctx, {
            municipalityCode: opts.municipality,
            fiscalYear: opts.year,
            department: opts.department,
          });
          writeOutput(opts.out, `${JSON.stringify(doc, null, 2)}\n`);
        });
      },
    );
}
