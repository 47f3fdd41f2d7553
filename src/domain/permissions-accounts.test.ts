// The permission functions of user administration and of a municipality's fiscal year.
import { describe, expect, it } from "vitest";
import {
  accountPermissions,
  canAdministerUsers,
  fiscalYearPermissions,
  noManifestoPermissions,
} from "./permissions.ts";
import { ROLES, type Role, type StaffUser } from "./roles.ts";

const M1 = "242161";
const M2 = "242021";

function user(id: number, role: Role, municipalityCode: string | null = M1): StaffUser {
  const departmentRole = role === "department_head" || role === "department_editor";
  return {
    id,
    username: `u${id}`,
    role,
    municipalityCode,
    departmentId: departmentRole ? 1 : null,
  };
}
const operator = user(1, "admin", null);
const admin = user(2, "admin");

describe("canAdministerUsers", () => {
  it.each(ROLES.map((r) => [r, r === "admin"] as const))("%s → %s", (role, may) =>
    expect(canAdministerUsers(user(9, role))).toBe(may),
  );
});

describe("accountPermissions", () => {
  const target = (municipalityCode: string | null, id = 50) => ({
    id,
    role: "viewer" as Role,
    municipalityCode,
    departmentId: null,
  });

  it("an administrator manages the accounts of their municipality", () => {
    expect(accountPermissions(admin, target(M1))).toEqual({
      read: true,
      manage: true,
      changeRole: true,
      disable: true,
      resetPassword: true,
    });
  });

  it("but neither changes their own role, disables themselves nor resets their own password", () => {
    expect(accountPermissions(admin, { ...target(M1, admin.id), role: "admin" })).toEqual({
      read: true,
      manage: true,
      changeRole: false,
      disable: false,
      resetPassword: false,
    });
  });

  it("sees nothing of another municipality or of an installation administrator", () => {
    for (const t of [target(M2), { ...target(null), role: "admin" as Role }]) {
      expect(Object.values(accountPermissions(admin, t)).some(Boolean)).toBe(false);
    }
  });

  it("other roles manage nothing, not even themselves", () => {
    for (const role of ROLES.filter((r) => r !== "admin")) {
      const self = user(7, role);
      const own = accountPermissions(self, { ...target(M1, 7), role });
      expect(own).toEqual({
        read: true,
        manage: false,
        changeRole: false,
        disable: false,
        resetPassword: false,
      });
    }
  });

  it("the installation administrator manages everyone but their own role", () => {
    expect(accountPermissions(operator, target(M2)).changeRole).toBe(true);
    expect(accountPermissions(operator, { ...target(null, 1), role: "admin" }).changeRole).toBe(
      false,
    );
  });
});

describe("fiscalYearPermissions", () => {
  const cases: [string, StaffUser, string, { read: boolean; steward: boolean }][] = [
    ["installation admin, any municipality", operator, M2, { read: true, steward: true }],
    ["admin, own", admin, M1, { read: true, steward: true }],
    ["admin, other", admin, M2, { read: false, steward: false }],
    ["planning, own", user(3, "planning"), M1, { read: true, steward: true }],
    ["planning, other", user(3, "planning"), M2, { read: false, steward: false }],
    ["head, own", user(4, "department_head"), M1, { read: true, steward: false }],
    ["editor, own", user(5, "department_editor"), M1, { read: true, steward: false }],
    ["viewer, own", user(6, "viewer"), M1, { read: true, steward: false }],
    ["viewer, other", user(6, "viewer"), M2, { read: false, steward: false }],
  ];
  it.each(cases)("%s", (_name, who, municipalityCode, want) => {
    expect(fiscalYearPermissions(who, { municipalityCode })).toEqual({
      read: want.read,
      open: want.steward,
      setDeadlines: want.steward,
    });
  });
});

it("noManifestoPermissions allows nothing and is a fresh object each time", () => {
  const a = noManifestoPermissions();
  expect(Object.values(a).some(Boolean)).toBe(false);
  a.read = true;
  expect(noManifestoPermissions().read).toBe(false);
});
