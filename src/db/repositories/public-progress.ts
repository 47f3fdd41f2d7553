// Progress reports the public may read: only acknowledged ones (確認済み), of a manifesto the
// caller has already found among the published ones (public-manifestos.ts).
import type { Db } from "./municipalities.ts";

export async function listAcknowledgedProgress(
  db: Db,
  manifestoId: number,
): Promise<{ entries: unknown; acknowledgedAt: Date | null }[]> {
  const rows = await db
    .selectFrom("progress_reports")
    .select(["entries", "acknowledged_at"])
    .where("manifesto_id", "=", manifestoId)
    .where("state", "=", "acknowledged")
    .orderBy("id", "desc")
    .execute();
  return rows.map((r) => ({ entries: r.entries, acknowledgedAt: r.acknowledged_at }));
}
