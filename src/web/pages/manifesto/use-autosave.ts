// The editor's working copy and its way to the server. Every change is kept in this browser
// at once (draft-storage.ts) and sent about a second after typing stops, with the revision it
// was made on. A save that fails for the network is retried; one the server refuses for its
// content shows the problems; one made on a stale revision stops and asks (409): reload
// theirs, or merge mine onto theirs (merge.ts) and save on top of the latest revision.
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, api, type FieldProblem } from "../../api/client.ts";
import { errorText } from "../../api/error-text.ts";
import type { Manifesto, ManifestoDetail } from "../../api/types.ts";
import { draftsOf, forgetDrafts, keepDraft, type StoredDraft } from "./draft-storage.ts";
import { canonical, type Merge, mergeDocuments } from "./merge.ts";

const DEBOUNCE_MS = 1000;
const RETRY_SECONDS = [2, 5, 10, 30];

export type SaveStatus =
  | "saved"
  | "dirty"
  | "saving"
  | "failed"
  | "invalid"
  | "conflict"
  | "refused"
  | "local";

export interface SaveConflict {
  revision: number;
  updatedAt: string;
  changedPaths: string[];
}

export interface PendingMerge {
  merge: Merge<Manifesto>;
  latest: ManifestoDetail;
}

interface Saved {
  doc: Manifesto;
  revision: number;
  updatedAt: string;
}

interface Restored {
  doc: Manifesto;
  notice: { kind: "restored" | "merged"; keptAt: string } | null;
  pendingMerge: PendingMerge | null;
  /** Edits kept for a revision the page cannot save to now (not editable). */
  orphan: StoredDraft | null;
  /** A kept draft of an older revision now merged; forgotten once mounted. */
  forget: number | null;
}

/** What the page starts from: the server's document, or edits this browser kept. Pure. */
function restore(detail: ManifestoDetail, editable: boolean): Restored {
  const none: Restored = {
    doc: detail.document,
    notice: null,
    pendingMerge: null,
    orphan: null,
    forget: null,
  };
  const newest = draftsOf(detail.manifesto.id)[0];
  if (!newest) return none;
  if (!editable) return { ...none, orphan: newest };
  if (newest.revision === detail.manifesto.revision) {
    if (canonical(newest.document) === canonical(detail.document)) return none;
    return { ...none, doc: newest.document, notice: { kind: "restored", keptAt: newest.keptAt } };
  }
  // Kept on an older revision: someone saved since. Put the edits on top of theirs.
  const merge = mergeDocuments(newest.base, newest.document, detail.document);
  if (merge.conflicts.length > 0) return { ...none, pendingMerge: { merge, latest: detail } };
  return {
    ...none,
    doc: merge.resolve(),
    notice: { kind: "merged", keptAt: newest.keptAt },
    forget: newest.revision,
  };
}

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, "unknown", String(e));
}

function conflictOf(error: ApiError): SaveConflict {
  const current = (error.details.current ?? {}) as Partial<SaveConflict>;
  return {
    revision: typeof current.revision === "number" ? current.revision : 0,
    updatedAt: typeof current.updatedAt === "string" ? current.updatedAt : "",
    changedPaths: Array.isArray(current.changedPaths) ? current.changedPaths.map(String) : [],
  };
}

export interface Autosave {
  doc: Manifesto;
  setDoc(update: (doc: Manifesto) => Manifesto): void;
  status: SaveStatus;
  /** Revision and time of what the server has. */
  saved: Saved;
  detail: ManifestoDetail;
  problems: FieldProblem[];
  failure: string | null;
  refused: string | null;
  conflict: SaveConflict | null;
  pendingMerge: PendingMerge | null;
  notice: Restored["notice"];
  orphan: StoredDraft | null;
  storageFailed: boolean;
  dirty: boolean;
  saveNow(): void;
  dismissNotice(): void;
  discardRestored(): void;
  discardOrphan(): void;
  /** After a conflict: fetch theirs and show it, dropping mine. */
  reloadTheirs(): Promise<void>;
  /** After a conflict: fetch theirs, put mine on top; conflicts go to pendingMerge. */
  mergeMine(): Promise<void>;
  /** Finishes a merge with the person's choices (or the clean result). */
  applyMerge(doc: Manifesto): void;
  busy: boolean;
}

