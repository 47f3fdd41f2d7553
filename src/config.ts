// Configuration comes only from environment variables (documented in the README), checked
// once at start so that a bad value stops the program with a message naming the variable.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import {
  type DatabaseTarget,
  DEFAULT_PGLITE_SHARED_BUFFERS_MB,
  DEFAULT_TIMEOUTS,
} from "./db/connection.ts";
import { type SsoProvider, ssoConfigSchema } from "./domain/sso-config.ts";
import { AppError } from "./errors.ts";
import { parseTrustProxy, type TrustProxy } from "./server/plugins/trust-proxy.ts";

const envSchema = z.object({
  PORT: z.coerce
    .number({ message: "must be a port number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  HOST: z.string().min(1, "must not be empty").default("127.0.0.1"),
  TASSEI_DATA_DIR: z.string().min(1, "must not be empty").default("./data"),
  TASSEI_PGLITE_SHARED_BUFFERS_MB: z.coerce
    .number({ message: "must be a number of megabytes" })
    .int("must be a whole number of megabytes")
    .min(1, "must be at least 1")
    .max(4096, "must be at most 4096")
    .default(DEFAULT_PGLITE_SHARED_BUFFERS_MB),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  TASSEI_DEMO: z.enum(["on", "off"], { message: "must be on or off" }).optional(),
  TASSEI_LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      message: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  TASSEI_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      try {
        return parseTrustProxy(v);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
        return z.NEVER;
      }
    }),
  TASSEI_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  TASSEI_PAGE_CACHE: z.enum(["on", "off"], { message: "must be on or off" }).default("on"),
  TASSEI_PAGE_CACHE_MAX_ENTRIES: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .default(2000),
  TASSEI_PAGE_CACHE_MAX_MB: z.coerce
    .number({ message: "must be a number" })
    .positive("must be more than 0")
    .max(4096, "must be at most 4096")
    .default(64),
  // Long enough to read the warning and answer it (WCAG 2.2.1 asks for 20 seconds); short
  // values are for trying the warning out.
  TASSEI_SESSION_IDLE_SECONDS: z.coerce
    .number({ message: "must be a number of seconds" })
    .int("must be a whole number of seconds")
    .min(30, "must be at least 30")
    .max(604_800, "must be at most 604800 (7 days, the longest a session lasts)")
    .default(8 * 60 * 60),
  TASSEI_ACCESSIBILITY_CONTACT: z.string().max(500, "must be at most 500 characters").optional(),
  TASSEI_SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/[^/\s]+/,
      "must be an smtp:// or smtps:// URL, e.g. smtp://relay.example.lg.jp:25",
    )
    .optional(),
  TASSEI_PUBLIC_URL: z
    .string()
    .regex(
      /^https?:\/\/[^/\s]+/,
      "must be an http:// or https:// URL, e.g. https://tassei.example.lg.jp",
    )
    .optional(),
  TASSEI_MAIL_FROM: z
    .string()
    .regex(/^[^\s@<>]+@[^\s@<>]+$/, "must be an e-mail address, e.g. tassei@example.lg.jp")
    .optional(),
  TASSEI_MAIL_POLL_SECONDS: z.coerce
    .number({ message: "must be a number of seconds" })
    .min(0.1, "must be at least 0.1")
    .max(3600, "must be at most 3600")
    .default(10),
  TASSEI_DB_CONNECT_TIMEOUT_MS: milliseconds(DEFAULT_TIMEOUTS.connectMs, 100),
  TASSEI_DB_QUERY_TIMEOUT_MS: milliseconds(DEFAULT_TIMEOUTS.queryMs, 0),
  TASSEI_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds(DEFAULT_TIMEOUTS.idleInTransactionMs, 0),
  /** A JSON file of single sign-on providers (docs/operations.md); it holds client secrets. */
  TASSEI_SSO_CONFIG: z.string().min(1).optional(),
});

/** The providers in the file TASSEI_SSO_CONFIG names, or a message naming what is wrong. */
export function readSsoConfig(file: string): SsoProvider[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new AppError(
      "config_error",
      `TASSEI_SSO_CONFIG: cannot read ${file}: ${(e as Error).message}`,
    );
  }
  const parsed = ssoConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new AppError("config_error", `TASSEI_SSO_CONFIG (${file}):\n  ${lines.join("\n  ")}`);
  }
  return parsed.data.providers;
}

