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

export interface ThreadMessage {
  rootId: number;
  id: number;
  author: string;
  authorDepartmentId: number | null;
  body: string;
  departmentId: number;
}

export interface Me {
  actor: string;
  username: string;
  /** Set for the department roles. */
  departmentId: number | null;
}

function mentions(body: string, username: string): boolean {
  const wanted = username.normalize("NFKC").toLowerCase();
  return [...body.matchAll(/(?:^|[^\w@])@([\p{L}\p{N}_.@-]{1,64})/gu)].some(
    (m) => (m[1] ?? "").normalize("NFKC").toLowerCase().replace(/[.]+$/, "") === wanted,
  );
}

/**
 * Unresolved threads whose last word is someone else's and is for me: I wrote in the thread
 * (an answer awaits me), it names me (@username) after I last wrote, or — for a department
 * account — a reviewer from outside the department opened it on our manifesto and nobody of
 * the department has answered since. One entry per thread: its last message.
 */
export function threadsAwaitingMe<T extends ThreadMessage>(
  messages: readonly T[],
  me: Me,
): { last: T; reason: "answer" | "mention" | "department" }[] {
  const byThread = new Map<number, T[]>();
  for (const m of messages) {
    const list = byThread.get(m.rootId) ?? [];
    list.push(m);
    byThread.set(m.rootId, list);
  }
  const out: { last: T; reason: "answer" | "mention" | "department" }[] = [];
  for (const thread of byThread.values()) {
    const last = thread[thread.length - 1];
    if (!last || last.author === me.actor) continue;
    const myLast = thread.findLastIndex((m) => m.author === me.actor);
    const since = thread.slice(myLast + 1);
    if (since.some((m) => mentions(m.body, me.username))) {
      out.push({ last, reason: "mention" });
    } else if (myLast >= 0) {
      out.push({ last, reason: "answer" });
    } else if (
      me.departmentId !== null &&
      last.departmentId === me.departmentId &&
      !thread.some((m) => m.authorDepartmentId === me.departmentId)
    ) {
      out.push({ last, reason: "department" });
    }
  }
  return out;
}
