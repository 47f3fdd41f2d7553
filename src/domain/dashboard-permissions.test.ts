import { describe, expect, it } from "vitest";
import { dashboardPermissions } from "./permissions.ts";
import { ROLES, type Role, type StaffUser } from "./roles.ts";

const M1 = "242161";
const M2 = "242021";

function user(role: Role, municipalityCode: string | null = M1): StaffUser {
  const departmentRole = role === "department_head" || role === "department_editor";
  return { id: 7, username: role, role, municipalityCode, departmentId: departmentRole ? 1 : null };
}

describe("dashboardPermissions", () => {
  it("opens a municipality's dashboard to its planning division and administrators only", () => {
    const readers = ROLES.filter((role) => dashboardPermissions(user(role), M1).read);
    expect(readers).toEqual(["admin", "planning"]);
  });

  it("opens no other municipality's dashboard, whatever the role", () => {
    for (const role of ROLES) expect(dashboardPermissions(user(role), M2)).toEqual({ read: false });
  });

  it("opens every municipality's dashboard to the installation's administrator", () => {
    const operator = user("admin", null);
    expect(dashboardPermissions(operator, M1).read).toBe(true);
    expect(dashboardPermissions(operator, M2).read).toBe(true);
  });

  it("gives a planning role without a municipality nothing", () => {
    expect(dashboardPermissions(user("planning", null), M1).read).toBe(false);
  });
});
