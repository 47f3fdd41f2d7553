// The yearly cycle of a manifesto (PRODUCT.md "The cycle"): the plan first, then the
// results, each phase going draft → submitted → head approved → approved → published.
//
// Who does what (the same in both phases):
// - the department's editor submits (→ submitted); the head approves (→ head approved) or
//   returns it. A head who submits signs the submission off at once (→ head approved):
//   the head's approval is the department's sign-off, and asking the head to approve what
//   the head just sent would be a step without a decision in it;
// - planning (or the municipality's administrator) approves or returns what the head
//   approved, may still return an approved one before publishing, and publishes;
// - after the plan is published, planning opens the evaluation (→ evaluation draft).
// A return goes back to the draft of the same phase. Editing happens only in the drafts;
// published content changes only by a correction (a new published revision with a note).
import type { Role } from "./roles.ts";

export const MANIFESTO_STATES = [
  "draft",
  "submitted",
  "head_approved",
  "approved",
  "published",
  "evaluation_draft",
  "evaluation_submitted",
  "evaluation_head_approved",
  "evaluation_approved",
  "results_published",
] as const;
export type ManifestoState = (typeof MANIFESTO_STATES)[number];

/** As staff read them in messages and on screen. */
export const STATE_LABELS: Record<ManifestoState, string> = {
  draft: "下書き",
  submitted: "提出済み",
  head_approved: "部局長承認済み",
  approved: "承認済み",
  published: "公表済み",
  evaluation_draft: "評価の下書き",
  evaluation_submitted: "評価提出済み",
  evaluation_head_approved: "評価部局長承認済み",
  evaluation_approved: "評価承認済み",
  results_published: "結果公表済み",
};

export const PUBLISHED_STATES: readonly ManifestoState[] = ["published", "results_published"];
export const DRAFT_STATES: readonly ManifestoState[] = ["draft", "evaluation_draft"];

/** The state an imported document takes when it is imported as published. */
export function publishedStateFor(hasEvaluation: boolean): ManifestoState {
  return hasEvaluation ? "results_published" : "published";
}

export function isManifestoState(value: string): value is ManifestoState {
  return (MANIFESTO_STATES as readonly string[]).includes(value);
}

export const WORKFLOW_ACTIONS = [
  "submit",
  "approve",
  "return",
  "publish",
  "open_evaluation",
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export function isWorkflowAction(value: string): value is WorkflowAction {
  return (WORKFLOW_ACTIONS as readonly string[]).includes(value);
}

export type Phase = "plan" | "evaluation";
type Step = "draft" | "submitted" | "head_approved" | "approved" | "published";

const STATE_OF: Record<Phase, Record<Step, ManifestoState>> = {
  plan: {
    draft: "draft",
    submitted: "submitted",
    head_approved: "head_approved",
    approved: "approved",
    published: "published",
  },
  evaluation: {
    draft: "evaluation_draft",
    submitted: "evaluation_submitted",
    head_approved: "evaluation_head_approved",
    approved: "evaluation_approved",
    published: "results_published",
  },
};

function locate(state: ManifestoState): { phase: Phase; step: Step } {
  for (const phase of ["plan", "evaluation"] as const) {
    for (const [step, s] of Object.entries(STATE_OF[phase])) {
      if (s === state) return { phase, step: step as Step };
    }
  }
  // Unreachable: STATE_OF covers MANIFESTO_STATES (a test checks it).
  throw new Error(`unknown state ${state}`);
}

export function phaseOf(state: ManifestoState): Phase {
  return locate(state).phase;
}

/** Planning and the municipality's administrator steward the cycle. */
function isSteward(role: Role): boolean {
  return role === "planning" || role === "admin";
}

/**
 * The state a manifesto moves to when `role` takes `action` in `state`, or null when that
 * role cannot take that action there. Scope (whose department, which municipality) is the
 * caller's concern: see permissions.ts.
 */
export function nextState(
  state: ManifestoState,
  action: WorkflowAction,
  role: Role,
): ManifestoState | null {
  const { phase, step } = locate(state);
  const to = (s: Step) => STATE_OF[phase][s];
  switch (action) {
    case "submit":
      if (step !== "draft") return null;
      if (role === "department_editor") return to("submitted");
      if (role === "department_head") return to("head_approved");
      return null;
    case "approve":
      if (step === "submitted" && role === "department_head") return to("head_approved");
      if (step === "head_approved" && isSteward(role)) return to("approved");
      return null;
    case "return":
      if (step === "submitted" && role === "department_head") return to("draft");
      if ((step === "head_approved" || step === "approved") && isSteward(role)) return to("draft");
      return null;
    case "publish":
      return step === "approved" && isSteward(role) ? to("published") : null;
    case "open_evaluation":
      return state === "published" && isSteward(role) ? "evaluation_draft" : null;
  }
}

/** Whether the role takes this action in some state (else asking is forbidden, not early). */
export function roleTakesAction(role: Role, action: WorkflowAction): boolean {
  return MANIFESTO_STATES.some((s) => nextState(s, action, role) !== null);
}

/** Saving the document as it is written: in a draft, by anyone who works on manifestos. */
export function canEditIn(state: ManifestoState, role: Role): boolean {
  return DRAFT_STATES.includes(state) && role !== "viewer";
}

/**
 * Correcting published content (a new published revision with a change note): stewards,
 * once the plan is published — in the evaluation phase too, where the published plan is
 * frozen for a normal save (manifesto/phase-changes.ts).
 */
export function canCorrectIn(state: ManifestoState, role: Role): boolean {
  return (PUBLISHED_STATES.includes(state) || phaseOf(state) === "evaluation") && isSteward(role);
}
