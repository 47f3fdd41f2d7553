// Telling "the database cannot be reached" apart from a bug: the first is answered with 503
// and goes away when the server is back; the second is a 500 and a log entry.

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01", // admin_shutdown: the server is stopping
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or shutting down
  "57014", // query_canceled: statement_timeout (TASSEI_DB_QUERY_TIMEOUT_MS) ran out
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string" && (CONNECTION_CODES.has(code) || code.startsWith("08"))) {
    return true; // SQLSTATE class 08: connection exception
  }
  return (
    typeof message === "string" &&
    // node-postgres's own: the server gone, no connection within connectionTimeoutMillis, no
    // answer within query_timeout (a network that drops packets).
    /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect|Query read timeout/i.test(
      message,
    )
  );
}
