// What sending mail needs to know of the way out (smtp-mailer.ts is the one way out). Apart
// from it so that nodemailer is loaded only where mail is configured, not on every start-up.

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
