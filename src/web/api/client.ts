// The one way the staff app talks to the server. Every write carries the session's CSRF
// token; every error arrives as ApiError with the server's stable code, its Japanese message
// and the problems per field, so pages can show them next to the inputs.

export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    /** Extra data the server sent with the error (e.g. the current revision on 409). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The request never reached the server or the server did not answer. */
  get offline(): boolean {
    return this.status === 0;
  }
}

let csrfToken: string | null = null;

/** Set after sign-in and on every session probe. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone, so the app can show the sign-in. */
let onUnauthenticated: () => void = () => {};
export function whenSignedOut(handler: () => void): void {
  onUnauthenticated = handler;
}

/**
 * When the session ends unless used again, in this browser's clock: each answer of the server
 * says how many milliseconds are left (x-session-idle-remaining), so the two clocks need not
 * agree. The session timeout warning (app/session-timeout.tsx) listens.
 */
let idleDeadline: number | null = null;
const deadlineListeners = new Set<() => void>();
export function sessionIdleDeadline(): number | null {
  return idleDeadline;
}
export function onSessionIdleDeadline(listener: () => void): () => void {
  deadlineListeners.add(listener);
  return () => deadlineListeners.delete(listener);
}
function noteIdleRemaining(response: Response): void {
  const remaining = Number(response.headers.get("x-session-idle-remaining") ?? Number.NaN);
  if (!Number.isFinite(remaining)) return;
  idleDeadline = Date.now() + remaining;
  for (const listener of deadlineListeners) listener();
}

function normaliseFields(raw: unknown): FieldProblem[] {
  if (Array.isArray(raw)) {
    return raw.flatMap((f) =>
      f && typeof f === "object" && "message" in f
        ? [{ path: String((f as { path?: unknown }).path ?? ""), message: String(f.message) }]
        : typeof f === "string"
          ? [{ path: "", message: f }]
          : [],
    );
  }
  if (raw && typeof raw === "object") {
    return Object.entries(raw).map(([path, message]) => ({ path, message: String(message) }));
  }
  return [];
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: a proxy's page or an empty body
  }
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (!error) {
    return new ApiError(
      response.status,
      "http_error",
      `サーバーが応答できませんでした（${response.status}）。時間をおいてもう一度お試しください。`,
    );
  }
  const { code, message, fields, ...details } = error;
  return new ApiError(
    response.status,
    String(code ?? "http_error"),
    String(message ?? "エラーが発生しました"),
    normaliseFields(fields),
    details,
  );
}

export async function request(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  // A Blob (a file to upload) travels as it is, with its own type; anything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined) headers["content-type"] = raw ? body.type : "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      ...(body !== undefined && { body: raw ? body : JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(
      0,
      "offline",
      "サーバーに接続できません。ネットワークを確認してください。入力した内容はこの画面に残っています。",
    );
  }
  noteIdleRemaining(response);
  if (!response.ok) {
    const error = await errorFrom(response);
    if (error.status === 401 && path !== "/api/session") onUnauthenticated();
    throw error;
  }
  return response;
}

export async function api<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await request(method, path, body);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Query string from defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null) s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : "";
}
