import { describe, expect, it } from "vitest";
import {
  canCreateManifesto,
  type ManifestoPermissions,
  manifestoPermissions,
  userPermissions,
} from "./permissions.ts";
import { ROLES, type Role, type StaffUser } from "./roles.ts";
import { MANIFESTO_STATES } from "./workflow.ts";

const M1 = "242161";
const M2 = "242021";
const DEPT_A = 1;
const DEPT_B = 2;

function user(role: Role, municipalityCode: string | null = M1): StaffUser {
  const departmentRole = role === "department_head" || role === "department_editor";
  return {
    id: 100,
    username: role,
    role,
    municipalityCode,
    departmentId: departmentRole ? DEPT_A : null,
  };
}
const installationAdmin = user("admin", null);

type Action = keyof ManifestoPermissions;
const ACTIONS: Action[] = [
  "read",
  "edit",
  "submit",
  "approve",
  "return",
  "publish",
  "evaluate",
  "openEvaluation",
  "correct",
  "comment",
];

/** The expected answer for a record in scope, written out per role and state. */
function expected(role: Role | "installation_admin", state: string): Set<Action> {
  const draft = state === "draft" || state === "evaluation_draft";
  const submitted = state === "submitted" || state === "evaluation_submitted";
  const headApproved = state === "head_approved" || state === "evaluation_head_approved";
  const approved = state === "approved" || state === "evaluation_approved";
  const published = state === "published" || state === "results_published";
  const out = new Set<Action>(["read"]);
  const add = (a: Action, when: boolean) => when && out.add(a);
  if (role === "viewer") return out;
  add("edit", draft);
  add("evaluate", state === "evaluation_draft");
  add("comment", true);
  switch (role) {
    case "department_editor":
      add("submit", draft);
      break;
    case "department_head":
      add("submit", draft);
      add("approve", submitted);
      add("return", submitted);
      break;
    default:
      add("approve", headApproved);
      add("return", headApproved || approved);
      add("publish", approved);
      add("openEvaluation", state === "published");
      // The published plan is corrected in the evaluation phase too.
      add("correct", published || state.startsWith("evaluation_"));
  }
  return out;
}

const PLACES = [
  { name: "own department", municipalityCode: M1, departmentId: DEPT_A },
  { name: "other department", municipalityCode: M1, departmentId: DEPT_B },
  { name: "other municipality", municipalityCode: M2, departmentId: DEPT_A },
] as const;

function visible(role: Role | "installation_admin", place: (typeof PLACES)[number]): boolean {
  if (role === "installation_admin") return true;
  if (place.name === "other municipality") return false;
  if (place.name === "other department") {
    return role !== "department_head" && role !== "department_editor";
  }
  return true;
}

describe("manifestoPermissions: role × state × place × action", () => {
  const actors: [Role | "installation_admin", StaffUser][] = [
    ...ROLES.map((r) => [r, user(r)] as [Role, StaffUser]),
    ["installation_admin", installationAdmin],
  ];
  for (const [role, actor] of actors) {
    for (const place of PLACES) {
      for (const state of MANIFESTO_STATES) {
        it(`${role}, ${place.name}, ${state}`, () => {
          const got = manifestoPermissions(actor, { ...place, state });
          const want = visible(role, place) ? expected(role, state) : new Set<Action>();
          for (const action of ACTIONS)
            expect([action, got[action]]).toEqual([action, want.has(action)]);
        });
      }
    }
  }

  it("a user whose department is another one with the same id in another municipality sees nothing", () => {
    const editor = user("department_editor", M2);
    expect(
      manifestoPermissions(editor, { municipalityCode: M1, departmentId: DEPT_A, state: "draft" })
        .read,
    ).toBe(false);
  });

  it("the table covers every permission there is", () => {
    const got = manifestoPermissions(installationAdmin, {
      municipalityCode: M1,
      departmentId: DEPT_A,
      state: "draft",
    });
    expect(Object.keys(got).sort()).toEqual([...ACTIONS].sort());
  });

  it("a state this build does not know is read only, even to planning", () => {
    const got = manifestoPermissions(user("planning"), {
      municipalityCode: M1,
      departmentId: DEPT_A,
      state: "archived",
    });
    expect(ACTIONS.filter((a) => got[a])).toEqual(["read"]);
  });

  it("a non-admin without a municipality (never stored) sees nothing", () => {
    const odd: StaffUser = { ...user("planning"), municipalityCode: null };
    expect(
      manifestoPermissions(odd, { municipalityCode: M1, departmentId: DEPT_A, state: "draft" })
        .read,
    ).toBe(false);
  });
});

