import { describe, expect, it } from "vitest";
import { demoDocument } from "../../../test/support/fixtures.ts";
import { manifestoDocumentSchema } from "../manifesto/schema.ts";
import { withAcknowledgedProgress } from "./export.ts";

const doc = () => manifestoDocumentSchema.parse(demoDocument());

describe("acknowledged progress in an export", () => {
  it("leaves a document no report covers as it is, the very object", () => {
    const d = doc();
    expect(withAcknowledgedProgress(d, [])).toBe(d);
  });

  it("adds entries oldest first, in the format's key order, without repeating one it has", () => {
    const d = doc();
    const first = { asOf: "2023-06-30", status: "順調" };
    d.goals[0] = { ...d.goals[0]!, progress: [{ ...first }] };
    const out = withAcknowledgedProgress(d, [
      [{ goal: 1, note: "後の報告", asOf: "2023-09-30" }],
      [
        { values: [{ actual: 1, target: 0 }], goal: 1, asOf: "2023-03-31" },
        { goal: 2, ...first },
      ],
      [{ goal: 1, ...first }],
    ]);
    expect(JSON.stringify(out.goals[0]?.progress)).toBe(
      JSON.stringify([
        { asOf: "2023-03-31", values: [{ target: 0, actual: 1 }] },
        first,
        { asOf: "2023-09-30", note: "後の報告" },
      ]),
    );
    const keys = Object.keys(out.goals[1] ?? {});
    expect(keys.indexOf("progress")).toBe(keys.indexOf("evaluation") - 1);
    expect(manifestoDocumentSchema.safeParse(out).success).toBe(true);
  });
});
