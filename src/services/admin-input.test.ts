// The administrative commands' inputs that name a municipality are checked like request bodies:
// they may arrive over the running server's socket.
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.ts";
import { municipalityInput, optionalMunicipalityInput } from "./admin-input.ts";

const problemsOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return [...new Set(e.problems.map((p) => p.path))];
    throw e;
  }
  throw new Error("accepted");
};

describe("the input of a command about one municipality", () => {
  it("takes a code with its check digit", () => {
    expect(municipalityInput({ code: "242080" })).toBe("242080");
    expect(optionalMunicipalityInput({})).toBeUndefined();
  });

  it("names the field of a missing, malformed or extra value", () => {
    expect(problemsOf(() => municipalityInput({}))).toEqual(["code"]);
    expect(problemsOf(() => municipalityInput({ code: "24208" }))).toEqual(["code"]);
    expect(problemsOf(() => municipalityInput(null))).toEqual(["$"]);
    expect(problemsOf(() => optionalMunicipalityInput({ code: "242080", all: true }))).toEqual([
      "$",
    ]);
  });
});
