// Shapes of the workflow and history answers of the staff API (src/server/api/workflow.ts,
// GET /api/manifestos/:id/history in src/server/api/manifestos.ts), as they arrive in JSON.

export interface WorkflowTransition {
  id: number;
  action: string;
  fromState: string;
  toState: string;
  revision: number;
  /** The audit actor: `user:<id>`, `cli:<os user>` … */
  actor: string;
  actorName: string | null;
  comment: string | null;
  occurredAt: string;
}

export interface Publication {
  revision: number;
  state: string;
  /** Set for a correction after publication. */
  changeNote: string | null;
  publishedBy: string;
  publishedByName: string | null;
  publishedAt: string;
}

export interface WorkflowHistory {
  transitions: WorkflowTransition[];
  publications: Publication[];
}

export interface TransitionResult {
  id: number;
  action: string;
  from: string;
  state: string;
  revision: number;
  updatedAt: string;
}

export interface ReviewComment {
  id: number;
  /** null: a comment on the whole manifesto. */
  goalNumber: number | null;
  parentId: number | null;
  depth?: number;
  /** The revision the comment was written against. */
  revision: number;
  author: string;
  authorName?: string | null;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface DocumentChange {
  path: string;
  /** Absent: the field did not exist before. */
  old?: unknown;
  /** Absent: the field was removed. */
  new?: unknown;
}

export interface RevisionEntry {
  revision: number;
  createdAt: string;
  createdBy: string;
  createdByName: string | null;
  /** import, api, demo, cli … */
  source: string;
  note: string | null;
  /** Autosaves by the same person coalesced into this revision (1: saved once). */
  saves: number;
  lastSavedAt: string | null;
  changes: DocumentChange[];
}

/** GET /api/manifestos/:id/history[?before=&limit=]: a page, oldest first. */
export interface HistoryPageAnswer {
  revisions: RevisionEntry[];
  /** `before` of the page of older revisions; null when there are none. */
  earlier: number | null;
}

export interface ImportResult {
  manifestoId: number;
  revision: number;
  created: boolean;
  municipalityCode: string;
  fiscalYear: number;
  departmentName: string;
  state: string;
}

/** An audit actor as a person reads it, when no user name came with it. */
export function actorLabel(actor: string, name: string | null | undefined): string {
  if (name) return name;
  if (actor.startsWith("system:demo")) return "デモデータ";
  if (actor.startsWith("system:")) return "システム";
  if (actor.startsWith("cli:")) return `コマンド操作（${actor.slice(4)}）`;
  if (actor.startsWith("user:")) return `利用者 ${actor.slice(5)}`;
  return actor;
}
