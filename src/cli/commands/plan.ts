import path from "node:path";
import { type Command, Option } from "commander";
import { runAdminCommand } from "../admin-command.ts";
import { readInputFile } from "../io.ts";
import { parseMunicipalityCode } from "../options.ts";

export function registerPlan(program: Command): void {
  const cmd = program
    .command("plan")
    .description("The municipality's plan structure (総合計画: 施策・基本事業 codes and titles).");

  cmd
    .command("import")
    .description(
      "Replace the plan structure from a JSON file ([{code,title,parent?}] or {items:[…]}) or a CSV " +
        "file with a header row code,title[,parent]. Policy refs of manifestos that name no code " +
        "of the plan are then reported as notices by `tassei assess`.",
    )
    .requiredOption("--municipality <code>", "全国地方公共団体コード", parseMunicipalityCode)
    .addOption(
      new Option("--format <format>", "file format (default: from the file name)").choices([
        "json",
        "csv",
      ]),
    )
    .argument("<file>", "the plan structure file")
    .action(async (file: string, opts: { municipality: string; format?: "json" | "csv" }) => {
      const format = opts.format ?? (path.extname(file).toLowerCase() === ".csv" ? "csv" : "json");
      const content = readInputFile(file);
      const r = await runAdminCommand("plan import", {
        municipalityCode: opts.municipality,
        content,
        format,
      });
      process.stdout.write(`imported ${r.items} plan items\n`);
    });

  cmd
    .command("show")
    .description("Print the plan structure as JSON.")
    .requiredOption("--municipality <code>", "全国地方公共団体コード", parseMunicipalityCode)
    .action(async (opts: { municipality: string }) => {
      const items = await runAdminCommand("plan show", { code: opts.municipality });
      process.stdout.write(`${JSON.stringify({ items }, null, 2)}\n`);
    });
}
