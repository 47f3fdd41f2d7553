import type { Command } from "commander";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { parseJson } from "../../domain/manifesto/validate.ts";
import { ValidationError } from "../../errors.ts";
import { validateForImport, writeManifesto } from "../../services/import-manifesto.ts";
import { withDatabase } from "../context.ts";
import { printProblems, readInputBytes, readInputFile } from "../io.ts";

/** A JSON document, or a filled-in Excel template (.xlsx) read into one. */
async function readDocument(file: string): Promise<unknown> {
  if (file.toLowerCase().endsWith(".xlsx")) {
    // Loaded only for .xlsx files: exceljs is heavy.
    const { importManifestoXlsx } = await import("../../reports/xlsx/index.ts");
    const workbook = await importManifestoXlsx(readInputBytes(file));
    if (!workbook.ok)
      throw new ValidationError("Excel テンプレートとして読み込めません", workbook.problems);
    return workbook.value;
  }
  const json = parseJson(readInputFile(file));
  if (!json.ok) throw new ValidationError("JSON として読み込めません", json.problems);
  return json.value;
}

export function registerImport(program: Command): void {
  program
    .command("import")
    .description(
      "Import manifestos in tassei.manifesto/v1. Every file is checked first: if any breaks a rule, " +
        "every problem is listed with its JSON path and nothing is written (exit code 2). " +
        "Importing a municipality/year/department again replaces its content with a new revision.",
    )
    .argument("<files...>", "JSON files, or filled-in Excel templates (.xlsx), one manifesto each")
    .option(
      "--published",
      "mark the imported manifestos as published (results published when evaluated)",
    )
    .option("--note <text>", "a note kept with the new revisions")
    .option("--quiet", "print only the summary line")
    .action(
      async (files: string[], opts: { published?: boolean; note?: string; quiet?: boolean }) => {
        await withDatabase("import", async (ctx) => {
          const docs: { file: string; doc: ManifestoDocument }[] = [];
          let refused = 0;
          for (const file of files) {
            try {
              docs.push({ file, doc: await validateForImport(ctx, await readDocument(file)) });
            } catch (e) {
              if (!(e instanceof ValidationError)) throw e;
              printProblems(file, e.problems);
              refused++;
            }
          }
          if (refused > 0) {
            throw new ValidationError(
              `${files.length} 件中 ${refused} 件のファイルに問題があるため、何も取り込みませんでした`,
              [],
            );
          }
          let done = 0;
          for (const { file, doc } of docs) {
            const r = await writeManifesto(ctx, doc, {
              source: "import",
              ...(opts.published && { published: true }),
              ...(opts.note !== undefined && { note: opts.note }),
            });
            done++;
            if (!opts.quiet) {
              process.stdout.write(
                `[${done}/${docs.length}] ${file}: ${r.municipalityCode} ${r.fiscalYear} ${r.departmentName} ` +
                  `第${r.revision}版${r.created ? "（新規）" : ""}\n`,
              );
            }
          }
          process.stdout.write(`${done} 件のマニフェストを取り込みました\n`);
        });
      },
    );
}
