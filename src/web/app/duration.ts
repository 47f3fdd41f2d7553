// A length of time as a person reads it in Japanese: 8時間, 30分, 1分30秒.

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (hours > 0) parts.push(`${hours}時間`);
  if (minutes > 0) parts.push(`${minutes}分`);
  if (rest > 0 || parts.length === 0) parts.push(`${rest}秒`);
  return parts.join("");
}

/** How long before the end the warning comes: 5 minutes, or half the limit when shorter, and
 * never less than the 20 seconds WCAG 2.2.1 asks for (unless the limit itself is shorter). */
export function warningLeadMs(limitSeconds: number): number {
  const limit = limitSeconds * 1000;
  return Math.min(5 * 60_000, Math.max(20_000, limit / 2), limit);
}
