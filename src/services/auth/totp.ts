// TOTP (RFC 6238) through otplib, on the caller's clock so tests can fix it. A code is
// accepted one 30-second step either side of now (phones drift); the step it matched is
// returned so that the caller can refuse the same code twice. otplib and qrcode are loaded
// on first use: only accounts with a second factor need them, not every server start-up.
import crypto from "node:crypto";
import { RECOVERY_CODE_COUNT, recoveryCodeFrom } from "../../domain/sign-in-policy.ts";

const TOLERANCE_SECONDS = 30;

const otplib = () => import("otplib");

export async function newTotpSecret(): Promise<string> {
  return (await otplib()).generateSecret();
}

export async function checkTotp(
  secret: string,
  code: string,
  now: Date,
): Promise<{ valid: true; timeStep: number } | { valid: false }> {
  if (!/^\d{6}$/.test(code)) return { valid: false };
  const { verify } = await otplib();
  const r = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
  });
  if (!r.valid) return { valid: false };
  // The step the code matched (RFC 6238, 30-second steps). otplib's result type is a union with
  // HOTP's, which has no epoch; a TOTP verification always carries it.
  const { epoch } = r as { epoch: number };
  return { valid: true, timeStep: Math.floor(epoch / 30) };
}

/** The code an authenticator shows at `now` (tests and the CLI's checks). */
export async function totpCodeAt(secret: string, now: Date): Promise<string> {
  const { generate } = await otplib();
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

/** The otpauth:// address and its QR code as an SVG data URL, drawn here: no network. */
export async function enrolmentQr(secret: string, label: string) {
  const uri = (await otplib()).generateURI({ issuer: "Tassei", label, secret });
  const { default: QRCode } = await import("qrcode");
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

export function hashRecoveryCode(normalised: string): string {
  return crypto.createHash("sha256").update(normalised).digest("hex");
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    recoveryCodeFrom(crypto.randomBytes(10)),
  );
}
