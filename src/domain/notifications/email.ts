// An account's e-mail address: checked loosely (the relay has the last word), stored as typed
// but trimmed; an empty one is none.
export const EMAIL_MAX_LENGTH = 254;
const EMAIL_PATTERN = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** The address to store (null for none), or undefined when it is not an address. */
export function normaliseEmail(raw: string | null | undefined): string | null | undefined {
  const text = (raw ?? "").trim();
  if (text === "") return null;
  if (text.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(text)) return undefined;
  return text;
}

export const EMAIL_PROBLEM = "must be an e-mail address such as tanaka@example.lg.jp";
