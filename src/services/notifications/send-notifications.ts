// The queue's sender: claim what is due, send it, record the outcome. A mail is claimed (its
// next attempt moved a lease ahead) and committed before it is sent, and marked sent right
// after the relay accepts it; so a relay that is down leaves it pending with a later attempt
// (backoff), and a sender that dies leaves it to be claimed again after the lease. The one
// window left is a crash between the relay's acceptance and the mark (milliseconds): the mail
// would go again with the same Message-ID, which mailboxes drop as a duplicate.
import type { Db } from "../../db/repositories/municipalities.ts";
import {
  type ClaimedNotification,
  claimDueNotifications,
  listDigestItems,
  markNotificationFailed,
  markNotificationSent,
} from "../../db/repositories/notifications.ts";
import { type MailContent, renderDigest, renderMail } from "../../domain/notifications/mail.ts";
import { isPermanentMailError, type Mailer } from "./mailer.ts";

export interface SendOptions {
  publicUrl: string;
  /** Domain part of the Message-ID. */
  messageIdDomain: string;
  batchSize?: number;
  /** How long a claimed mail is left to its sender before another may take it. */
  leaseMs?: number;
  /** A mail still not through after this long is given up (status failed). */
  giveUpAfterMs?: number;
  now?: () => Date;
}

const MINUTE = 60_000;

/** 30 s, 1 min, 2 min … at most an hour between tries. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * MINUTE);
}

async function contentOf(db: Db, n: ClaimedNotification, publicUrl: string): Promise<MailContent> {
  if (n.kind === "digest") return renderDigest(await listDigestItems(db, n.id), publicUrl);
  return renderMail(n, publicUrl);
}

export async function sendDueNotifications(
  db: Db,
  mailer: Mailer,
  options: SendOptions,
): Promise<{ sent: number; failed: number; retrying: number }> {
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? 5 * MINUTE;
  const giveUpAfterMs = options.giveUpAfterMs ?? 3 * 24 * 60 * MINUTE;
  const tally = { sent: 0, failed: 0, retrying: 0 };
  for (;;) {
    const claimed = await claimDueNotifications(db, now(), options.batchSize ?? 50, leaseMs);
    if (claimed.length === 0) return tally;
    let relayDown = false;
    await Promise.all(
      claimed.map(async (n) => {
        if (n.email === null) {
          await markNotificationFailed(db, n.id, "no e-mail address", null, "dropped");
          return;
        }
        // Written while no relay was set up, or kept back for days: news no longer.
        if (now().getTime() - n.createdAt.getTime() > giveUpAfterMs) {
          await markNotificationFailed(db, n.id, "too old to send", null);
          tally.failed++;
          return;
        }
        try {
          const mail = await contentOf(db, n, options.publicUrl);
          await mailer.send({
            to: n.email,
            ...mail,
            messageId: `<${encodeURIComponent(n.key)}@${options.messageIdDomain}>`,
          });
          await markNotificationSent(db, n.id, now());
          tally.sent++;
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          const tooOld = now().getTime() - n.createdAt.getTime() > giveUpAfterMs;
          if (isPermanentMailError(e) || tooOld) {
            await markNotificationFailed(db, n.id, message, null);
            tally.failed++;
          } else {
            relayDown = true;
            await markNotificationFailed(
              db,
              n.id,
              message,
              new Date(now().getTime() + retryDelayMs(n.attempts)),
            );
            tally.retrying++;
          }
        }
      }),
    );
    // The relay is down: the rest waits for the next tick rather than failing one by one.
    if (relayDown) return tally;
  }
}
