// 対応待ち: what waits for the signed-in person, each item a link to the exact place (a
// manifesto's unresolved comments, a submission to approve, the overview of late
// departments). On the home page of every staff member and on its own page (/todo); the
// header shows the count (TodoCount).
import "./todo.css";
import { useEffect, useState } from "react";
import { Link, useLocation } from "react-router";
import type { TodoItem } from "../../../domain/todo.ts";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { LoadState } from "../../components/load-state.tsx";
import { usePageTitle } from "../../components/page-title.tsx";

/**
 * A badge naming the kind where the title alone could be taken for another: a progress
 * report's day reads like the plan's deadline, so its items say 中間報告.
 */
const KIND_BADGES: Record<string, string> = {
  progress_report: "中間報告",
  progress_report_late: "中間報告",
};

interface TodoList {
  items: TodoItem[];
  count: number;
  today: string;
}

export function TodoPanel(props: { headingLevel?: 1 | 2 }) {
  const loaded = useApi<TodoList>("/api/todo");
  const Heading = `h${props.headingLevel ?? 2}` as const;
  return (
    <section className="todo" aria-labelledby="todo-heading">
      <Heading id="todo-heading">
        対応待ち
        {loaded.data && <span className="badge todo-count">{loaded.data.count}件</span>}
      </Heading>
      <LoadState loaded={loaded}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="todo-empty">いま対応が必要なものはありません。</p>
          ) : (
            <ul className="todo-items">
              {items.map((item) => (
                <li
                  key={item.id}
                  className={`todo-item todo-${item.source}${item.overdue ? " todo-overdue" : ""}`}
                >
                  {KIND_BADGES[item.source] && (
                    <span className="badge todo-kind">{KIND_BADGES[item.source]}</span>
                  )}
                  <Link to={item.href}>{item.title}</Link>
                  {item.overdue && <span className="badge badge-overdue">期限超過</span>}
                  <p>{item.detail}</p>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}

export function TodoPage() {
  usePageTitle("対応待ち");
  return <TodoPanel headingLevel={1} />;
}

/** The count beside 対応待ち in the header, asked again on every page change. */
export function TodoCount() {
  const { pathname } = useLocation();
  const [count, setCount] = useState<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a page change may have changed the count
  useEffect(() => {
    let live = true;
    api<TodoList>("GET", "/api/todo")
      .then((t) => {
        if (live) setCount(t.count);
      })
      .catch(() => {
        if (live) setCount(null);
      });
    return () => {
      live = false;
    };
  }, [pathname]);
  if (count === null || count === 0) return null;
  return <span className="badge todo-count">{count}件</span>;
}
