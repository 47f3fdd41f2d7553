// A revision becomes what citizens read: its publication row, and the public read model
// (search rows, indicator series) rebuilt from it, in the caller's transaction. Every
// publication goes through here (a publish, a correction, an import as published), and only
// a publication changes what is public: drafts written afterwards leave these rows alone.
import type { Db } from "../../db/repositories/municipalities.ts";
import { refreshPublicTargets } from "../../db/repositories/public-indicators.ts";
import { refreshSearchDocument } from "../../db/repositories/public-search.ts";
import { insertPublication, type PublicationRow } from "../../db/repositories/workflow.ts";

export async function recordPublication(
  tx: Db,
  p: Omit<PublicationRow, "publishedAt"> & { manifestoId: number },
): Promise<void> {
  await insertPublication(tx, p);
  await refreshPublicTargets(tx, p.manifestoId);
  await refreshSearchDocument(tx, p.manifestoId);
}
