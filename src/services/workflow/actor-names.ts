// Audit actors (`user:<id>`, `cli:<os user>` …) as people read them: a staff user's display
// name or username; other actors have none.
import type { Db } from "../../db/repositories/municipalities.ts";
import { usernamesById } from "../../db/repositories/users.ts";

function userIdOf(actor: string): number | undefined {
  const m = /^user:(\d+)$/.exec(actor);
  return m ? Number(m[1]) : undefined;
}

export async function namesOfActors(
  db: Db,
  actors: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(actors.map(userIdOf).filter((x) => x !== undefined))];
  const names = await usernamesById(db, ids);
  const out = new Map<string, string>();
  for (const actor of actors) {
    const id = userIdOf(actor);
    const name = id === undefined ? undefined : names.get(id);
    if (name !== undefined) out.set(actor, name);
  }
  return out;
}
