// Review comments, threaded: one set of threads per goal (GoalComments, beside the goal in the
// editor) and one for the whole manifesto (ManifestoComments, where a return's comment lands).
// Reviewers and editors answer in a thread and resolve it at its first comment once the point
// is dealt with. Comment text is shown as text (pre-wrap), never as markup.
import "./workflow.css";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { errorText } from "../../api/error-text.ts";
import { formatDateTime } from "../../api/japanese-time.ts";
import { actorLabel, type ReviewComment } from "../../api/workflow-types.ts";
import { useComments } from "./comments-store.ts";

const COMMENT_MAX_LENGTH = 4000;

type HeadingLevel = 2 | 3 | 4;

interface Thread {
  root: ReviewComment;
  replies: (ReviewComment & { level: number })[];
}

/** Threads in the order they were opened, each answer under what it answers. */
export function threadsOf(comments: readonly ReviewComment[]): Thread[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const levelOf = (c: ReviewComment): number => {
    let level = 0;
    for (let p = c.parentId; p !== null && level < 50; level++) p = byId.get(p)?.parentId ?? null;
    return level;
  };
  const rootOf = (c: ReviewComment): number => {
    let at = c;
    for (let guard = 0; at.parentId !== null && guard < 50; guard++) {
      const parent = byId.get(at.parentId);
      if (!parent) break;
      at = parent;
    }
    return at.id;
  };
  const threads = new Map<number, Thread>();
  for (const c of comments) {
    const rootId = rootOf(c);
    if (rootId === c.id) threads.set(c.id, { root: c, replies: [] });
  }
  // The server sends thread order already; replies keep it.
  for (const c of comments) {
    const thread = threads.get(rootOf(c));
    if (thread && thread.root.id !== c.id) thread.replies.push({ ...c, level: levelOf(c) });
  }
  return [...threads.values()].sort((a, b) => a.root.id - b.root.id);
}

export function GoalComments(props: {
  manifestoId: number;
  goalNumber: number;
  canComment: boolean;
  headingLevel?: HeadingLevel;
}) {
  return (
    <CommentThreads
      manifestoId={props.manifestoId}
      goalNumber={props.goalNumber}
      canComment={props.canComment}
      title={`目標${props.goalNumber}へのコメント`}
      headingLevel={props.headingLevel ?? 3}
    />
  );
}

export function ManifestoComments(props: {
  manifestoId: number;
  canComment: boolean;
  headingLevel?: HeadingLevel;
}) {
  return (
    <CommentThreads
      manifestoId={props.manifestoId}
      goalNumber={null}
      canComment={props.canComment}
      title="マニフェスト全体へのコメント"
      headingLevel={props.headingLevel ?? 2}
    />
  );
}

function CommentThreads(props: {
  manifestoId: number;
  goalNumber: number | null;
  canComment: boolean;
  title: string;
  headingLevel: HeadingLevel;
}) {
  const { manifestoId, goalNumber, canComment, title } = props;
  const { comments, error, reload } = useComments(manifestoId);
  const headingId = useId();
  const Heading = `h${props.headingLevel}` as const;
  const threads = threadsOf((comments ?? []).filter((c) => c.goalNumber === goalNumber));
  const open = threads.filter((t) => t.root.resolvedAt === null);
  const resolved = threads.filter((t) => t.root.resolvedAt !== null);
  const names = new Map((comments ?? []).map((c) => [c.author, c.authorName ?? null]));

  async function post(body: { body: string; parentId?: number }) {
    await api("POST", `/api/manifestos/${manifestoId}/comments`, {
      ...(goalNumber !== null && body.parentId === undefined && { goalNumber }),
      ...body,
    });
    await reload();
  }

  const threadProps = { manifestoId, canComment, names, post, reload };
  return (
    <section className="comments" aria-labelledby={headingId}>
      <Heading id={headingId} className="comments-heading">
        {title}
        {open.length > 0 && <span className="badge badge-open">未解決 {open.length}件</span>}
      </Heading>
      {error && (
        <div className="alert alert-error" role="alert">
          <p>コメントを読み込めませんでした。{errorText(error)}</p>
          <button type="button" onClick={() => void reload()}>
            もう一度読み込む
          </button>
        </div>
      )}
      {comments === null && !error && (
        <p className="loading" role="status">
          コメントを読み込んでいます…
        </p>
      )}
      {comments !== null && threads.length === 0 && (
        <p className="comments-empty">コメントはまだありません。</p>
      )}
      {open.length > 0 && (
        <ol className="comment-threads">
          {open.map((t) => (
            <li key={t.root.id}>
              <CommentThread thread={t} {...threadProps} />
            </li>
          ))}
        </ol>
      )}
      {resolved.length > 0 && (
        <details className="comments-resolved">
          <summary>解決済みのスレッド（{resolved.length}件）</summary>
          <ol className="comment-threads">
            {resolved.map((t) => (
              <li key={t.root.id}>
                <CommentThread thread={t} {...threadProps} />
              </li>
            ))}
          </ol>
        </details>
      )}
      {canComment && (
        <NewThread
          label={
            goalNumber === null ? "全体へのコメントを書く" : `目標${goalNumber}にコメントを書く`
          }
          onSubmit={(body) => post({ body })}
        />
      )}
    </section>
  );
}