describe("canCreateManifesto", () => {
  const cases: [Role | "installation_admin", string, number | null, boolean][] = [
    ["viewer", M1, DEPT_A, false],
    ["department_editor", M1, DEPT_A, true],
    ["department_editor", M1, DEPT_B, false],
    ["department_editor", M1, null, false],
    ["department_head", M1, DEPT_A, true],
    ["department_head", M2, DEPT_A, false],
    ["planning", M1, DEPT_B, true],
    ["planning", M1, null, true],
    ["planning", M2, DEPT_A, false],
    ["admin", M1, null, true],
    ["admin", M2, null, false],
    ["installation_admin", M2, null, true],
  ];
  for (const [role, municipalityCode, departmentId, want] of cases) {
    it(`${role} in ${municipalityCode}, department ${departmentId} → ${want}`, () => {
      const actor = role === "installation_admin" ? installationAdmin : user(role);
      expect(canCreateManifesto(actor, { municipalityCode, departmentId })).toBe(want);
    });
  }
});

describe("userPermissions", () => {
  const target = (
    over: Partial<{
      id: number;
      role: Role;
      municipalityCode: string | null;
      departmentId: number | null;
    }>,
  ) => ({
    id: 200,
    role: "department_editor" as Role,
    municipalityCode: M1,
    departmentId: DEPT_A,
    ...over,
  });
  const cases: [
    string,
    StaffUser,
    ReturnType<typeof target>,
    { read: boolean; manage: boolean },
  ][] = [
    [
      "installation admin, any user",
      installationAdmin,
      target({ municipalityCode: M2 }),
      { read: true, manage: true },
    ],
    [
      "installation admin, another installation admin",
      installationAdmin,
      target({ role: "admin", municipalityCode: null, departmentId: null }),
      { read: true, manage: true },
    ],
    ["admin, same municipality", user("admin"), target({}), { read: true, manage: true }],
    [
      "admin, other municipality",
      user("admin"),
      target({ municipalityCode: M2 }),
      { read: false, manage: false },
    ],
    [
      "admin, installation admin",
      user("admin"),
      target({ role: "admin", municipalityCode: null, departmentId: null }),
      { read: false, manage: false },
    ],
    ["planning, same municipality", user("planning"), target({}), { read: true, manage: false }],
    [
      "planning, other municipality",
      user("planning"),
      target({ municipalityCode: M2 }),
      { read: false, manage: false },
    ],
    ["head, own department", user("department_head"), target({}), { read: true, manage: false }],
    [
      "head, other department",
      user("department_head"),
      target({ departmentId: DEPT_B }),
      { read: false, manage: false },
    ],
    [
      "head, same department id in other municipality",
      user("department_head"),
      target({ municipalityCode: M2 }),
      { read: false, manage: false },
    ],
    ["editor, colleague", user("department_editor"), target({}), { read: false, manage: false }],
    ["editor, self", user("department_editor"), target({ id: 100 }), { read: true, manage: false }],
    [
      "viewer, self",
      user("viewer"),
      target({ id: 100, role: "viewer", departmentId: null }),
      { read: true, manage: false },
    ],
    ["viewer, other", user("viewer"), target({}), { read: false, manage: false }],
  ];
  for (const [name, actor, t, want] of cases) {
    it(name, () => expect(userPermissions(actor, t)).toEqual(want));
  }
});
