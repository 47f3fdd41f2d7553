// Acknowledged progress reports (確認済み) in an exported document: each entry becomes a
// `goals[].progress` item (FORMAT.md "Progress"), oldest first. A goal no acknowledged report
// covers is left exactly as stored, so a document exports byte for byte as it was imported
// until a report about it is acknowledged. Entries the document already carries (a re-import
// of an earlier export, the Excel sheet) are not repeated.
import { goalSchema, LIMITS, type ManifestoDocument, type Progress } from "../manifesto/schema.ts";
import type { ProgressEntry } from "./report.ts";

/** The format's Progress of a report entry, keys in FORMAT.md's order. */
function asProgress(entry: ProgressEntry): Progress {
  return {
    asOf: entry.asOf,
    ...(entry.status !== undefined && { status: entry.status }),
    ...(entry.note !== undefined && { note: entry.note }),
    ...(entry.values !== undefined && {
      values: entry.values.map((v) => ({ target: v.target, actual: v.actual })),
    }),
  };
}

/** The same report entry whatever the key order: what "already carried" compares. */
export function progressKey(p: Progress): string {
  return JSON.stringify(asProgress({ ...p, goal: 1 }));
}

const GOAL_KEYS = Object.keys(goalSchema.shape);

/**
 * The document with the entries of `acknowledged` (each report's entries, oldest report
 * first) added to its goals' progress, sorted by `asOf` (a stable sort: entries of one day
 * keep their order). Beyond the format's limit the oldest give way.
 */
export function withAcknowledgedProgress(
  doc: ManifestoDocument,
  acknowledged: readonly (readonly ProgressEntry[])[],
): ManifestoDocument {
  const added = new Map<number, Progress[]>();
  for (const entries of acknowledged) {
    for (const entry of entries) {
      added.set(entry.goal, [...(added.get(entry.goal) ?? []), asProgress(entry)]);
    }
  }
  if (added.size === 0) return doc;
  const goals = doc.goals.map((goal) => {
    const more = added.get(goal.number);
    if (!more) return goal;
    const have = goal.progress ?? [];
    const seen = new Set(have.map(progressKey));
    const fresh = more.filter((p) => !seen.has(progressKey(p)) && seen.add(progressKey(p)));
    if (fresh.length === 0) return goal;
    const progress = [...have, ...fresh]
      .sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0))
      .slice(-LIMITS.progress);
    // The new key takes its place in the format's key order, as an imported one would.
    const withProgress: Record<string, unknown> = { ...goal, progress };
    const ordered: Record<string, unknown> = {};
    for (const k of GOAL_KEYS) if (withProgress[k] !== undefined) ordered[k] = withProgress[k];
    return ordered as typeof goal;
  });
  return { ...doc, goals };
}
