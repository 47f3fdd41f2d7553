// Who may watch and build a municipality's booklet: every role × own / other municipality.
import { describe, expect, it } from "vitest";
import { bookletPermissions } from "./permissions.ts";
import type { Role, StaffUser } from "./roles.ts";

const IGA = "242161";
const TSU = "242021";

function user(role: Role, municipalityCode: string | null): StaffUser {
  const department = role === "department_head" || role === "department_editor";
  return { id: 1, username: "u", role, municipalityCode, departmentId: department ? 7 : null };
}

describe("bookletPermissions", () => {
  const cases: [Role, string | null, { read: boolean; build: boolean }][] = [
    ["admin", null, { read: true, build: true }],
    ["admin", IGA, { read: true, build: true }],
    ["planning", IGA, { read: true, build: true }],
    ["department_head", IGA, { read: true, build: false }],
    ["department_editor", IGA, { read: true, build: false }],
    ["viewer", IGA, { read: true, build: false }],
    ["admin", TSU, { read: false, build: false }],
    ["planning", TSU, { read: false, build: false }],
    ["department_editor", TSU, { read: false, build: false }],
    ["viewer", TSU, { read: false, build: false }],
    // Only an administrator may lack a municipality; anyone else so stored sees nothing.
    ["planning", null, { read: false, build: false }],
  ];
  for (const [role, municipality, expected] of cases) {
    it(`${role} of ${municipality ?? "the installation"} on ${IGA}'s booklet`, () => {
      expect(bookletPermissions(user(role, municipality), { municipalityCode: IGA })).toEqual(
        expected,
      );
    });
  }
});
