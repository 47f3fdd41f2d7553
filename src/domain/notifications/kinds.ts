// What Tassei tells people about (issue 14), and how each account may choose to hear of it:
// at once, in one mail a day at 9:00 Tokyo, or not by mail at all (the to-do list on the home
// page shows what waits either way).
export const NOTIFICATION_KINDS = [
  "returned",
  "awaiting_approval",
  "approved",
  "published",
  "comment",
  "deadline_7d",
  "deadline_1d",
  "overdue",
  "progress_report_due",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  returned: "差し戻されたとき",
  awaiting_approval: "承認を待っているとき",
  approved: "承認されたとき",
  published: "公表されたとき",
  comment: "自分あてのコメント",
  deadline_7d: "締切の7日前",
  deadline_1d: "締切の前日",
  overdue: "締切を過ぎたとき",
  progress_report_due: "中間報告の期限",
};

export const DELIVERY_MODES = ["immediate", "digest", "off"] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const DELIVERY_MODE_LABELS: Record<DeliveryMode, string> = {
  immediate: "すぐに送る",
  digest: "1日1回まとめて（9時）",
  off: "送らない",
};

/** A kind without a stored choice is sent at once: nobody misses a return by default. */
export const DEFAULT_DELIVERY_MODE: DeliveryMode = "immediate";

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

export function isDeliveryMode(value: string): value is DeliveryMode {
  return (DELIVERY_MODES as readonly string[]).includes(value);
}
