// The one way out to the municipality's SMTP relay (TASSEI_SMTP_URL), through nodemailer's
// pooled transport: a few connections kept open while a batch goes out.
import nodemailer from "nodemailer";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** From the notification's key: the same notification is always the same message. */
  messageId: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The relay refused the recipient for good (5xx on RCPT/DATA): trying again will not help. */
export function isPermanentMailError(e: unknown): boolean {
  const code = (e as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 550 && code <= 553;
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl, { from });
  const pooled = nodemailer.createTransport({
    ...(transport.options as object),
    pool: true,
    maxConnections: 4,
    // A relay that does not answer is a relay that is down: try again later, do not hang.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  transport.close();
  return {
    async send(mail) {
      await pooled.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
      });
    },
    close() {
      pooled.close();
    },
  };
}
