// The one way out to the municipality's SMTP relay (TASSEI_SMTP_URL), through nodemailer's
// pooled transport: a few connections kept open while a batch goes out. Imported only where
// mail is configured (cli/commands/serve.ts loads it then).
import nodemailer from "nodemailer";
import type { Mailer } from "./mailer.ts";

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
