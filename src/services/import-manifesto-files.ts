// The operator's import of several documents (`tassei import`): every document is checked
// first — the format, and the master data it names (a municipality or department may be
// new, never renamed) — and when any is refused, nothing is written and every problem is
// listed by file. Otherwise each is written as a new revision.
import type { Problem } from "../domain/manifesto/validate.ts";
import { ValidationError } from "../errors.ts";
import type { ServiceContext } from "./context.ts";
import { type ImportResult, validateForImport, writeManifesto } from "./import-manifesto.ts";
import { masterDataProblems } from "./manifestos/master-data.ts";

export interface ImportFilesInput {
  /** Each document with the name it is reported by (its file). */
  files: { name: string; document: unknown }[];
  published?: boolean | undefined;
  note?: string | undefined;
  /** Only check, write nothing (another file was refused before it could be read). */
  checkOnly?: boolean | undefined;
  /**
   * Told of each document as soon as it is written, for progress on a long import. Only in
   * the same process: a request to the running server carries no function.
   */
  onWritten?: ((file: ImportedFile, done: number, total: number) => void) | undefined;
}

export type ImportedFile = ImportResult & { name: string };

export interface ImportFilesResult {
  refused: { name: string; problems: Problem[] }[];
  imported: ImportedFile[];
}

export async function importManifestoFiles(
  ctx: ServiceContext,
  input: ImportFilesInput,
): Promise<ImportFilesResult> {
  const checked = [];
  const refused: ImportFilesResult["refused"] = [];
  for (const file of input.files) {
    try {
      const doc = await validateForImport(ctx, file.document);
      const problems = await masterDataProblems(ctx.db, doc, "create-missing");
      if (problems.length > 0) refused.push({ name: file.name, problems });
      else checked.push({ name: file.name, doc });
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      refused.push({ name: file.name, problems: e.problems });
    }
  }
  if (refused.length > 0 || input.checkOnly) return { refused, imported: [] };
  const imported: ImportFilesResult["imported"] = [];
  for (const { name, doc } of checked) {
    const r = await writeManifesto(ctx, doc, {
      source: "import",
      ...(input.published && { published: true }),
      ...(input.note !== undefined && { note: input.note }),
    });
    imported.push({ ...r, name });
    input.onWritten?.({ ...r, name }, imported.length, checked.length);
  }
  return { refused, imported };
}
