// Validation problems as a list a person can act on: the field named in Japanese
// (「目標2 の 達成目標① の 目標値」), its JSON path for whoever fixes the file, and the
// server's message in Japanese where the editor's translation knows it, with the original.
import { japaneseMessage, japanesePath } from "../../api/japanese-messages.ts";

export function ProblemList({
  problems,
}: {
  problems: readonly { path: string; message: string }[];
}) {
  return (
    <ul className="problem-list">
      {problems.map((p, i) => (
        // The same path may come twice with different messages.
        // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity of their own
        <li key={i}>
          <strong>{p.path ? japanesePath(p.path) : "文書全体"}</strong>
          {p.path && <code className="problem-path">{p.path}</code>}
          <Message text={p.message} />
        </li>
      ))}
    </ul>
  );
}

function Message({ text }: { text: string }) {
  const japanese = japaneseMessage(text);
  return (
    <span className="problem-message">
      {japanese}
      {/* The server's own words are English: said so for a screen reader (3.1.2). */}
      {japanese !== text && (
        <span className="problem-original">
          （原文：<span lang="en">{text}</span>）
        </span>
      )}
    </span>
  );
}
