// The words of each notification: subject, body and the place it links to. Pure, so the
// same text is tested here and written into the outbox by the services.
import { formatFiscalYear } from "../era.ts";
import type { NotificationKind } from "./kinds.ts";

export interface ManifestoRef {
  id: number;
  departmentName: string;
  fiscalYear: number;
}

export interface Message {
  subject: string;
  body: string;
  link: string;
}

/** Where a manifesto's unresolved comments are listed, at the top of its page. */
export function openCommentsLink(manifestoId: number): string {
  return `/staff/manifestos/${manifestoId}#open-comments`;
}

function title(m: ManifestoRef): string {
  return `${m.departmentName} ${formatFiscalYear(m.fiscalYear)}`;
}

function quoted(text: string): string {
  return text
    .split("\n")
    .map((l) => `> ${l}`)
    .join("\n");
}

export function moveMessage(
  kind: Extract<NotificationKind, "returned" | "awaiting_approval" | "approved" | "published">,
  m: ManifestoRef,
  actorName: string,
  comment: string | null,
): Message {
  const t = title(m);
  const withComment = comment ? `\n\nコメント:\n${quoted(comment)}` : "";
  switch (kind) {
    case "returned":
      return {
        subject: `【Tassei】差し戻されました: ${t}`,
        body: `${actorName}さんが「${t}」のマニフェストを差し戻しました。${withComment}\n\n未解決のコメントを確認して修正し、もう一度提出してください。`,
        link: openCommentsLink(m.id),
      };
    case "awaiting_approval":
      return {
        subject: `【Tassei】承認をお待ちしています: ${t}`,
        body: `${actorName}さんが「${t}」のマニフェストを提出しました。内容を確認して、承認するか差し戻してください。${withComment}`,
        link: `/staff/manifestos/${m.id}`,
      };
    case "approved":
      return {
        subject: `【Tassei】承認されました: ${t}`,
        body: `${actorName}さんが「${t}」のマニフェストを承認しました。${withComment}`,
        link: `/staff/manifestos/${m.id}`,
      };
    case "published":
      return {
        subject: `【Tassei】公表されました: ${t}`,
        body: `${actorName}さんが「${t}」のマニフェストを公表しました。`,
        link: `/staff/manifestos/${m.id}`,
      };
  }
}

export function commentMessage(
  m: ManifestoRef,
  actorName: string,
  comment: { id: number; body: string; goalNumber: number | null; isReply: boolean },
): Message {
  const where = comment.goalNumber === null ? "マニフェスト全体" : `目標${comment.goalNumber}`;
  const what = comment.isReply ? "コメントに返信しました" : "コメントしました";
  return {
    subject: `【Tassei】コメント: ${title(m)}（${where}）`,
    body: `${actorName}さんが「${title(m)}」の${where}に${what}。\n\n${quoted(comment.body)}`,
    link: openCommentsLink(m.id),
  };
}

const PHASE_WORDS = { plan: "計画", evaluation: "評価" } as const;

export function deadlineMessage(
  kind: Extract<NotificationKind, "deadline_7d" | "deadline_1d" | "overdue">,
  m: { id: number | null; departmentName: string; fiscalYear: number },
  phase: "plan" | "evaluation",
  dueDate: string,
): Message {
  const t = `${m.departmentName} ${formatFiscalYear(m.fiscalYear)}`;
  const [y, mo, d] = dueDate.split("-").map(Number);
  const due = `${y}年${mo}月${d}日`;
  const what = `${PHASE_WORDS[phase]}の提出`;
  const link = m.id === null ? "/staff/" : `/staff/manifestos/${m.id}`;
  switch (kind) {
    case "deadline_7d":
      return {
        subject: `【Tassei】${what}の締切まで7日です: ${t}`,
        body: `「${t}」の${what}の締切は ${due} です（あと7日）。`,
        link,
      };
    case "deadline_1d":
      return {
        subject: `【Tassei】${what}の締切は明日です: ${t}`,
        body: `「${t}」の${what}の締切は明日 ${due} です。`,
        link,
      };
    case "overdue":
      return {
        subject: `【Tassei】${what}の締切を過ぎています: ${t}`,
        body: `「${t}」の${what}の締切（${due}）を過ぎています。できるだけ早く提出してください。`,
        link,
      };
  }
}

/** `@username` mentions in a comment, as typed (compared case-insensitively by the caller). */
export function mentionsIn(body: string): string[] {
  return [...body.matchAll(/(?:^|[^\w@])@([\p{L}\p{N}_.-]{1,64})/gu)].map((m) => m[1] ?? "");
}

/** A department's mid-year progress report (中間報告) due in 7 days, tomorrow, or past. */
export function progressReportMessage(
  when: "deadline_7d" | "deadline_1d" | "overdue",
  m: ManifestoRef,
  dueDate: string,
): Message {
  const t = title(m);
  const [y, mo, d] = dueDate.split("-").map(Number);
  const due = `${y}年${mo}月${d}日`;
  const link = `/staff/manifestos/${m.id}/progress`;
  switch (when) {
    case "deadline_7d":
      return {
        subject: `【Tassei】中間報告の期限まで7日です: ${t}`,
        body: `「${t}」の中間報告の提出期限は ${due} です（あと7日）。進捗を入力して提出してください。`,
        link,
      };
    case "deadline_1d":
      return {
        subject: `【Tassei】中間報告の期限は明日です: ${t}`,
        body: `「${t}」の中間報告の提出期限は明日 ${due} です。`,
        link,
      };
    case "overdue":
      return {
        subject: `【Tassei】中間報告の期限を過ぎています: ${t}`,
        body: `「${t}」の中間報告の提出期限（${due}）を過ぎています。できるだけ早く提出してください。`,
        link,
      };
  }
}
