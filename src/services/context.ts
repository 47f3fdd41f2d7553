import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

/** What every use case receives: the database and who is acting (for the audit trail). */
export interface ServiceContext {
  db: Kysely<Database>;
  /** `cli:<os user>`, `system:demo`, later `user:<id>`. */
  actor: string;
}
