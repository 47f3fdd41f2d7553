import type { Command } from "commander";
import { loadConfig } from "../../config.ts";
import { listenForPublicChanges, type PublicChangeFeed } from "../../db/change-notifications.ts";
import { openDatabase } from "../../db/connection.ts";
import { loosePermissions, loosePermissionsWarning } from "../../db/data-dir-permissions.ts";
import { type BackupSocket, serveBackupSocket } from "../../server/backup-socket.ts";
import { loadDemoDataIfEmpty } from "../../services/load-demo-data.ts";
import {
  type NotificationWorker,
  startNotificationWorker,
} from "../../services/notifications/notification-worker.ts";
import { createFirstAdminIfNone } from "../../services/users/create-first-admin.ts";
import { cliActor } from "../context.ts";
import { announceFirstAdmin } from "../first-admin-notice.ts";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description(
      "Start the web server (PORT, HOST) on the embedded database in TASSEI_DATA_DIR, or on the " +
        "PostgreSQL server in DATABASE_URL. Migrates the schema; on an empty embedded database " +
        "loads the demo manifesto (TASSEI_DEMO=on|off).",
    )
    .action(async () => {
      const config = loadConfig();
      if (config.database.kind === "pglite") {
        const loose = loosePermissions(config.database.dataDir);
        if (loose) {
          process.stderr.write(`${loosePermissionsWarning(config.database.dataDir, loose)}\n`);
        }
      }
      // The web server's modules (fastify, every route) load while the database opens: the
      // embedded database compiles its WebAssembly off the main thread meanwhile.
      const appModule = import("../../server/app.ts");
      // Awaited below; if opening the database fails first, its error is the one reported.
      appModule.catch(() => {});
      const database = await openDatabase(config.database, { purpose: "tassei serve" });
      const { buildApp } = await appModule;
      let changes: PublicChangeFeed | undefined;
      let backupSocket: BackupSocket | undefined;
      let mailWorker: NotificationWorker | undefined;
      try {
        if (config.demo) {
          const loaded = await loadDemoDataIfEmpty({ db: database.db, actor: "system:demo" });
          if (loaded > 0) process.stderr.write(`loaded ${loaded} demo manifesto(s)\n`);
        }
        const admin = await createFirstAdminIfNone({
          db: database.db,
          actor: "system:first-start",
        });
        if (admin) announceFirstAdmin(admin, config.stateDir);
        // Every process drops its cached public pages on any publication, whoever made it.
        if (config.pageCache) {
          changes = await listenForPublicChanges(database, {
            onError: (message) => process.stderr.write(`${message}\n`),
          });
        }
        const app = await buildApp({
          database,
          logLevel: config.logLevel,
          trustProxy: config.trustProxy,
          ...(config.metricsToken && { metricsToken: config.metricsToken }),
          ...(config.ssoProviders && { ssoProviders: config.ssoProviders }),
          sessionIdleMs: config.sessionIdleMs,
          ...(config.accessibilityContact && { accessibilityContact: config.accessibilityContact }),
          ...(config.pageCache && changes && { pageCache: { ...config.pageCache, changes } }),
        });
        // The embedded database is backed up through the server that holds it (tassei backup).
        if (config.database.kind === "pglite") {
          backupSocket = await serveBackupSocket(database.db, config.database.dataDir, app.log);
        }
        await app.listen({ port: config.port, host: config.host });
        if (config.mail) {
          const mail = config.mail;
          // nodemailer is loaded only where mail is configured: not part of every start-up.
          const { smtpMailer } = await import("../../services/notifications/smtp-mailer.ts");
          mailWorker = startNotificationWorker(database.db, smtpMailer(mail.smtpUrl, mail.from), {
            publicUrl: mail.publicUrl,
            messageIdDomain: new URL(mail.publicUrl).hostname,
            pollMs: mail.pollMs,
            onError: (e) => app.log.warn({ err: e }, "notification mail run failed"),
          });
        }
        process.stderr.write(
          `Tassei is running on http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port} (database: ${database.location}, actor ${cliActor()})\n`,
        );
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once("SIGTERM", stop);
          process.once("SIGINT", stop);
        });
        // In-flight requests finish before the database closes.
        await app.close();
      } finally {
        await mailWorker?.stop();
        await backupSocket?.close();
        await changes?.close();
        await database.close();
      }
    });
}
