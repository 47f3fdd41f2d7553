// The yearly cycle of a manifesto (PRODUCT.md "The cycle"). Plan first, then results.
export const MANIFESTO_STATES = [
  "draft",
  "submitted",
  "approved",
  "published",
  "evaluation_draft",
  "evaluation_submitted",
  "evaluation_approved",
  "results_published",
] as const;
export type ManifestoState = (typeof MANIFESTO_STATES)[number];

export const PUBLISHED_STATES: readonly ManifestoState[] = ["published", "results_published"];

/** The state an imported document takes when it is imported as published. */
export function publishedStateFor(hasEvaluation: boolean): ManifestoState {
  return hasEvaluation ? "results_published" : "published";
}
