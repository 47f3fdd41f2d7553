// The HTTP application. Routes stay thin: parse, call one service, present.
import Fastify, { type FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { DatabaseHandle } from "../db/connection.ts";
import type { SsoProvider } from "../domain/sso-config.ts";
import type { LoginLimits } from "../services/auth/login.ts";
import { registerStaffApi } from "./api/index.ts";
import { registerErrorHandlers } from "./errors.ts";
import { registerMetrics } from "./plugins/metrics.ts";
import { registerRequestLogging, requestLoggingOptions } from "./plugins/request-logging.ts";
import { registerSecurityHeaders } from "./plugins/security-headers.ts";
import type { TrustProxy } from "./plugins/trust-proxy.ts";
import { registerPortal } from "./portal/index.ts";
import type { PageCacheSettings } from "./portal/page-cache-hooks.ts";
import { registerStaffApp } from "./staff-app.ts";

export interface AppOptions {
  database: DatabaseHandle;
  logLevel?: string;
  trustProxy?: TrustProxy;
  metricsToken?: string;
  /** The clock for sessions and the login throttle (tests move it). */
  now?: () => Date;
  loginLimits?: LoginLimits;
  /** Single sign-on providers (TASSEI_SSO_CONFIG). */
  ssoProviders?: readonly SsoProvider[];
  /** How long a staff session lasts unused; 8 hours when not given. */
  sessionIdleMs?: number;
  /** The contact the accessibility statement names (TASSEI_ACCESSIBILITY_CONTACT). */
  accessibilityContact?: string;
  /** Keep rendered public pages in memory (`tassei serve`; off unless given). */
  pageCache?: PageCacheSettings;
}

/** How long `/healthz` waits for `select 1` on a PostgreSQL server before answering 503. */
export const HEALTH_CHECK_DEADLINE_MS = 1_500;

function withDeadline<T>(work: Promise<T>, ms: number | undefined): Promise<T> {
  if (ms === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  work.catch(() => {}); // answered already: its late failure is nobody's business
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...requestLoggingOptions({ level: options.logLevel ?? "info" }),
    trustProxy: options.trustProxy ?? false,
    // A document may be 512 KB as JSON (DOCUMENT_MAX_BYTES); escaping can double that. Any
    // larger body is refused (413) before it is read, on every route.
    bodyLimit: 1024 * 1024,
  });
  registerErrorHandlers(app);
  registerRequestLogging(app);
  await registerSecurityHeaders(app);
  registerMetrics(app, {
    database: options.database,
    ...(options.database.pool && { pool: options.database.pool }),
    ...(options.metricsToken && { token: options.metricsToken }),
  });
  await registerStaffApi(app, {
    db: options.database.db,
    ...(options.now && { now: options.now }),
    ...(options.loginLimits && { loginLimits: options.loginLimits }),
    ...(options.ssoProviders && { ssoProviders: options.ssoProviders }),
    ...(options.sessionIdleMs !== undefined && { sessionIdleMs: options.sessionIdleMs }),
  });

  app.get("/healthz", async (_request, reply) => {
    try {
      await withDeadline(
        sql`select 1`.execute(options.database.db),
        // A server that stopped answering (packets dropped) is down for a health check long
        // before the pool's own time limits run out. The embedded database is never far away;
        // it is only busy at times (a backup), which is not down.
        options.database.kind === "postgres" ? HEALTH_CHECK_DEADLINE_MS : undefined,
      );
      return { status: "ok", database: options.database.kind };
    } catch {
      return reply
        .status(503)
        .header("retry-after", "5")
        .send({ status: "unavailable", database: options.database.kind });
    }
  });

  await registerStaffApp(app);

  // Public pages last: the portal answers every other path with its HTML 404 page.
  await registerPortal(app, {
    db: options.database.db,
    ...(options.pageCache && { pageCache: options.pageCache }),
    ...(options.accessibilityContact && { accessibilityContact: options.accessibilityContact }),
  });
  return app;
}
