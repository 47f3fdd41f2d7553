import type { Command } from "commander";
import {
  getIndicatorSeries,
  listMunicipalityIndicators,
} from "../../services/get-indicator-series.ts";
import { parseMunicipalityCode, parseNonEmpty } from "../options.ts";
import { withReadableDatabase } from "../read-copy.ts";

export function registerIndicators(program: Command): void {
  program
    .command("indicators")
    .description(
      "List a municipality's indicators, or with --indicator print one indicator's series across " +
        "fiscal years (targets sharing an NFKC-equal indicator name form one series), as JSON.",
    )
    .requiredOption("--municipality <code>", "全国地方公共団体コード", parseMunicipalityCode)
    .option("--indicator <name>", "the indicator's name as written in a measure", parseNonEmpty)
    .action(async (opts: { municipality: string; indicator?: string }) => {
      await withReadableDatabase("indicators", async (ctx) => {
        const out = opts.indicator
          ? await getIndicatorSeries(ctx, opts.municipality, opts.indicator)
          : { indicators: await listMunicipalityIndicators(ctx, opts.municipality) };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      });
    });
}
