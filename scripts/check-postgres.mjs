// Is the PostgreSQL server for the test pass there? Says how to fix it when it is not.
import pg from "pg";

const url = process.env.TASSEI_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  await client.end();
} catch (e) {
  console.error(
    `PostgreSQL at ${url.replace(/:[^:@/]*@/, ":***@")} is not reachable (${e.message}).\n` +
      "Start it, point TASSEI_TEST_PG_URL at one, or set TASSEI_TEST_SKIP_POSTGRES=1 to run the embedded pass only.",
  );
  process.exit(1);
}
