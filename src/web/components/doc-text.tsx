// A document's own text as React text (never HTML), each full-width number (「３１．６％」)
// in a span the browser keeps on one line: it would otherwise break between any two
// full-width digits at 320 CSS px (WCAG 1.4.10, issue #18 item 10).
import { numberRuns } from "../../domain/accessibility/number-runs.ts";

export function DocText({ text }: { text: string }) {
  const runs = numberRuns(text);
  if (runs.every((r) => !r.keepWhole)) return <>{text}</>;
  return (
    <>
      {runs.map((r, i) =>
        r.keepWhole ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one fixed text, in order
          <span key={i} className="keep-whole">
            {r.text}
          </span>
        ) : (
          r.text
        ),
      )}
    </>
  );
}