function CommentThread(props: {
  thread: Thread;
  manifestoId: number;
  canComment: boolean;
  names: Map<string, string | null>;
  post(body: { body: string; parentId: number }): Promise<void>;
  reload(): Promise<void>;
}) {
  const { thread, manifestoId, canComment, names } = props;
  const [replying, setReplying] = useState(false);
  const [resolving, setResolving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { root } = thread;
  const resolved = root.resolvedAt !== null;

  async function resolve() {
    setResolving(true);
    setFailure(null);
    try {
      await api("POST", `/api/manifestos/${manifestoId}/comments/${root.id}/resolve`);
      await props.reload();
    } catch (e) {
      setFailure(e instanceof ApiError ? errorText(e) : String(e));
    } finally {
      setResolving(false);
    }
  }

  return (
    <article className={resolved ? "comment-thread comment-thread-resolved" : "comment-thread"}>
      <CommentItem comment={root} />
      {thread.replies.length > 0 && (
        <ol className="comment-replies" aria-label="返信">
          {thread.replies.map((c) => (
            <li key={c.id} className={`comment-level-${Math.min(c.level, 3)}`}>
              <CommentItem comment={c} />
            </li>
          ))}
        </ol>
      )}
      {resolved && root.resolvedAt && (
        <p className="comment-resolved-note">
          <span className="badge badge-resolved">解決済み</span>{" "}
          {actorLabel(root.resolvedBy ?? "", names.get(root.resolvedBy ?? ""))}・
          <time dateTime={root.resolvedAt}>{formatDateTime(root.resolvedAt)}</time>
        </p>
      )}
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      {canComment && !resolved && !replying && (
        <div className="comment-actions">
          <button type="button" onClick={() => setReplying(true)}>
            返信する
          </button>
          <button type="button" onClick={() => void resolve()} disabled={resolving}>
            {resolving ? "処理しています…" : "解決済みにする"}
          </button>
        </div>
      )}
      {replying && (
        <CommentForm
          label="返信"
          submitLabel="返信を送る"
          autoFocus
          onSubmit={async (body) => {
            await props.post({ body, parentId: root.id });
            setReplying(false);
          }}
          onCancel={() => setReplying(false)}
        />
      )}
    </article>
  );
}

/** A button until the user wants to write, so a page of goals stays readable. */
function NewThread(props: { label: string; onSubmit(body: string): Promise<void> }) {
  const [writing, setWriting] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const wrote = useRef(false);
  // Back on the button once the form closes, so keyboard users keep their place.
  useEffect(() => {
    if (!writing && wrote.current) opener.current?.focus();
    wrote.current = writing;
  }, [writing]);
  if (!writing) {
    return (
      <button ref={opener} type="button" className="comment-open" onClick={() => setWriting(true)}>
        {props.label}
      </button>
    );
  }
  return (
    <CommentForm
      label={props.label}
      submitLabel="コメントする"
      autoFocus
      onSubmit={async (body) => {
        await props.onSubmit(body);
        setWriting(false);
      }}
      onCancel={() => setWriting(false)}
    />
  );
}

function CommentItem({ comment }: { comment: ReviewComment }) {
  return (
    <div className="comment">
      <p className="comment-meta">
        <strong>{actorLabel(comment.author, comment.authorName)}</strong>
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
        <span className="hint">リビジョン {comment.revision} の時点</span>
      </p>
      <p className="comment-body">{comment.body}</p>
    </div>
  );
}

/** A text box and a send button; the text stays when sending fails. */
export function CommentForm(props: {
  label: string;
  submitLabel: string;
  onSubmit(body: string): Promise<void>;
  onCancel?(): void;
  autoFocus?: boolean;
}) {
  const id = useId();
  const [body, setBody] = useState("");
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (body.trim() === "") {
      setFailure("コメントを入力してください。");
      return;
    }
    setSending(true);
    setFailure(null);
    try {
      await props.onSubmit(body);
      setBody("");
    } catch (e) {
      setFailure(e instanceof ApiError ? errorText(e) : String(e));
    } finally {
      setSending(false);
    }
  }

  return (
    <form className="comment-form" onSubmit={submit}>
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        value={body}
        maxLength={COMMENT_MAX_LENGTH}
        onChange={(e) => setBody(e.target.value)}
        aria-invalid={failure !== null}
        aria-describedby={failure ? `${id}-error` : undefined}
        // biome-ignore lint/a11y/noAutofocus: the reply box opens because the user asked to answer
        autoFocus={props.autoFocus}
      />
      {failure && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {failure}
        </p>
      )}
      <div className="comment-actions">
        <button type="submit" disabled={sending}>
          {sending ? "送信しています…" : props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="button-link" onClick={props.onCancel}>
            取り消す
          </button>
        )}
      </div>
    </form>
  );
}
