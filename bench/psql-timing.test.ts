import { describe, expect, it } from "vitest";
import { explainCommand } from "./psql-timing.ts";

describe("explainCommand", () => {
  it("explains a statement with its values written in", () => {
    expect(explainCommand({ sql: "select * from goals where id = $1", parameters: ["g'1"] })).toBe(
      "explain (analyze, buffers) select * from goals where id = 'g''1'",
    );
  });

  it("runs the search's own question to the planner as it is, not explained again", () => {
    const question = {
      sql: "\n      explain (format json) select 1 from search_goals s where tassei_characters(s.body) @> array[$1]::text[]",
      parameters: ["の"],
    };
    expect(explainCommand(question)).toBe(
      "\n      explain (format json) select 1 from search_goals s where tassei_characters(s.body) @> array['の']::text[]",
    );
  });
});
