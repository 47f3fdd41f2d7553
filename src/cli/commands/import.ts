import type { Command } from "commander";
import { unstructuredTargets } from "../../domain/assessment/plan-checks.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { parseJson, type ValidateOptions } from "../../domain/manifesto/validate.ts";
import { ValidationError } from "../../errors.ts";
import type { SettingsLookup } from "../../reports/xlsx/index.ts";
import type { ImportedFile } from "../../services/import-manifesto-files.ts";
import { runAdminCommand } from "../admin-command.ts";
import { printProblems, readInputBytes, readInputFile } from "../io.ts";

/**
 * The settings of each municipality a workbook names, asked once per municipality: a workbook
 * is checked against them as the staff app checks it (its tags, its second scale).
 */
function settingsLookup(): SettingsLookup {
  const asked = new Map<string, Promise<ValidateOptions>>();
  return (code) => {
    if (code === undefined) return Promise.resolve({});
    let options = asked.get(code);
    if (!options) {
      // A code that is not one is refused by the document's own check; nothing to look up.
      options = runAdminCommand("municipality validate-options", { code }).catch((e) => {
        if (e instanceof ValidationError) return {};
        throw e;
      });
      asked.set(code, options);
    }
    return options;
  };
}

/** A JSON document, or a filled-in Excel template (.xlsx) read into one. */
async function readDocument(file: string, settings: SettingsLookup): Promise<unknown> {
  if (file.toLowerCase().endsWith(".xlsx")) {
    // Loaded only for .xlsx files: exceljs is heavy.
    const { importManifestoXlsx } = await import("../../reports/xlsx/index.ts");
    const workbook = await importManifestoXlsx(readInputBytes(file), settings);
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
        const read: { name: string; document: unknown }[] = [];
        let unreadable = 0;
        const settings = settingsLookup();
        for (const file of files) {
          try {
            read.push({ name: file, document: await readDocument(file, settings) });
          } catch (e) {
            if (!(e instanceof ValidationError)) throw e;
            printProblems(file, e.problems);
            unreadable++;
          }
        }
        // Looked up once per written file: a search of the list each time was quadratic in the
        // number of files of a large import.
        const documentByName = new Map(read.map((r) => [r.name, r.document]));
        const report = (i: ImportedFile, done: number, total: number) => {
          if (i.createdMunicipality) {
            process.stdout.write(
              `団体 ${i.municipalityCode} を登録しました（created municipality ${i.municipalityCode}）\n`,
            );
          }
          if (i.createdDepartment) {
            process.stdout.write(
              `部局 ${i.departmentName} を ${i.municipalityCode} に登録しました（created department ${i.departmentName} in ${i.municipalityCode}）\n`,
            );
          }
          if (opts.quiet) return;
          process.stdout.write(
            `[${done}/${total}] ${i.name}: ${i.municipalityCode} ${i.fiscalYear} ${i.departmentName} ` +
              `第${i.revision}版${i.created ? "（新規）" : ""}\n`,
          );
          // Kept as written; the assessment's target_not_structured proposes the measure.
          // The document was valid (it was imported), so it has the format's shape.
          const doc = documentByName.get(i.name) as ManifestoDocument | undefined;
          const unstructured = doc ? unstructuredTargets(doc) : [];
          if (unstructured.length > 0) {
            process.stdout.write(
              `  数値が文章だけに書かれた達成目標 ${unstructured.length} 件（target_not_structured）: ${unstructured.join(", ")}\n`,
            );
          }
        };
        // Checked, then written, by one service: here (each file reported as it is written),
        // or in the running server that holds the embedded database (admin-command.ts; then
        // reported when it answers).
        let reported = 0;
        const r = await runAdminCommand("import", {
          files: read,
          published: opts.published,
          note: opts.note,
          checkOnly: unreadable > 0,
          onWritten: (i: ImportedFile, done: number, total: number) => {
            reported = done;
            report(i, done, total);
          },
        });
        for (const refused of r.refused) printProblems(refused.name, refused.problems);
        const refusedCount = unreadable + r.refused.length;
        if (refusedCount > 0) {
          throw new ValidationError(
            `${files.length} 件中 ${refusedCount} 件のファイルに問題があるため、何も取り込みませんでした`,
            [],
          );
        }
        const done = r.imported.length;
        for (const [n, i] of r.imported.entries()) {
          if (n >= reported) report(i, n + 1, done);
        }
        process.stdout.write(`${done} 件のマニフェストを取り込みました\n`);
      },
    );
}
