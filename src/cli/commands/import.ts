import type { Command } from "commander";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { parseJson } from "../../domain/manifesto/validate.ts";
import { ValidationError } from "../../errors.ts";
import { validateForImport, writeManifesto } from "../../services/import-manifesto.ts";
import { masterDataProblems } from "../../services/manifestos/master-data.ts";
import { withDatabase } from "../context.ts";
import { printProblems, readInputBytes, readInputFile } from "../io.ts";

/** A JSON document, or a filled-in Excel template (.xlsx) read into one. */
async function readDocument(file: string): Promise<unknown> {
  if (file.toLowerCase().endsWith(".xlsx")) {
    // Loaded only for .xlsx files: exceljs is heavy.
    const { importManifestoXlsx } = await import("../../reports/xlsx/index.ts");
    const workbook = await importManifestoXlsx(readInputBytes(file));
    if (!workbook.ok) throw new ValidationError("not a valid template", workbook.problems);
    return workbook.value;
  }
  const json = parseJson(readInputFile(file));
  if (!json.ok) throw new ValidationError("not JSON", json.problems);
  return json.value;
}

export function registerImport(program: Command): void {
  program
    .command("import")
    .description(
      "Import manifestos in tassei.manifesto/v1. Every file is checked first: if any breaks a rule, " +
        "every problem is listed with its JSON path and nothing is written (exit code 2). " +
        "Importing a municipality/year/department again replaces its content with a new revision. " +
        "A municipality or department that does not exist yet is created (and said so); one that " +
        "exists must be named exactly as registered: an import never renames master data.",
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
              const doc = await validateForImport(ctx, await readDocument(file));
              const problems = await masterDataProblems(ctx.db, doc, "create-missing");
              if (problems.length > 0) {
                throw new ValidationError(
                  "文書の自治体・部局が登録されている内容と違います",
                  problems,
                );
              }
              docs.push({ file, doc });
            } catch (e) {
              if (!(e instanceof ValidationError)) throw e;
              printProblems(file, e.problems);
              refused++;
            }
          }
          if (refused > 0) {
            throw new ValidationError(
              `${refused} of ${files.length} files refused; nothing was imported`,
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
            if (r.createdMunicipality) {
              process.stdout.write(
                `created municipality ${r.municipalityCode} ${doc.municipality.name}\n`,
              );
            }
            if (r.createdDepartment) {
              process.stdout.write(
                `created department ${r.departmentName}${doc.department.code ? ` (${doc.department.code})` : ""} in ${r.municipalityCode}\n`,
              );
            }
            if (!opts.quiet) {
              process.stdout.write(
                `[${done}/${docs.length}] ${file}: ${r.municipalityCode} ${r.fiscalYear} ${r.departmentName} ` +
                  `revision ${r.revision}${r.created ? " (new)" : ""}\n`,
              );
            }
          }
          process.stdout.write(`imported ${done} manifesto${done === 1 ? "" : "s"}\n`);
        });
      },
    );
}
