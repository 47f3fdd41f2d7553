// Names for the embedded database's prepared statements. Kysely sends every statement
// unnamed, so PostgreSQL parses, analyses and plans it again each time; in PGlite that work
// runs in the server's own thread, and for the statements of a request it was most of the
// statement's cost (bench/README.md, issue 15: a scoped read 1.1–2.3 ms unnamed, 0.4–0.5 ms
// named, once PostgreSQL keeps a generic plan after five runs — its default
// plan_cache_mode; it keeps one only where its cost is no worse than the custom plans').
// A statement is named on its second sighting, so one-off texts (a bulk insert of this
// many rows, a list of that many ids) are not kept; and the number kept is bounded, since
// each holds memory in the database for as long as it runs.
//
// Only the embedded database: behind a PostgreSQL server the planning runs in its own
// process, and a pooler in transaction mode (PgBouncer) may not keep named statements.

/** How many statements stay prepared at most. */
export const MAX_NAMED_STATEMENTS = 256;
/** Longer texts are bulk statements, rarely repeated. */
export const MAX_NAMED_TEXT = 4096;
/** How many texts seen once are remembered before the memory starts again. */
const MAX_SEEN_ONCE = 4096;

export class StatementNames {
  readonly #names = new Map<string, string>();
  #seenOnce = new Set<string>();

  /** The name to prepare `text` under, or undefined to send it unnamed. */
  nameFor(text: string): string | undefined {
    const named = this.#names.get(text);
    if (named !== undefined) return named;
    if (text.length > MAX_NAMED_TEXT || this.#names.size >= MAX_NAMED_STATEMENTS) return undefined;
    if (!this.#seenOnce.has(text)) {
      if (this.#seenOnce.size >= MAX_SEEN_ONCE) this.#seenOnce = new Set();
      this.#seenOnce.add(text);
      return undefined;
    }
    this.#seenOnce.delete(text);
    const name = `tassei_${this.#names.size + 1}`;
    this.#names.set(text, name);
    return name;
  }

  get size(): number {
    return this.#names.size;
  }
}