/** A time limit in milliseconds; 0, where allowed, means none (as PostgreSQL has it). */
function milliseconds(fallback: number, min: number) {
  return z.coerce
    .number({ message: "must be a number of milliseconds" })
    .int("must be a whole number of milliseconds")
    .min(min, min === 0 ? "must be 0 (no limit) or more" : `must be at least ${min}`)
    .max(3_600_000, "must be at most 3600000 (one hour)")
    .default(fallback);
}

export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  /** Load the demo manifesto into an empty database on start. */
  demo: boolean;
  logLevel: string;
  /** Whose X-Forwarded-* headers to believe: nobody's unless told (docs/operations.md). */
  trustProxy: TrustProxy;
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /**
   * TASSEI_DATA_DIR, resolved: the embedded database's directory, and in either mode where
   * the first start leaves the administrator's one-time password (0600).
   */
  stateDir: string;
  /** Where to report an accessibility problem, as the accessibility statement gives it. */
  accessibilityContact?: string;
  /** How long a staff session lasts unused (TASSEI_SESSION_IDLE_SECONDS). */
  sessionIdleMs: number;
  /** Limits of the rendered public pages kept in memory; absent when TASSEI_PAGE_CACHE=off. */
  pageCache?: { maxEntries: number; maxBytes: number };
  /** Single sign-on providers, from the file TASSEI_SSO_CONFIG names. */
  ssoProviders?: SsoProvider[];
  /**
   * E-mail notifications; absent without TASSEI_SMTP_URL (then nothing is sent). Links in
   * mails start with publicUrl (TASSEI_PUBLIC_URL, else the server's own address).
   */
  mail?: { smtpUrl: string; from: string; publicUrl: string; pollMs: number };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset, as shells and unit files often leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new AppError("config_error", `invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  const e = parsed.data;
  const database: DatabaseTarget = e.DATABASE_URL
    ? {
        kind: "postgres",
        url: e.DATABASE_URL,
        timeouts: {
          connectMs: e.TASSEI_DB_CONNECT_TIMEOUT_MS,
          queryMs: e.TASSEI_DB_QUERY_TIMEOUT_MS,
          idleInTransactionMs: e.TASSEI_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
        },
      }
    : {
        kind: "pglite",
        dataDir: path.resolve(e.TASSEI_DATA_DIR),
        sharedBuffersMb: e.TASSEI_PGLITE_SHARED_BUFFERS_MB,
      };
  return {
    port: e.PORT,
    host: e.HOST,
    database,
    demo: e.TASSEI_DEMO ? e.TASSEI_DEMO === "on" : database.kind === "pglite",
    stateDir: path.resolve(e.TASSEI_DATA_DIR),
    logLevel: e.TASSEI_LOG_LEVEL,
    trustProxy: e.TASSEI_TRUST_PROXY,
    sessionIdleMs: e.TASSEI_SESSION_IDLE_SECONDS * 1000,
    ...(e.TASSEI_ACCESSIBILITY_CONTACT && {
      accessibilityContact: e.TASSEI_ACCESSIBILITY_CONTACT,
    }),
    ...(e.TASSEI_METRICS_TOKEN && { metricsToken: e.TASSEI_METRICS_TOKEN }),
    ...(e.TASSEI_SSO_CONFIG && { ssoProviders: readSsoConfig(e.TASSEI_SSO_CONFIG) }),
    ...(e.TASSEI_SMTP_URL && {
      mail: {
        smtpUrl: e.TASSEI_SMTP_URL,
        from: e.TASSEI_MAIL_FROM ?? "tassei@localhost",
        publicUrl: (
          e.TASSEI_PUBLIC_URL ?? `http://${e.HOST === "0.0.0.0" ? "localhost" : e.HOST}:${e.PORT}`
        ).replace(/\/+$/, ""),
        pollMs: Math.round(e.TASSEI_MAIL_POLL_SECONDS * 1000),
      },
    }),
    ...(e.TASSEI_PAGE_CACHE === "on" && {
      pageCache: {
        maxEntries: e.TASSEI_PAGE_CACHE_MAX_ENTRIES,
        maxBytes: Math.round(e.TASSEI_PAGE_CACHE_MAX_MB * 2 ** 20),
      },
    }),
  };
}
