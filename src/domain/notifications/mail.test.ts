import { describe, expect, it } from "vitest";
import { renderDigest, renderMail } from "./mail.ts";

describe("notification mails", () => {
  it("plain text and an HTML part with the link under the public address; a person's text is escaped", () => {
    const mail = renderMail(
      {
        subject: "差し戻し",
        body: "コメント: <b>見直して</b> & 再提出",
        link: "/staff/manifestos/3",
      },
      "https://tassei.example.lg.jp/",
    );
    expect(mail.text).toContain("開く: https://tassei.example.lg.jp/staff/manifestos/3");
    expect(mail.html).toContain('<a href="https://tassei.example.lg.jp/staff/manifestos/3">');
    expect(mail.html).toContain("&lt;b&gt;見直して&lt;/b&gt; &amp; 再提出");
    expect(mail.html).not.toContain("<b>");
  });

  it("a digest numbers its items", () => {
    const mail = renderDigest(
      [
        { subject: "A", body: "a", link: "/staff/" },
        { subject: "B", body: "b", link: "/staff/x" },
      ],
      "http://h",
    );
    expect(mail.subject).toContain("2件");
    expect(mail.text).toContain("2. B");
  });
});
