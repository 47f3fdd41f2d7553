import type { Command } from "commander";
import { loadConfig } from "../../config.ts";
import { openDatabase } from "../../db/connection.ts";
import { buildApp } from "../../server/app.ts";
import { loadDemoDataIfEmpty } from "../../services/load-demo-data.ts";
import { cliActor } from "../context.ts";

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
      const database = await openDatabase(config.database, { purpose: "tassei serve" });
      try {
        if (config.demo) {
          const loaded = await loadDemoDataIfEmpty({ db: database.db, actor: "system:demo" });
          if (loaded > 0) process.stderr.write(`loaded ${loaded} demo manifesto(s)\n`);
        }
        const app = await buildApp({
          database,
          logLevel: config.logLevel,
          trustProxy: config.trustProxy,
          ...(config.metricsToken && { metricsToken: config.metricsToken }),
        });
        await app.listen({ port: config.port, host: config.host });
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
        await database.close();
      }
    });
}
