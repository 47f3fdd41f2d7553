// A manifesto's unresolved comments, gathered at the top of its page (issue 14): what a
// returned manifesto still has to answer, before the editor scrolls through fifty goals. The
// to-do list and the mails link here (`#open-comments`); each thread itself, with its answers
// and the resolve button, stays beside its goal below.
import { useEffect, useRef } from "react";
import { actorLabel } from "../../api/workflow-types.ts";
import { useComments } from "./comments-store.ts";
import { threadsOf } from "./goal-comments.tsx";

export function OpenComments(props: { manifestoId: number }) {
  const { comments } = useComments(props.manifestoId);
  const ref = useRef<HTMLElement>(null);
  const open = threadsOf(comments ?? []).filter((t) => t.root.resolvedAt === null);
  const focused = useRef(false);
  useEffect(() => {
    if (focused.current || open.length === 0 || window.location.hash !== "#open-comments") return;
    focused.current = true;
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: "start" });
  }, [open.length]);
  if (open.length === 0) return null;
  const names = new Map((comments ?? []).map((c) => [c.author, c.authorName ?? null]));
  return (
    <section
      id="open-comments"
      ref={ref}
      tabIndex={-1}
      className="open-comments"
      aria-labelledby="open-comments-heading"
    >
      <h2 id="open-comments-heading" className="open-comments-heading">
        未解決のコメント（{open.length}件）
      </h2>
      <ul>
        {open.map(({ root, replies }) => {
          const last = replies[replies.length - 1] ?? root;
          return (
            <li key={root.id}>
              <strong>
                {root.goalNumber === null ? "マニフェスト全体" : `目標${root.goalNumber}`}
              </strong>
              {"："}
              <span className="open-comment-body">{root.body}</span>
              <span className="open-comment-meta">
                （{actorLabel(root.author, names.get(root.author) ?? null)}
                {replies.length > 0 &&
                  `、返信${replies.length}件・最後は${actorLabel(last.author, names.get(last.author) ?? null)}`}
                ）
              </span>
            </li>
          );
        })}
      </ul>
      <p className="hint">返信と解決は、各目標の下のコメント欄で行えます。</p>
    </section>
  );
}
