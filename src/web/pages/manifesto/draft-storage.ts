// Unsaved edits kept in this browser, per manifesto and revision, until the server has them:
// a lost connection, a closed tab or an expired session never loses typed text. With the
// edits goes the document they were made on (base), so that edits made on an older revision
// can be merged onto the newest one later (merge.ts).
import type { Manifesto } from "../../api/types.ts";

export interface StoredDraft {
  manifestoId: number;
  revision: number;
  base: Manifesto;
  document: Manifesto;
  /** When the edits were last kept, ISO 8601. */
  keptAt: string;
}

const PREFIX = "tassei:manifesto-draft:";

function keyOf(manifestoId: number, revision: number): string {
  return `${PREFIX}${manifestoId}:${revision}`;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // disabled by the browser's settings
  }
}

/** False when the browser refused (storage full or disabled). */
export function keepDraft(draft: Omit<StoredDraft, "keptAt">): boolean {
  const s = storage();
  if (!s) return false;
  try {
    s.setItem(
      keyOf(draft.manifestoId, draft.revision),
      JSON.stringify({ ...draft, keptAt: new Date().toISOString() }),
    );
    return true;
  } catch {
    return false;
  }
}

/** Every kept draft of a manifesto, newest revision first. */
export function draftsOf(manifestoId: number): StoredDraft[] {
  const s = storage();
  if (!s) return [];
  const drafts: StoredDraft[] = [];
  const prefix = `${PREFIX}${manifestoId}:`;
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (!key?.startsWith(prefix)) continue;
    try {
      const value = JSON.parse(s.getItem(key) ?? "null") as StoredDraft | null;
      if (value && typeof value.revision === "number" && value.document && value.base) {
        drafts.push(value);
      }
    } catch {
      // a damaged entry is of no use to anyone
    }
  }
  return drafts.sort((a, b) => b.revision - a.revision);
}

/** Forgets the kept drafts of a manifesto (all revisions, or one). */
export function forgetDrafts(manifestoId: number, revision?: number): void {
  const s = storage();
  if (!s) return;
  if (revision !== undefined) {
    s.removeItem(keyOf(manifestoId, revision));
    return;
  }
  for (const d of draftsOf(manifestoId)) s.removeItem(keyOf(manifestoId, d.revision));
}
