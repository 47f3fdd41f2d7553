// The corrections made after publication (「訂正の履歴」): when, the change note, and what
// changed, old → new, in the page's own words. Each entry has an anchor of its own.
import { formatDateJa, isoDateInTokyo } from "../../../domain/era.ts";
import { CHANGE_VERBS, type ReadableChange } from "../../../domain/manifesto/describe-changes.ts";
import type { PublicCorrection } from "../../../services/portal/public-corrections.ts";
import { type Html, html, lines } from "../html.ts";

export function correctionAnchor(revision: number): string {
  return `correction-${revision}`;
}

function value(text: string | undefined, tag: "del" | "ins"): Html | string {
  if (text === undefined) return "";
  const shown = text === "" ? "（空欄）" : lines(text);
  return tag === "del" ? html`<del>${shown}</del>` : html`<ins>${shown}</ins>`;
}

function change(c: ReadableChange): Html {
  const arrow = c.old !== undefined && c.new !== undefined ? " → " : "";
  return html`<li><span class="change-where">${c.where} を${CHANGE_VERBS[c.kind]}</span>
<span class="change-values">${value(c.old, "del")}${arrow}${value(c.new, "ins")}</span></li>`;
}

export function correctionsSection(corrections: readonly PublicCorrection[]): Html | string {
  if (corrections.length === 0) return "";
  return html`<section class="corrections" id="corrections" aria-labelledby="corrections-heading">
<h2 id="corrections-heading">訂正の履歴</h2>
<p>公表後に訂正した内容です。新しい訂正から順に示します。</p>
<ol class="correction-list">${corrections.map(
    (c) => html`<li id="${correctionAnchor(c.revision)}">
<h3><time datetime="${isoDateInTokyo(c.publishedAt)}">${formatDateJa(c.publishedAt)}</time>の訂正（第${c.revision}版）</h3>
${c.changeNote ? html`<p class="change-note">${lines(c.changeNote)}</p>` : ""}
${
  c.changes.length === 0
    ? html`<p>文書の内容に変更はありません。</p>`
    : html`<ul class="changes">${c.changes.map(change)}</ul>`
}
</li>`,
  )}</ol>
</section>`;
}
