// An identity provider's answer Tassei does not accept. The reason is a code for the audit
// trail and the sign-in page; the library's own message goes to the log only.
export type SsoRefusal = "unknown_state" | "no_id_token" | "invalid_response";

export class SsoRefused extends Error {
  constructor(
    readonly reason: SsoRefusal,
    readonly detail?: unknown,
  ) {
    super(`single sign-on refused: ${reason}`);
    this.name = "SsoRefused";
  }
}

/** How long a sign-in may stay at the identity provider before its answer is refused. */
export const SSO_REQUEST_MS = 10 * 60 * 1000;
