/// <reference lib="dom" />
// The static export's search, in the browser: reads the municipality's index
// (search-index.json) and shows the hits as the served search page does — the same words
// and matches (src/domain/search/words.ts, bundled in), the same filters, the same markup,
// the words marked. Text is only ever set as text (textContent), never as HTML.
// Without JavaScript the page links to the list of every goal instead.
// Served as /assets/portal-search.js, bundled by esbuild (src/server/portal/search-script.ts).
import { matchRanges, searchWords } from "../../../domain/search/words.ts";
import type { searchIndex } from "../search-index.ts";

type SearchIndex = ReturnType<typeof searchIndex>;
type IndexedGoal = SearchIndex["goals"][number];
type Query = Partial<Record<"q" | "year" | "department" | "policy" | "level", string>>;

function el(
  name: string,
  attributes?: Record<string, string> | null,
  ...children: (Node | string)[]
): HTMLElement {
  const e = document.createElement(name);
  for (const [k, v] of Object.entries(attributes ?? {})) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

function highlighted(name: string, original: string, words: string[], before = ""): HTMLElement {
  const e = el(name, {}, before);
  let at = 0;
  for (const [start, end] of matchRanges(original, words)) {
    e.append(original.slice(at, start), el("mark", {}, original.slice(start, end)));
    at = end;
  }
  e.append(original.slice(at));
  return e;
}

function levelBadge(goal: IndexedGoal): HTMLElement {
  if (goal.level === null) return el("span", { class: "level level-none" }, "評価前");
  return el(
    "span",
    { class: `level level-${goal.level}`, title: goal.levelLabel ?? "" },
    String(goal.level),
  );
}

const nameKey = (s: string) => s.normalize("NFKC").trim();

function matches(goal: IndexedGoal, words: string[], q: Query): boolean {
  if (q.year && String(goal.fiscalYear) !== q.year) return false;
  if (q.level && String(goal.level) !== q.level) return false;
  if (q.policy && !goal.policyRefs.includes(nameKey(q.policy))) return false;
  if (
    q.department &&
    (goal.departmentCode ?? null) !== q.department &&
    nameKey(goal.departmentName) !== nameKey(q.department)
  ) {
    return false;
  }
  return words.every((w) => goal.body.includes(w));
}

function hitItem(goal: IndexedGoal, words: string[], root: string): HTMLElement {
  const href = `${root}${goal.page.slice(1)}/index.html#goal-${goal.number}`;
  const title = highlighted("a", goal.title, words, `目標${goal.number} `);
  title.setAttribute("href", href);
  const meta = el(
    "p",
    { class: "hit-meta" },
    `${goal.yearLabel}　${goal.departmentName}　自己評価 `,
    levelBadge(goal),
  );
  const item = el("li", { class: "hit" }, el("h3", {}, title), meta);
  const fields = goal.fields.filter(([, text]) => matchRanges(text, words).length > 0).slice(0, 4);
  if (fields.length > 0) {
    const dl = el("dl", { class: "hit-fields" });
    for (const [name, text] of fields)
      dl.append(el("dt", {}, name), highlighted("dd", text, words));
    item.append(dl);
  }
  return item;
}

async function run() {
  const container = document.getElementById("search-results");
  if (!container) return;
  document.getElementById("search-without-script")?.remove();
  const params = new URLSearchParams(location.search);
  const q: Query = {};
  for (const name of ["q", "year", "department", "policy", "level"] as const) {
    const v = (params.get(name) ?? "").trim();
    if (v !== "") q[name] = v;
    const field = document.querySelector<HTMLInputElement | HTMLSelectElement>(
      `form[role="search"] [name="${name}"]`,
    );
    if (field && field.type !== "hidden" && v !== "") field.value = params.get(name) ?? "";
  }
  const words = searchWords(q.q ?? "");
  if (words.length === 0) return;
  const root = new URL(container.dataset.rootHref ?? "", location.href).href.replace(/[^/]*$/, "");
  const response = await fetch(new URL(container.dataset.indexHref ?? "", location.href));
  const index = (await response.json()) as SearchIndex;
  const found = index.goals.filter((g) => matches(g, words, q));
  const hits = found.slice(0, index.limit);
  const truncated = found.length > index.limit;

  const heading = `「${q.q}」の検索結果`;
  const h1 = document.querySelector("main h1");
  if (h1) h1.textContent = heading;
  document.title = document.title.replace(/^.*( \| [^|]*)$/, `${heading}$1`);

  const section = el("section", { "aria-labelledby": "results-heading" });
  section.append(
    el("h2", { id: "results-heading" }, `検索結果：${hits.length}${truncated ? "件以上" : "件"}`),
  );
  if (truncated) {
    section.append(
      el(
        "p",
        {},
        `結果が多いため、先頭の${hits.length}件を表示しています。条件を絞り込んでください。`,
      ),
    );
  }
  if (hits.length === 0) {
    section.append(el("p", {}, `「${q.q}」に一致する目標は見つかりませんでした。`));
  } else {
    const list = el("ol", { class: "hits" });
    for (const g of hits) list.append(hitItem(g, words, root));
    section.append(list);
  }
  container.replaceChildren(section);
}

run().catch(() => {
  const container = document.getElementById("search-results");
  container?.replaceChildren(el("p", {}, "検索できませんでした。ページを読み込み直してください。"));
});
