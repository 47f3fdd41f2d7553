// Which statements the embedded database keeps prepared (statement-names.ts says why).
import { describe, expect, it } from "vitest";
import { MAX_NAMED_STATEMENTS, MAX_NAMED_TEXT, StatementNames } from "./statement-names.ts";

const text = (n: number) => `select $1::int + ${n}`;

describe("a statement's name", () => {
  it("is given on its second sighting and kept", () => {
    const names = new StatementNames();
    expect(names.nameFor(text(1))).toBeUndefined();
    const name = names.nameFor(text(1));
    expect(name).toMatch(/^tassei_\d+$/);
    expect(names.nameFor(text(1))).toBe(name);
    expect(names.size).toBe(1);
  });

  it("is one per text", () => {
    const names = new StatementNames();
    for (const n of [1, 2, 1, 2]) names.nameFor(text(n));
    expect(names.nameFor(text(1))).not.toBe(names.nameFor(text(2)));
    expect(names.size).toBe(2);
  });

  it("is not given to a long text", () => {
    const names = new StatementNames();
    const long = `select $1::text, '${"x".repeat(MAX_NAMED_TEXT)}'`;
    for (let i = 0; i < 3; i++) expect(names.nameFor(long)).toBeUndefined();
  });

  it("is not given beyond the bound; those already named stay", () => {
    const names = new StatementNames();
    for (let n = 0; n < MAX_NAMED_STATEMENTS + 10; n++) {
      names.nameFor(text(n));
      names.nameFor(text(n));
    }
    expect(names.size).toBe(MAX_NAMED_STATEMENTS);
    expect(names.nameFor(text(MAX_NAMED_STATEMENTS + 5))).toBeUndefined();
    expect(names.nameFor(text(0))).toBe("tassei_1");
  });
});
