// Published content is frozen in every phase (domain/manifesto/phase-changes.ts): a write
// that would change more than its state allows is refused, naming the paths. What remains
// is a correction (planning, with a note, shown in 訂正の履歴).
import type { Db } from "../../db/repositories/municipalities.ts";
import { findRevisionDocument } from "../../db/repositories/staff-manifestos.ts";
import { frozenChanges } from "../../domain/manifesto/phase-changes.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { isManifestoState, type ManifestoState } from "../../domain/workflow.ts";
import { ValidationError } from "../../errors.ts";

const MAX_LISTED = 50;

export async function refuseFrozenChanges(
  tx: Db,
  w: { manifestoId: number; currentRevision: number; state: ManifestoState | string },
  doc: ManifestoDocument,
): Promise<void> {
  if (w.state === "draft" || !isManifestoState(w.state)) return;
  const before = await findRevisionDocument(tx, w.manifestoId, w.currentRevision);
  const frozen = frozenChanges(w.state, before, doc);
  if (frozen.length === 0) return;
  throw new ValidationError(
    "公表した計画の内容は変更できません。評価の段階で変更できるのは実績・評価・理由・進捗だけです（計画の訂正は企画課が変更内容の説明を付けて「訂正」で行います）",
    frozen.slice(0, MAX_LISTED).map((path) => ({
      path,
      message: "公表した計画の内容です（訂正としてのみ変更できます）",
    })),
  );
}
