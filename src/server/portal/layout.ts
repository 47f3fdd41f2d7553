// The page shell every portal page shares: language, title, landmarks, skip link,
// breadcrumbs and the footer. No inline script or style, so a strict CSP can be applied.
import { type Html, html } from "./html.ts";
import { STYLESHEET_PATH, urls } from "./urls.ts";

export const SITE_NAME = "部局マニフェスト公開サイト";

export interface Crumb {
  label: string;
  href?: string;
}

export interface PageOptions {
  /** The page's own name; the <title> adds the site name. Also the only <h1>. */
  title: string;
  breadcrumbs?: Crumb[];
  /** Text under the heading. */
  lead?: Html | string;
  body: Html;
}

function breadcrumbNav(crumbs: Crumb[]): Html {
  if (crumbs.length === 0) return html``;
  return html`<nav class="breadcrumbs" aria-label="現在位置">
<ol>${crumbs.map((c, i) =>
    i === crumbs.length - 1 || c.href === undefined
      ? html`<li><span aria-current="page">${c.label}</span></li>`
      : html`<li><a href="${c.href}">${c.label}</a></li>`,
  )}</ol>
</nav>`;
}

export function page(options: PageOptions): string {
  const crumbs = options.breadcrumbs ?? [];
  return html`<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} | ${SITE_NAME}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<a class="skip-link" href="#main">本文へ移動</a>
<header class="site-header">
<div class="container"><a class="site-name" href="${urls.home()}">${SITE_NAME}</a></div>
</header>
<div class="container">${breadcrumbNav(crumbs)}</div>
<main id="main" class="container" tabindex="-1">
<h1>${options.title}</h1>
${options.lead === undefined ? "" : html`<p class="lead">${options.lead}</p>`}
${options.body}
</main>
<footer class="site-footer">
<div class="container">
<ul class="footer-links">
<li><a href="${urls.home()}">トップ</a></li>
<li><a href="${urls.search()}">検索</a></li>
<li><a href="${urls.accessibility()}">ウェブアクセシビリティ方針</a></li>
</ul>
<p>このサイトは Tassei（達成）で作成しています。</p>
</div>
</footer>
</body>
</html>
`.value;
}

/** A page for a 400 or 404: says what happened and where to go instead. */
export function errorPage(status: number, message: string): string {
  const title =
    status === 404
      ? "ページが見つかりません"
      : status === 503
        ? "一時的にご利用いただけません"
        : status >= 500
          ? "エラーが発生しました"
          : "リクエストに誤りがあります";
  return page({
    title,
    body: html`<p>${message}</p>
<p><a href="${urls.home()}">トップページへ戻る</a></p>`,
  });
}

/** A table that scrolls sideways on a narrow screen instead of overflowing the page. */
export function scrollTable(label: string, table: Html): Html {
  return html`<div class="table-scroll" role="region" aria-label="${label}" tabindex="0">${table}</div>`;
}
