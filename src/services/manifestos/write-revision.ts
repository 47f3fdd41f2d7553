// The tail of every write of a document to a manifesto, inside the caller's transaction:
// the revision, the current pointer, the read model and the audit event (in two statements
// and the indicators' lookup: revision-write.ts); for an import as
// published, also the publication and the public read model (a draft leaves that alone).
// Imports and saves from the staff API both end here, so a write is recorded the same way
// whatever its origin.
import { ensureIndicators } from "../../db/repositories/indicators.ts";
import type { Db } from "../../db/repositories/municipalities.ts";
import { insertProjectionRows } from "../../db/repositories/projection.ts";
import { documentBefore } from "../../db/repositories/revision-history.ts";
import { writeRevisionRecord } from "../../db/repositories/revision-write.ts";
import { diffDocuments } from "../../domain/manifesto/diff.ts";
import { projectDocument } from "../../domain/manifesto/projection.ts";
import { projectionChange } from "../../domain/manifesto/projection-change.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { comparisonKey } from "../../domain/text.ts";
import { PUBLISHED_STATES } from "../../domain/workflow.ts";
import { recordPublication } from "./record-publication.ts";

export async function writeRevision(
  tx: Db,
  actor: string,
  w: {
    manifestoId: number;
    revision: number;
    doc: ManifestoDocument;
    source: string;
    note?: string;
    /** A new workflow state, when the write changes it (an import as published). */
    state?: string;
    action: string;
    detail?: Record<string, unknown>;
    /** An autosave replacing the actor's working revision, deleted (save-manifesto.ts). */
    coalesced?: { replacing: number; createdAt: Date; saves: number };
    /**
     * What the caller already read under the manifesto's lock (a save): `previous`, the
     * document of the revision before this one, to diff against (undefined: none); and
     * `current`, the document the read model now projects, so that only the goals that
     * changed are rewritten. Without it both are read, and the read model rebuilt whole.
     */
    known?: { previous: unknown | undefined; current: ManifestoDocument };
  },
): Promise<{ updatedAt: Date }> {
  const { doc, manifestoId, revision } = w;
  const projection = projectDocument(doc);
  // The history shows what changed; computed once here, not per reading (migration 0012).
  const before = w.known ? w.known.previous : await documentBefore(tx, manifestoId, revision);
  const changes = before === undefined ? [] : diffDocuments(before, doc);
  const change = w.known && projectionChange(projectDocument(w.known.current), projection);
  const written = change ?? projection;
  // The revision, the pointer, the stale read-model rows and the audit event in one
  // statement; the new read-model rows need the indicators' ids, so they follow.
  const { updatedAt } = await writeRevisionRecord(tx, {
    revision: {
      manifestoId,
      revision,
      documentJson: JSON.stringify(doc),
      source: w.source,
      ...(w.note !== undefined && { note: w.note }),
      createdBy: actor,
      changesJson: JSON.stringify(changes),
      ...(w.coalesced && { coalesced: w.coalesced }),
    },
    pointer: {
      departmentName: doc.department.name,
      departmentNameKey: comparisonKey(doc.department.name),
      ...(w.state !== undefined && { state: w.state }),
    },
    staleGoals: change ? change.stale : "all",
    audit: {
      actor,
      action: w.action,
      municipalityCode: doc.municipality.code,
      manifestoId,
      detail: {
        fiscalYear: doc.fiscalYear,
        department: doc.department.name,
        revision,
        source: w.source,
        goals: doc.goals.length,
        ...(w.state !== undefined && { state: w.state }),
        ...(w.coalesced && { coalescedSaves: w.coalesced.saves }),
        ...w.detail,
      },
    },
  });
  const indicatorIds = await ensureIndicators(tx, doc.municipality.code, written.indicators);
  const targetRows = written.targets.map(({ indicatorKey, ...t }) => ({
    ...t,
    indicatorId: indicatorKey === null ? null : (indicatorIds.get(indicatorKey) ?? null),
  }));
  await insertProjectionRows(tx, manifestoId, written.goals, targetRows);
  // An import as published is a publication like any other: the public pages read these.
  if (w.state !== undefined && (PUBLISHED_STATES as readonly string[]).includes(w.state)) {
    await recordPublication(tx, {
      manifestoId,
      revision,
      state: w.state,
      changeNote: w.note ?? null,
      publishedBy: actor,
    });
  }
  return { updatedAt };
}
