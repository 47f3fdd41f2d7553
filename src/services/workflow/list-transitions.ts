// The moves a manifesto made through the cycle and the revisions that were published:
// who, when, from → to, with what comment or change note.
import { findManifestoInScope } from "../../db/repositories/staff-manifestos.ts";
import {
  listPublications,
  listTransitions,
  type PublicationRow,
  type TransitionRow,
} from "../../db/repositories/workflow.ts";
import { scopeOf } from "../../domain/roles.ts";
import { NotFoundError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { namesOfActors } from "./actor-names.ts";

export interface WorkflowHistory {
  transitions: (TransitionRow & { actorName: string | null })[];
  publications: (PublicationRow & { publishedByName: string | null })[];
}

export async function manifestoWorkflowHistory(
  ctx: StaffContext,
  manifestoId: number,
): Promise<WorkflowHistory> {
  const found = await findManifestoInScope(ctx.db, scopeOf(ctx.user), manifestoId);
  if (!found) throw new NotFoundError(`no manifesto ${manifestoId}`);
  const transitions = await listTransitions(ctx.db, manifestoId);
  const publications = await listPublications(ctx.db, manifestoId);
  const names = await namesOfActors(ctx.db, [
    ...transitions.map((t) => t.actor),
    ...publications.map((p) => p.publishedBy),
  ]);
  return {
    transitions: transitions.map((t) => ({ ...t, actorName: names.get(t.actor) ?? null })),
    publications: publications.map((p) => ({
      ...p,
      publishedByName: names.get(p.publishedBy) ?? null,
    })),
  };
}
