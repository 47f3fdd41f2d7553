import type { Command } from "commander";
import { ValidationError } from "../../errors.ts";
import { writeOutput } from "../io.ts";
import { parseFiscalYear, parseMunicipalityCode } from "../options.ts";
import { progressReporter } from "../progress.ts";
import { withReadableDatabase } from "../read-copy.ts";

interface BookletOptions {
  municipality: string;
  year: number;
  out?: string;
  includeUnpublished?: boolean;
  substituteMissing?: boolean;
}

export function registerBooklet(program: Command): void {
  program
    .command("booklet")
    .description(
      "Build the booklet（冊子）: every published manifesto of a municipality's fiscal year in one " +
        "PDF, with a cover and a table of contents, departments in the municipality's order.",
    )
    .requiredOption(
      "--municipality <code>",
      "全国地方公共団体コード, e.g. 242161",
      parseMunicipalityCode,
    )
    .requiredOption("--year <fiscalYear>", "fiscal year, e.g. 2023", parseFiscalYear)
    .option("--out <file>", "the PDF file to write (required on a terminal)")
    .option("--include-unpublished", "include manifestos not yet published (a proof copy)")
    .option("--substitute-missing", "print characters the font lacks as 〓 instead of refusing")
    .action(async (opts: BookletOptions) => {
      if (opts.out === undefined && process.stdout.isTTY) {
        throw new ValidationError("a PDF is binary", [
          { path: "--out", message: "is required on a terminal" },
        ]);
      }
      const { buildBooklet } = await import("../../services/build-booklet.ts");
      await withReadableDatabase("booklet", async (ctx) => {
        const progress = progressReporter("manifestos");
        const result = await buildBooklet(ctx, {
          municipalityCode: opts.municipality,
          fiscalYear: opts.year,
          ...(opts.includeUnpublished && { includeUnpublished: true }),
          ...(opts.substituteMissing && { missingGlyphs: "substitute" as const }),
          onProgress: progress.update,
        });
        progress.end();
        writeOutput(opts.out, result.pdf);
        for (const d of result.departments) process.stderr.write(`${d.page}\t${d.department}\n`);
      });
    });
}
