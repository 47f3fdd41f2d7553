// Policy references against the plan's codes. Same reading as `unknownPolicyRefs` in
// plan-structure.ts, but the set of known keys is built once per document rather than once
// per goal: NFKC over a plan of a few hundred codes per goal made up most of the time of an
// assessment (25 documents: ~30 ms against ~2 ms).
import { parsePolicyRefs, policyRefKey } from "../policy-refs.ts";

// The callers assess every manifesto of a year against one plan, each time with a fresh copy
// of its codes: remembering the last plan, by its content, saves rebuilding the set each time.
let lastPlan: { key: string; known: ReadonlySet<string> } | undefined;

export function knownPolicyRefKeys(planCodes: readonly string[]): ReadonlySet<string> {
  const key = planCodes.join("\u0000");
  if (lastPlan?.key !== key) lastPlan = { key, known: new Set(planCodes.map(policyRefKey)) };
  return lastPlan.known;
}

/**
 * The references that name no known code, as the codes they were read as; a text that reads
 * as no code at all is returned as written. With no known codes nothing is reported.
 */
export function unknownRefs(refs: readonly string[], known: ReadonlySet<string>): string[] {
  if (known.size === 0) return [];
  const unknown = new Set<string>();
  for (const ref of refs) {
    const codes = parsePolicyRefs(ref);
    if (codes.length === 0 && ref.trim() !== "") unknown.add(ref);
    for (const code of codes) if (!known.has(policyRefKey(code))) unknown.add(code);
  }
  return [...unknown];
}
