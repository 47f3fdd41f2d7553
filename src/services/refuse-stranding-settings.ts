// Before the municipality's second scale or tag vocabularies change: refuse the change when a
// stored manifesto uses what it takes away (domain/manifesto/settings-in-use.ts says why).
// Run inside the transaction that writes the change. Used by the staff app's 自治体設定 and by
// `tassei municipality set`.

import { listCurrentDocumentsOfMunicipality } from "../db/repositories/manifestos.ts";
import type { Db } from "../db/repositories/municipalities.ts";
import type { MunicipalityExtensions } from "../domain/manifesto/extension-rules.ts";
import { manifestoDocumentSchema } from "../domain/manifesto/schema.ts";
import {
  type ExtensionSetting,
  type StoredDocument,
  strandedProblems,
  strandedUses,
} from "../domain/manifesto/settings-in-use.ts";
import { ValidationError } from "../errors.ts";

export async function refuseStrandingSettings(
  db: Db,
  municipalityCode: string,
  change: { before: MunicipalityExtensions; after: MunicipalityExtensions },
  fieldOf: (setting: ExtensionSetting) => string,
  message: string,
): Promise<void> {
  const stored: StoredDocument[] = [];
  for (const row of await listCurrentDocumentsOfMunicipality(db, municipalityCode)) {
    // A revision an older release wrote that today's schema refuses is refused at its next
    // save already; this change does not strand it.
    const parsed = manifestoDocumentSchema.safeParse(row.document);
    if (parsed.success) stored.push({ ...row, document: parsed.data });
  }
  const problems = strandedProblems(strandedUses(stored, change.before, change.after), fieldOf);
  if (problems.length > 0) throw new ValidationError(message, problems);
}
