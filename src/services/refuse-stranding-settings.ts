// Before the municipality's evaluation scale, second scale or tag vocabularies change: refuse the change when a
// stored manifesto uses what it takes away (domain/manifesto/settings-in-use.ts says why).
// Run inside the transaction that writes the change. Used by the staff app's 自治体設定 and by
// `tassei municipality set`.

import { listCurrentDocumentsOfMunicipality } from "../db/repositories/manifestos.ts";
import { type Db, findMunicipality } from "../db/repositories/municipalities.ts";
import { manifestoDocumentSchema } from "../domain/manifesto/schema.ts";
import {
  type ExtensionChange,
  type ExtensionSetting,
  type StoredDocument,
  strandedProblems,
  strandedUses,
  withExtensionChange,
} from "../domain/manifesto/settings-in-use.ts";
import { ValidationError } from "../errors.ts";
import { validateOptionsOf } from "./municipality-scale.ts";

export async function refuseStrandingSettings(
  db: Db,
  municipalityCode: string,
  change: ExtensionChange,
  words: {
    message: string;
    fieldOf: (setting: ExtensionSetting) => string;
    placeOf?: (path: string) => string;
  },
): Promise<void> {
  const changes = [change.scale, change.scoreScale, change.tagVocabularies];
  if (changes.every((c) => c === undefined)) return;
  // Read here, inside the change's transaction, and only when a setting a document relies on
  // changes (a new name or title needs none of this).
  const before = validateOptionsOf(await findMunicipality(db, municipalityCode));
  const after = withExtensionChange(before, change);
  const stored: StoredDocument[] = [];
  for (const row of await listCurrentDocumentsOfMunicipality(db, municipalityCode)) {
    // A revision an older release wrote that today's schema refuses is refused at its next
    // save already; this change does not strand it.
    const parsed = manifestoDocumentSchema.safeParse(row.document);
    if (parsed.success) stored.push({ ...row, document: parsed.data });
  }
  const uses = strandedUses(stored, before, after);
  const problems = strandedProblems(uses, words.fieldOf, words.placeOf);
  if (problems.length > 0) throw new ValidationError(words.message, problems);
}
