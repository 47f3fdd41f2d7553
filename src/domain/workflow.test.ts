import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "./roles.ts";
import {
  canCorrectIn,
  canEditIn,
  isManifestoState,
  MANIFESTO_STATES,
  type ManifestoState,
  nextState,
  PUBLISHED_STATES,
  phaseOf,
  publishedStateFor,
  roleTakesAction,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
} from "./workflow.ts";

type Move = [ManifestoState, WorkflowAction, Role, ManifestoState];

/** Every move the cycle allows, written out; any other (state, action, role) is refused. */
const MOVES: Move[] = [
  ["draft", "submit", "department_editor", "submitted"],
  ["draft", "submit", "department_head", "head_approved"],
  ["submitted", "approve", "department_head", "head_approved"],
  ["submitted", "return", "department_head", "draft"],
  ["head_approved", "approve", "planning", "approved"],
  ["head_approved", "approve", "admin", "approved"],
  ["head_approved", "return", "planning", "draft"],
  ["head_approved", "return", "admin", "draft"],
  ["approved", "return", "planning", "draft"],
  ["approved", "return", "admin", "draft"],
  ["approved", "publish", "planning", "published"],
  ["approved", "publish", "admin", "published"],
  ["published", "open_evaluation", "planning", "evaluation_draft"],
  ["published", "open_evaluation", "admin", "evaluation_draft"],
  ["evaluation_draft", "submit", "department_editor", "evaluation_submitted"],
  ["evaluation_draft", "submit", "department_head", "evaluation_head_approved"],
  ["evaluation_submitted", "approve", "department_head", "evaluation_head_approved"],
  ["evaluation_submitted", "return", "department_head", "evaluation_draft"],
  ["evaluation_head_approved", "approve", "planning", "evaluation_approved"],
  ["evaluation_head_approved", "approve", "admin", "evaluation_approved"],
  ["evaluation_head_approved", "return", "planning", "evaluation_draft"],
  ["evaluation_head_approved", "return", "admin", "evaluation_draft"],
  ["evaluation_approved", "return", "planning", "evaluation_draft"],
  ["evaluation_approved", "return", "admin", "evaluation_draft"],
  ["evaluation_approved", "publish", "planning", "results_published"],
  ["evaluation_approved", "publish", "admin", "results_published"],
];

function expectedNext(state: ManifestoState, action: WorkflowAction, role: Role) {
  const move = MOVES.find(([s, a, r]) => s === state && a === action && r === role);
  return move ? move[3] : null;
}

describe("nextState: state × action × role", () => {
  for (const state of MANIFESTO_STATES) {
    for (const action of WORKFLOW_ACTIONS) {
      it(`${state} / ${action}`, () => {
        for (const role of ROLES) {
          expect([role, nextState(state, action, role)]).toEqual([
            role,
            expectedNext(state, action, role),
          ]);
        }
      });
    }
  }

  it("a return always lands on the draft of the same phase", () => {
    for (const [from, action, , to] of MOVES) {
      if (action !== "return") continue;
      expect(phaseOf(to)).toBe(phaseOf(from));
      expect(to.endsWith("draft")).toBe(true);
    }
  });

  it("the whole plan and results path can be walked by an editor, the head and planning", () => {
    const walk: [WorkflowAction, Role][] = [
      ["submit", "department_editor"],
      ["approve", "department_head"],
      ["approve", "planning"],
      ["publish", "planning"],
      ["open_evaluation", "planning"],
      ["submit", "department_editor"],
      ["approve", "department_head"],
      ["approve", "planning"],
      ["publish", "planning"],
    ];
    let state: ManifestoState | null = "draft";
    const seen: ManifestoState[] = [state];
    for (const [action, role] of walk) {
      state = state && nextState(state, action, role);
      if (state) seen.push(state);
    }
    expect(seen).toEqual(MANIFESTO_STATES);
  });

  it("nothing moves a manifesto out of results_published", () => {
    for (const action of WORKFLOW_ACTIONS)
      for (const role of ROLES) expect(nextState("results_published", action, role)).toBeNull();
  });
});

describe("roleTakesAction", () => {
  const table: [Role, WorkflowAction[]][] = [
    ["viewer", []],
    ["department_editor", ["submit"]],
    ["department_head", ["submit", "approve", "return"]],
    ["planning", ["approve", "return", "publish", "open_evaluation"]],
    ["admin", ["approve", "return", "publish", "open_evaluation"]],
  ];
  for (const [role, actions] of table) {
    it(role, () => {
      expect(WORKFLOW_ACTIONS.filter((a) => roleTakesAction(role, a))).toEqual(actions);
    });
  }
});

describe("editing and correcting", () => {
  for (const state of MANIFESTO_STATES) {
    it(state, () => {
      const draft = state === "draft" || state === "evaluation_draft";
      const published = state === "published" || state === "results_published";
      for (const role of ROLES) {
        expect([role, "edit", canEditIn(state, role)]).toEqual([
          role,
          "edit",
          draft && role !== "viewer",
        ]);
        expect([role, "correct", canCorrectIn(state, role)]).toEqual([
          role,
          "correct",
          (published || state.startsWith("evaluation_")) &&
            (role === "planning" || role === "admin"),
        ]);
      }
    });
  }
});

describe("states", () => {
  it("the published states are the ends of the two phases", () => {
    expect([...PUBLISHED_STATES]).toEqual(["published", "results_published"]);
    expect(publishedStateFor(false)).toBe("published");
    expect(publishedStateFor(true)).toBe("results_published");
  });

  it("every state belongs to a phase; unknown strings are not states", () => {
    expect(MANIFESTO_STATES.map(phaseOf)).toEqual([
      ...Array(5).fill("plan"),
      ...Array(5).fill("evaluation"),
    ]);
    expect(isManifestoState("head_approved")).toBe(true);
    expect(isManifestoState("archived")).toBe(false);
  });
});
