// Planning publishes an approved plan or an approved set of results: the current revision
// becomes the one the public pages show, listed in manifesto_publications.
import type { StaffContext } from "../auth/staff-context.ts";
import { recordPublication } from "../manifestos/record-publication.ts";
import { moveManifesto, type TransitionInput, type TransitionResult } from "./move-manifesto.ts";

export function publishManifesto(
  ctx: StaffContext,
  id: number,
  input: TransitionInput,
): Promise<TransitionResult> {
  return moveManifesto(ctx, id, "publish", input, (move) =>
    recordPublication(move.tx, {
      manifestoId: move.manifestoId,
      revision: move.revision,
      state: move.to,
      changeNote: null,
      publishedBy: ctx.actor,
    }),
  );
}
