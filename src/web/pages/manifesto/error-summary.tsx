// The server's problems with the last save, at the top of the form, each a link that moves
// the focus to its field (or to the nearest part of the form that holds it).

import type { FieldProblem } from "../../api/client.ts";
import { japaneseMessage, japanesePath, parseJsonPath } from "../../api/japanese-messages.ts";
import type { Manifesto } from "../../api/types.ts";
import { fieldId } from "./fields.tsx";

/** The element for a path, or for the closest enclosing path the page draws. */
export function elementForPath(path: string): HTMLElement | null {
  const tokens = parseJsonPath(path);
  for (let n = tokens.length; n >= 0; n--) {
    const el = document.getElementById(fieldId(tokens.slice(0, n)));
    if (el) return el;
  }
  return null;
}

export function ErrorSummary(props: { problems: readonly FieldProblem[]; doc: Manifesto }) {
  const { problems, doc } = props;
  return (
    // Not live: the save bar announces 「保存できませんでした（入力内容を確認してください）」
    // through the page's announcer, so two messages do not arrive at once (4.1.3).
    <div>
      {problems.length > 0 && (
        <section
          className="alert alert-error error-summary"
          aria-labelledby="error-summary-heading"
        >
          <h2 id="error-summary-heading">
            保存できませんでした。次の {problems.length} 件を確認してください
          </h2>
          <ul>
            {problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same path may come twice
              <li key={i}>
                <a
                  href={`#${fieldId(p.path)}`}
                  onClick={(event) => {
                    const el = elementForPath(p.path);
                    if (!el) return;
                    event.preventDefault();
                    el.scrollIntoView({ block: "center" });
                    el.focus();
                  }}
                >
                  {japanesePath(p.path, doc)}
                </a>
                ：{japaneseMessage(p.message)}
              </li>
            ))}
          </ul>
          <p className="hint">入力した内容はこのブラウザに残っています。直すと自動で保存します。</p>
        </section>
      )}
    </div>
  );
}
