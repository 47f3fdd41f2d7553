// The to-do list (対応待ち, issue 14): what waits for a person, gathered from small sources
// (src/services/todo/sources/), each of which answers with items of this one shape. The web
// app reads the same type.

export interface TodoItem {
  /** The source that found it: 'returned', 'approval', 'comment', 'deadline', 'late' … */
  source: string;
  /** Stable within the list, for React keys and tests. */
  id: string;
  title: string;
  detail: string;
  /** The exact place, as a path of the staff app (`/manifestos/12#open-comments`). */
  href: string;
  /** A deadline's day, `YYYY-MM-DD`, when the item has one. */
  dueDate: string | null;
  overdue: boolean;
}

/** What the database knows of an unresolved thread whose last word is not mine. */
export interface ThreadForMe {
  iWrote: boolean;
  forDepartment: boolean;
  /** The messages since I last wrote that may name me. */
  mentionBodies: readonly string[];
}

export type ThreadReason = "answer" | "mention" | "department";

/** `@username` as a whole name (not a prefix of a longer one), in any case or width. */
export function mentions(body: string, username: string): boolean {
  const wanted = username.normalize("NFKC").toLowerCase();
  return [...body.matchAll(/(?:^|[^\w@])@([\p{L}\p{N}_.@-]{1,64})/gu)].some(
    (m) => (m[1] ?? "").normalize("NFKC").toLowerCase().replace(/[.]+$/, "") === wanted,
  );
}

/**
 * Why an unresolved thread whose last word is someone else's is for me, or null: it names me
 * (@username) after I last wrote, I wrote in it (an answer awaits me), or — for a department
 * account — a reviewer from outside the department opened it on our manifesto and nobody of
 * the department has answered since. Which threads qualify is asked in SQL
 * (db/repositories/todo.ts); this decides the mention and the order of the reasons.
 */
export function threadReason(thread: ThreadForMe, username: string): ThreadReason | null {
  if (thread.mentionBodies.some((body) => mentions(body, username))) return "mention";
  if (thread.iWrote) return "answer";
  if (thread.forDepartment) return "department";
  return null;
}
