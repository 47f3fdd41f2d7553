// A revision becomes what citizens read: its publication row, and the public read model
// (search rows, indicator series) rebuilt from it, in the caller's transaction. Every
// publication goes through here (a publish, a correction, an import as published), and only
// a publication changes what is public: drafts written afterwards leave these rows alone.
import { registerIndicators } from "../../db/repositories/indicators.ts";
import type { Db } from "../../db/repositories/municipalities.ts";
import { refreshPublicTargets } from "../../db/repositories/public-indicators.ts";
import { refreshSearchDocument } from "../../db/repositories/public-search.ts";
import { findRevisionDocument } from "../../db/repositories/staff-manifestos.ts";
import { insertPublication, type PublicationRow } from "../../db/repositories/workflow.ts";
import { projectDocument } from "../../domain/manifesto/projection.ts";
import { manifestoDocumentSchema } from "../../domain/manifesto/schema.ts";

export async function recordPublication(
  tx: Db,
  p: Omit<PublicationRow, "publishedAt"> & { manifestoId: number },
): Promise<void> {
  await insertPublication(tx, p);
  // Indicators enter the public registry here, spelled as this publication spells them.
  const doc = manifestoDocumentSchema.parse(
    await findRevisionDocument(tx, p.manifestoId, p.revision),
  );
  await registerIndicators(tx, doc.municipality.code, projectDocument(doc).indicators);
  await refreshPublicTargets(tx, p.manifestoId);
  await refreshSearchDocument(tx, p.manifestoId);
}
