// The corrections of a published manifesto, as its page lists them: each publication that
// replaced published content within the same phase (a correction, which always carries its
// change note), with what changed since the publication before it. Publishing the results
// after the plan is the next phase, not a correction, and is not listed. Built from
// publications only, so a draft never shows.
import {
  listPublicPublications,
  type PublicPublication,
} from "../../db/repositories/public-manifestos.ts";
import { describeChanges, type ReadableChange } from "../../domain/manifesto/describe-changes.ts";
import type { ServiceContext } from "../context.ts";

export interface PublicCorrection {
  /** The revision this correction published (第N版). */
  revision: number;
  publishedAt: Date;
  changeNote: string | null;
  changes: ReadableChange[];
}

/** Newest first. */
export async function listPublicCorrections(
  ctx: ServiceContext,
  manifestoId: number,
): Promise<PublicCorrection[]> {
  return correctionsOf(await listPublicPublications(ctx.db, manifestoId));
}

/** The corrections among a manifesto's publications (oldest first), newest first. */
export function correctionsOf(publications: readonly PublicPublication[]): PublicCorrection[] {
  const corrections: PublicCorrection[] = [];
  publications.forEach((p, i) => {
    const before = publications[i - 1];
    if (!before || (p.changeNote === null && p.state !== before.state)) return;
    corrections.push({
      revision: p.revision,
      publishedAt: p.publishedAt,
      changeNote: p.changeNote,
      changes: describeChanges(before.document, p.document),
    });
  });
  return corrections.reverse();
}
