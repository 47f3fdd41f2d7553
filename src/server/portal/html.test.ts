import { describe, expect, it } from "vitest";
import { escapeHtml, html, lines, raw } from "./html.ts";

describe("html", () => {
  it("escapes every interpolation", () => {
    const evil = `<script>alert(1)</script>"><img src=x onerror=alert(1)>'`;
    const out = html`<p title="${evil}">${evil}</p>`.value;
    expect(out).not.toContain("<script>");
    expect(out).not.toContain("<img");
    expect(out).not.toContain('"><');
    expect(out).toBe(
      `<p title="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;">&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;</p>`,
    );
  });

  it("keeps nested Html and raw fragments, escapes arrays item by item", () => {
    const items = ["a&b", html`<b>${"<i>"}</b>`];
    expect(html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`.value).toBe(
      "<ul><li>a&amp;b</li><li><b>&lt;i&gt;</b></li></ul>",
    );
    expect(html`${raw("<svg></svg>")}`.value).toBe("<svg></svg>");
  });

  it("keeps a full-width number of element text on one line, and only there", () => {
    const text = "満足度３１．６％<b>";
    expect(html`<p title="${text}">${text}</p>`.value).toBe(
      '<p title="満足度３１．６％&lt;b&gt;">満足度<span class="keep-whole">３１．６％</span>&lt;b&gt;</p>',
    );
    expect(html`<title>${text}</title>`.value).toBe("<title>満足度３１．６％&lt;b&gt;</title>");
    expect(html`<p>${"49.4%、令和４年度"}</p>`.value).toBe("<p>49.4%、令和４年度</p>");
  });

  it("drops nothing but nullish and booleans, and prints numbers", () => {
    expect(html`${null}${undefined}${false}${true}${0}${4.5}`.value).toBe("04.5");
  });

  it("replaces control characters and lone surrogates", () => {
    expect(escapeHtml("a\u0000b\u0007c\u001bd\u0085e\ud800f")).toBe(
      "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf",
    );
    expect(escapeHtml("tab\tnewline\n😀")).toBe("tab\tnewline\n😀");
  });

  it("keeps line breaks as <br> with each line escaped", () => {
    expect(lines("①<a>\n②b").value).toBe("①&lt;a&gt;<br>②b");
  });
});
