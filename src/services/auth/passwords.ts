// Passwords: argon2id (the library's default algorithm and parameters: 19 MiB, 2 passes),
// a minimum length rather than composition rules (NIST SP 800-63B).
import { hash, verify } from "@node-rs/argon2";
import { ValidationError } from "../../errors.ts";

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing cannot be used to tie up the CPU. */
export const PASSWORD_MAX_LENGTH = 1024;

export function checkPasswordPolicy(password: string, field = "password"): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw new ValidationError("パスワードが短すぎます", [
      { path: field, message: `must be at least ${PASSWORD_MIN_LENGTH} characters` },
    ]);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new ValidationError("パスワードが長すぎます", [
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
