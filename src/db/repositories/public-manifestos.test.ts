import { describe, expect, it } from "vitest";
import { PUBLISHED_STATES } from "../../domain/workflow.ts";
import { PUBLIC_STATES } from "./public-manifestos.ts";

describe("the public scope", () => {
  it("is exactly the published states of the workflow", () => {
    expect([...PUBLIC_STATES].sort()).toEqual([...PUBLISHED_STATES].sort());
  });
});
