// Writes notifications into the outbox in the caller's transaction, one per recipient with an
// address who has not turned the kind off. The key makes each one once-only.
import type { Db } from "../../db/repositories/municipalities.ts";
import {
  findRecipients,
  insertNotifications,
  type NewNotification,
} from "../../db/repositories/notifications.ts";
import { DEFAULT_DELIVERY_MODE, type NotificationKind } from "../../domain/notifications/kinds.ts";
import type { Message } from "../../domain/notifications/messages.ts";

export interface Audience {
  municipalityCode: string;
  roles: readonly string[];
  departmentId?: number;
  userIds?: readonly number[];
  /** The person who acted is not told of their own act. */
  exceptUserId?: number | undefined;
}

export async function enqueueNotification(
  tx: Db,
  kind: NotificationKind,
  audience: Audience,
  message: Message,
  /** Unique per event; the recipient's id is added. */
  eventKey: string,
): Promise<number> {
  const recipients = await findRecipients(tx, {
    ...audience,
    kind,
    defaultMode: DEFAULT_DELIVERY_MODE,
  });
  const rows: NewNotification[] = recipients
    .filter((r) => r.userId !== audience.exceptUserId && r.mode !== "off")
    .map((r) => ({
      key: `${eventKey}:${r.userId}`,
      userId: r.userId,
      kind,
      delivery: r.mode === "digest" ? "digest" : "immediate",
      ...message,
    }));
  return insertNotifications(tx, rows);
}

export function userIdOfActor(actor: string): number | undefined {
  const m = /^user:(\d+)$/.exec(actor);
  return m ? Number(m[1]) : undefined;
}
