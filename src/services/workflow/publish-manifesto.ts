// Planning publishes an approved plan or an approved set of results: the current revision
// becomes the one the public pages show, listed in manifesto_publications. Results with
// assessment warnings are published only when the caller confirms that many warnings
// (`confirmWarnings`), so that nobody publishes them without having seen them (issue #11).
import { findManifestoInScope } from "../../db/repositories/staff-manifestos.ts";
import { assessManifesto } from "../../domain/assessment/index.ts";
import { manifestoDocumentSchema } from "../../domain/manifesto/schema.ts";
import { scopeOf } from "../../domain/roles.ts";
import { ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { recordPublication } from "../manifestos/record-publication.ts";
import { moveManifesto, type TransitionInput, type TransitionResult } from "./move-manifesto.ts";

export function publishManifesto(
  ctx: StaffContext,
  id: number,
  input: TransitionInput,
): Promise<TransitionResult> {
  return moveManifesto(ctx, id, "publish", input, async (move) => {
    if (move.to === "results_published") {
      const current = await findManifestoInScope(move.tx, scopeOf(ctx.user), id);
      const doc = manifestoDocumentSchema.safeParse(current?.document);
      // The same assessment the staff app shows beside the document (document-only options).
      const warnings = doc.success ? assessManifesto(doc.data).summary.warnings : 0;
      if (warnings > 0 && input.confirmWarnings !== warnings) {
        throw new ValidationError(
          `評価に警告が${warnings}件あります。確認してから公表してください`,
          [{ path: "confirmWarnings", message: `警告${warnings}件を確認したことを示してください` }],
        );
      }
    }
    await recordPublication(move.tx, {
      manifestoId: move.manifestoId,
      revision: move.revision,
      state: move.to,
      changeNote: null,
      publishedBy: ctx.actor,
    });
  });
}
