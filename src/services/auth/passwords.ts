// Passwords: argon2id (the library's default algorithm and parameters: 19 MiB, 2 passes),
// a minimum length rather than composition rules (NIST SP 800-63B).
import { hash, verify } from "@node-rs/argon2";
import { ValidationError } from "../../errors.ts";

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing cannot be used to tie up the CPU. */
export const PASSWORD_MAX_LENGTH = 1024;

/** The field's name in the refusal: a person must learn which field and what the rule is. */
const FIELD_LABELS: Record<string, string> = { newPassword: "新しいパスワード" };

export function checkPasswordPolicy(password: string, field = "password"): void {
  const length = [...password].length;
  const label = FIELD_LABELS[field] ?? "パスワード";
  if (length < PASSWORD_MIN_LENGTH) {
    throw new ValidationError(
      `${label}は${PASSWORD_MIN_LENGTH}文字以上にしてください（いま${length}文字）`,
      [{ path: field, message: `must be at least ${PASSWORD_MIN_LENGTH} characters` }],
    );
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new ValidationError(`${label}は${PASSWORD_MAX_LENGTH}文字以下にしてください`, [
      { path: field, message: `must be at most ${PASSWORD_MAX_LENGTH} characters` },
    ]);
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a refusal, not a crash.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of a real verification when the username is unknown, so that the answer
 * time does not tell which usernames exist.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hash("tassei-no-such-user-placeholder");
  await verifyPassword(await dummyHash, password);
  return false;
}