/**
 * Saves as the person types when the server allows editing (`allowed.edit`); otherwise changes
 * stay in the page (a correction of published content is sent by its own button).
 */
export function useAutosave(initial: ManifestoDetail): Autosave {
  const id = initial.manifesto.id;
  const [start] = useState(() => restore(initial, initial.allowed.edit));
  const [doc, setDocState] = useState(start.doc);
  const [detail, setDetail] = useState(initial);
  const autosave = detail.allowed.edit;
  const [saved, setSaved] = useState<Saved>({
    doc: initial.document,
    revision: initial.manifesto.revision,
    updatedAt: initial.manifesto.updatedAt,
  });
  const [saving, setSaving] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [rejected, setRejected] = useState<Manifesto | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const [pendingMerge, setPendingMerge] = useState(start.pendingMerge);
  const [notice, setNotice] = useState(start.notice);
  const [orphan, setOrphan] = useState(start.orphan);
  const [storageFailed, setStorageFailed] = useState(false);
  const retryTimer = useRef<number | undefined>(undefined);
  const attempts = useRef(0);

  // What the asynchronous save reads: the latest values, not those of the render it began in.
  const live = useRef({ doc, saved, inFlight: false, again: false, blocked: false });
  live.current.doc = doc;
  live.current.saved = saved;
  live.current.blocked =
    !autosave || conflict !== null || refused !== null || pendingMerge !== null;

  const save = useCallback(async (): Promise<void> => {
    const s = live.current;
    if (s.inFlight) {
      s.again = true;
      return;
    }
    if (s.doc === s.saved.doc || s.blocked) return;
    window.clearTimeout(retryTimer.current);
    const snapshot = s.doc;
    const from = s.saved;
    s.inFlight = true;
    setSaving(true);
    try {
      const answer = await api<{ revision: number; updatedAt: string }>(
        "PUT",
        `/api/manifestos/${id}`,
        { revision: from.revision, document: snapshot },
      );
      forgetDrafts(id, from.revision);
      const next = { doc: snapshot, revision: answer.revision, updatedAt: answer.updatedAt };
      s.saved = next;
      setSaved(next);
      setDetail((d) => ({
        ...d,
        manifesto: { ...d.manifesto, revision: next.revision, updatedAt: next.updatedAt },
        document: snapshot,
      }));
      setProblems([]);
      setRejected(null);
      setFailure(null);
      attempts.current = 0;
    } catch (e) {
      const error = asApiError(e);
      if (error.status === 409) {
        s.blocked = true;
        setConflict(conflictOf(error));
      } else if (error.code === "validation_error") {
        setProblems(error.fields);
        setRejected(snapshot);
        setFailure(null);
      } else if (error.status === 403 || error.status === 404) {
        s.blocked = true;
        setRefused(
          `${errorText(error)} 提出などで状態が変わった可能性があります。入力した内容はこのブラウザに残っています。`,
        );
      } else {
        setFailure(
          error.status === 401
            ? "ログインの有効期限が切れました。もう一度ログインすると、入力した内容を保存します。"
            : errorText(error),
        );
        const wait = RETRY_SECONDS[Math.min(attempts.current, RETRY_SECONDS.length - 1)] ?? 30;
        attempts.current += 1;
        retryTimer.current = window.setTimeout(() => void save(), wait * 1000);
      }
    } finally {
      s.inFlight = false;
      setSaving(false);
      if (s.again) {
        s.again = false;
        window.setTimeout(() => void save(), 0);
      }
    }
  }, [id]);

  // Keep every change in the browser at once; send it when typing pauses.
  useEffect(() => {
    if (doc === saved.doc) return;
    if (autosave) {
      setStorageFailed(
        !keepDraft({ manifestoId: id, revision: saved.revision, base: saved.doc, document: doc }),
      );
    }
    if (!autosave || conflict || refused || pendingMerge || doc === rejected) return;
    const timer = window.setTimeout(() => void save(), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [doc, saved, autosave, conflict, refused, pendingMerge, rejected, save, id]);

  useEffect(() => {
    if (start.forget !== null) forgetDrafts(id, start.forget);
  }, [id, start.forget]);

  // The page fetched the manifesto again (a workflow move, a reload): take its state and
  // permissions; take its document too when it is newer and nothing here is unsaved. Newer
  // while edits are unsaved: the next save meets the conflict and asks. No longer editable
  // while edits are unsaved: show the server's document, and offer the kept edits.
  useEffect(() => {
    const s = live.current;
    if (initial.manifesto.revision < s.saved.revision) return;
    const unsaved = s.doc !== s.saved.doc;
    if (unsaved && initial.allowed.edit) {
      setDetail((d) => ({
        ...initial,
        manifesto: {
          ...initial.manifesto,
          revision: d.manifesto.revision,
          updatedAt: d.manifesto.updatedAt,
        },
        document: d.document,
      }));
      return;
    }
    if (unsaved) setOrphan(draftsOf(initial.manifesto.id)[0] ?? null);
    const next = {
      doc: initial.document,
      revision: initial.manifesto.revision,
      updatedAt: initial.manifesto.updatedAt,
    };
    s.saved = next;
    s.doc = initial.document;
    setSaved(next);
    setDetail(initial);
    setDocState(initial.document);
    setRefused(null);
    setConflict(null);
    setProblems([]);
    setRejected(null);
  }, [initial]);

  // Back online: try at once instead of waiting for the next retry.
  useEffect(() => {
    const online = () => {
      if (live.current.doc !== live.current.saved.doc) void save();
    };
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      window.clearTimeout(retryTimer.current);
    };
  }, [save]);

  const dirty = doc !== saved.doc;
  let status: SaveStatus;
  if (conflict || pendingMerge) status = "conflict";
  else if (refused) status = "refused";
  else if (saving) status = "saving";
  else if (!dirty) status = "saved";
  else if (!autosave) status = "local";
  else if (doc === rejected) status = "invalid";
  else if (failure) status = "failed";
  else status = "dirty";

  const setDoc = useCallback((update: (d: Manifesto) => Manifesto) => setDocState(update), []);
  const saveNow = useCallback(() => void save(), [save]);

  /** Takes the server's latest as the base; `doc` (merged edits) on top, or theirs alone. */
  const adopt = useCallback(
    (latest: ManifestoDetail, merged?: Manifesto) => {
      forgetDrafts(id);
      const next = {
        doc: latest.document,
        revision: latest.manifesto.revision,
        updatedAt: latest.manifesto.updatedAt,
      };
      const working =
        merged === undefined || canonical(merged) === canonical(latest.document)
          ? latest.document
          : merged;
      live.current.saved = next;
      live.current.doc = working;
      live.current.blocked = !autosave;
      setSaved(next);
      setDetail(latest);
      setConflict(null);
      setPendingMerge(null);
      setRefused(null);
      setProblems([]);
      setRejected(null);
      setFailure(null);
      setNotice(null);
      setDocState(working);
      if (working !== latest.document) window.setTimeout(() => void save(), 0);
    },
    [id, autosave, save],
  );

  async function latestDetail(): Promise<ManifestoDetail | null> {
    setBusy(true);
    try {
      return await api<ManifestoDetail>("GET", `/api/manifestos/${id}`);
    } catch (e) {
      setFailure(errorText(asApiError(e)));
      return null;
    } finally {
      setBusy(false);
    }
  }

  return {
    doc,
    setDoc,
    status,
    saved,
    detail,
    problems,
    failure,
    refused,
    conflict,
    pendingMerge,
    notice,
    orphan,
    storageFailed,
    dirty,
    saveNow,
    busy,
    dismissNotice: () => setNotice(null),
    discardRestored: () => {
      forgetDrafts(id);
      setNotice(null);
      setDocState(saved.doc);
    },
    discardOrphan: () => {
      forgetDrafts(id);
      setOrphan(null);
    },
    reloadTheirs: async () => {
      const latest = await latestDetail();
      if (latest) adopt(latest);
    },
    mergeMine: async () => {
      const latest = await latestDetail();
      if (!latest) return;
      if (!latest.allowed.edit) {
        setConflict(null);
        setRefused(
          "このマニフェストは提出などで編集できない状態になりました。入力した内容はこのブラウザに残っています。",
        );
        return;
      }
      const merge = mergeDocuments(live.current.saved.doc, live.current.doc, latest.document);
      if (merge.conflicts.length === 0) adopt(latest, merge.resolve());
      else {
        setConflict(null);
        setPendingMerge({ merge, latest });
      }
    },
    applyMerge: (merged: Manifesto) => {
      if (pendingMerge) adopt(pendingMerge.latest, merged);
    },
  };
}
