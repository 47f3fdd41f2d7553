// A person's own notification settings: the address mails go to and, per kind, immediate /
// daily digest / off. Every signed-in account may read and change its own (an address is
// the person's to give); the change is audited.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import {
  findEmail,
  listPreferences,
  setEmail,
  upsertPreferences,
} from "../../db/repositories/notification-preferences.ts";
import { EMAIL_PROBLEM, normaliseEmail } from "../../domain/notifications/email.ts";
import {
  DEFAULT_DELIVERY_MODE,
  type DeliveryMode,
  isDeliveryMode,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from "../../domain/notifications/kinds.ts";
import { ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";

export interface NotificationSettings {
  email: string | null;
  preferences: { kind: NotificationKind; mode: DeliveryMode }[];
}

export async function getNotificationSettings(ctx: StaffContext): Promise<NotificationSettings> {
  const stored = await listPreferences(ctx.db, ctx.user.id);
  return {
    email: await findEmail(ctx.db, ctx.user.id),
    preferences: NOTIFICATION_KINDS.map((kind) => {
      const mode = stored.get(kind);
      return { kind, mode: mode && isDeliveryMode(mode) ? mode : DEFAULT_DELIVERY_MODE };
    }),
  };
}

export async function updateNotificationSettings(
  ctx: StaffContext,
  input: {
    email?: string | null | undefined;
    preferences?: Partial<Record<NotificationKind, DeliveryMode>> | undefined;
  },
): Promise<NotificationSettings> {
  const email = input.email === undefined ? undefined : normaliseEmail(input.email);
  if (input.email !== undefined && email === undefined) {
    throw new ValidationError("メールアドレスの形式が正しくありません", [
      { path: "email", message: EMAIL_PROBLEM },
    ]);
  }
  const modes = Object.entries(input.preferences ?? {}).map(([kind, mode]) => ({
    kind,
    mode: mode as string,
  }));
  await ctx.db.transaction().execute(async (tx) => {
    if (email !== undefined) await setEmail(tx, ctx.user.id, email);
    await upsertPreferences(tx, ctx.user.id, modes);
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "user.notifications_changed",
      ...(ctx.user.municipalityCode && { municipalityCode: ctx.user.municipalityCode }),
      detail: {
        userId: ctx.user.id,
        ...(email !== undefined && { emailSet: email !== null }),
        preferences: Object.fromEntries(modes.map((m) => [m.kind, m.mode])),
      },
    });
  });
  return getNotificationSettings(ctx);
}
