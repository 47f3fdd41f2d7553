// A notification as the mail a person reads: Japanese, plain text with an HTML part that
// says the same. The body is written when the notification is (it may quote a comment);
// the link is a path under TASSEI_PUBLIC_URL, joined here so that moving the server's
// address moves every mail still waiting. Everything from a person is escaped in the HTML.

export interface MailItem {
  subject: string;
  body: string;
  /** A path such as `/staff/manifestos/12#comments`. */
  link: string;
}

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const FOOTER =
  "このメールは Tassei（部局マニフェスト）から自動で送っています。通知の受け取り方は、職員用画面の「通知設定」で変えられます。";

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export function absoluteLink(publicUrl: string, link: string): string {
  return publicUrl.replace(/\/+$/, "") + (link.startsWith("/") ? link : `/${link}`);
}

function htmlParagraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replaceAll("\n", "<br>")}</p>`)
    .join("\n");
}

function htmlDocument(subject: string, inner: string): string {
  return `<!DOCTYPE html>\n<html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>\n${inner}\n<p><small>${escapeHtml(FOOTER)}</small></p>\n</body></html>`;
}

export function renderMail(item: MailItem, publicUrl: string): MailContent {
  const url = absoluteLink(publicUrl, item.link);
  const text = `${item.body}\n\n開く: ${url}\n\n--\n${FOOTER}\n`;
  const html = htmlDocument(
    item.subject,
    `${htmlParagraphs(item.body)}\n<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
  );
  return { subject: item.subject, text, html };
}

/** One mail a day holding everything an account chose to receive as a digest. */
export function renderDigest(items: readonly MailItem[], publicUrl: string): MailContent {
  const subject = `【Tassei】本日のお知らせ（${items.length}件）`;
  const blocks = items.map((i) => ({ ...i, url: absoluteLink(publicUrl, i.link) }));
  const text = `${blocks.map((b, n) => `${n + 1}. ${b.subject}\n${b.body}\n開く: ${b.url}`).join("\n\n")}\n\n--\n${FOOTER}\n`;
  const html = htmlDocument(
    subject,
    `<ol>\n${blocks
      .map(
        (b) =>
          `<li><p><strong>${escapeHtml(b.subject)}</strong></p>${htmlParagraphs(b.body)}<p><a href="${escapeHtml(b.url)}">${escapeHtml(b.url)}</a></p></li>`,
      )
      .join("\n")}\n</ol>`,
  );
  return { subject, text, html };
}
