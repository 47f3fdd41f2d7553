// ウェブアクセシビリティ方針 and its test result, as みんなの公共サイト運用ガイドライン (2016) asks:
// the policy and its dates, the scope (the public pages and the staff workspace), the level
// reached, the standard, how the pages were chosen and which, the technologies relied on and
// the checklist of success criteria, read from src/domain/accessibility/conformance.ts, which
// the project's own tests hold true.
import {
  CRITERIA,
  type Criterion,
  conformanceOf,
  type Result,
  TEST_RESULT,
  TESTED_PAGES,
} from "../../../domain/accessibility/conformance.ts";
import { type Html, html } from "../html.ts";
import { page, scrollTable } from "../layout.ts";
import { urls } from "../urls.ts";

/** 2026-12-06 → 2026年12月6日 */
function japaneseDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

const CHECK_LABELS = { axe: "自動試験（axe-core）", spec: "自動試験（ブラウザ）", review: "目視" };

function checksOf(c: Criterion): string {
  const kinds = [...new Set(c.checks.map((x) => x.kind))];
  return kinds.map((k) => CHECK_LABELS[k]).join("・");
}

function resultCell(r: Result): Html {
  return r === "不適合" ? html`<td><strong>${r}</strong></td>` : html`<td>${r}</td>`;
}

function checklist(source: Criterion["source"], caption: string): Html {
  const rows = CRITERIA.filter((c) => c.source === source).map(
    (c) => html`<tr>
<th scope="row">${c.id} ${c.name}</th>
<td>${c.level}</td>
${resultCell(c.portal)}
${resultCell(c.staff)}
<td>${checksOf(c)}${c.note ? html`<br>${c.note}` : ""}</td>
</tr>`,
  );
  return scrollTable(
    caption,
    html`<table>
<caption>${caption}</caption>
<thead><tr><th scope="col">達成基準</th><th scope="col">適合レベル</th><th scope="col">公開ページ</th><th scope="col">職員用画面</th><th scope="col">確認の方法・備考</th></tr></thead>
<tbody>${rows}</tbody>
</table>`,
  );
}

function pageList(scope: "portal" | "staff"): Html {
  const items = TESTED_PAGES.filter((p) => p.scope === scope).map(
    (p) => html`<li>${p.kind}：<code>${p.path}</code></li>`,
  );
  return html`<ul>${items}</ul>`;
}

/** `contact`: TASSEI_ACCESSIBILITY_CONTACT, the operator's own window for problems. */
export function accessibilityPage(contact?: string): string {
  const t = TEST_RESULT;
  const body = html`
<h2>方針</h2>
<p>このサイトは、年齢や障害の有無、利用する機器にかかわらず、誰もが部局マニフェストの内容を読み、検索し、比べられることを目指しています。</p>
<p>日本産業規格 JIS X 8341-3:2016「高齢者・障害者等配慮設計指針－情報通信における機器，ソフトウェア及びサービス－第3部：ウェブコンテンツ」の<strong>適合レベルAA</strong>に準拠することを目標とします。JIS X 8341-3:2016 は国際規格 ISO/IEC 40500:2012（WCAG 2.0）と一致しています。あわせて、WCAG 2.1 で追加された達成基準も確認しています。</p>
<dl class="summary">
<dt>方針の策定日</dt><dd>${japaneseDate(t.policyDate)}</dd>
<dt>目標の達成期限</dt><dd>${japaneseDate(t.targetDate)}</dd>
</dl>
<h2>対象範囲</h2>
<ul>
<li>このサイトで公開しているすべてのページ（トップ、自治体、年度、部局のマニフェスト、部局の推移、指標、検索の各ページ）</li>
<li>職員が部局マニフェストを作成・承認・公表する職員用画面（<code>/staff/</code> 以下のすべての画面）</li>
</ul>
<p>ダウンロード用のPDF・Excel・CSV・JSONファイルは対象外ですが、同じ内容をHTMLのページで読むことができます。</p>
<h2>試験の結果</h2>
<dl class="summary">
<dt>試験日</dt><dd>${japaneseDate(t.testedOn)}</dd>
<dt>規格</dt><dd>${t.standard}</dd>
<dt>目標とする適合レベル</dt><dd>${t.targetLevel}</dd>
<dt>公開ページの結果</dt><dd>適合レベル${t.targetLevel}に${conformanceOf("portal")}</dd>
<dt>職員用画面の結果</dt><dd>適合レベル${t.targetLevel}に${conformanceOf("staff")}${conformanceOf("staff") === "準拠" ? "" : "（満たしていない達成基準は下の表に示します）"}</dd>
<dt>試験の方法</dt><dd>${t.tools}</dd>
<dt>依存したウェブコンテンツ技術</dt><dd>${t.technologies.join("、")}</dd>
</dl>
<h3>試験したページの選び方</h3>
<p>ページを抜き出すのではなく、すべての種類のページを1つずつ試験しました（試験用のデータで表示したページです。職員用画面はログインして表示します）。</p>
<h3>公開ページ</h3>
${pageList("portal")}
<h3>職員用画面</h3>
${pageList("staff")}
<h3>達成基準チェックリスト</h3>
<p>「自動試験」の達成基準は、このソフトウェアの試験を実行するたびに確認しています。</p>
${checklist("JIS", "JIS X 8341-3:2016（WCAG 2.0）の達成基準")}
${checklist("WCAG 2.1", "WCAG 2.1 で追加された達成基準（参考）")}
<h2>主な配慮</h2>
<ul>
<li>公開ページはJavaScriptを使わずに表示・操作できます。</li>
<li>見出し、ランドマーク（ヘッダー・ナビゲーション・メイン・フッター）、表の見出しセルを正しく指定しています。</li>
<li>グラフには、同じ数値を示すデータ表を並べて掲載しています。</li>
<li>色だけに頼らず、文字と記号や模様で達成・未達成や段階を示しています。</li>
<li>幅320 CSSピクセルの画面（400%の拡大に相当）でも、横にスクロールせずに読めるように表示します（表は表の中でスクロールします）。</li>
<li>キーボードだけで操作でき、フォーカスの位置が見えるようにしています。</li>
</ul>
<h2>お問い合わせ</h2>
<p>ページが読みにくい、操作できないといった点がありましたら、お知らせください。</p>
${contact ? html`<p class="contact">${contact}</p>` : html`<p>各マニフェストのページに記載の部局の連絡先、またはこのサイトを運営する自治体の担当窓口までお知らせください。</p>`}
<p><a href="${urls.home()}">トップページへ戻る</a></p>`;
  return page({
    title: "ウェブアクセシビリティ方針",
    breadcrumbs: [{ label: "トップ", href: urls.home() }, { label: "ウェブアクセシビリティ方針" }],
    body,
  });
}
