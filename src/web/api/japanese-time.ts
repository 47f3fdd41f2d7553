// Dates and times as staff read them: Japanese style, always in Asia/Tokyo (the server sends
// ISO instants; the browser's own zone may be anything).

const DATE_TIME = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

const DATE = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "long",
  day: "numeric",
});

function valid(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** 2024年4月1日 09:05 */
export function formatDateTime(iso: string): string {
  const d = valid(iso);
  return d ? DATE_TIME.format(d) : iso;
}

/** 2024年4月1日 */
export function formatDate(iso: string): string {
  const d = valid(iso);
  return d ? DATE.format(d) : iso;
}
