import { describe, expect, it } from "vitest";
import { progressReportPermissions } from "./permissions-progress.ts";
import type { ProgressState } from "./progress-report/report.ts";
import type { Role, StaffUser } from "./roles.ts";

const user = (role: Role, municipalityCode: string | null, departmentId: number | null = null) =>
  ({ id: 1, username: "u", role, municipalityCode, departmentId }) satisfies StaffUser;
const report = (state: ProgressState | null) => ({
  municipalityCode: "242161",
  departmentId: 7,
  state,
});

describe("progressReportPermissions", () => {
  it("lets the department's own editor and head write and submit, nobody else", () => {
    for (const role of ["department_editor", "department_head"] as const) {
      const own = user(role, "242161", 7);
      expect(progressReportPermissions(own, report(null)).edit).toBe(true);
      expect(progressReportPermissions(own, report("draft"))).toMatchObject({
        edit: true,
        submit: true,
        acknowledge: false,
      });
      expect(progressReportPermissions(own, report("submitted"))).toMatchObject({
        edit: false,
        submit: false,
        acknowledge: false,
        return: false,
      });
      expect(progressReportPermissions(user(role, "242161", 8), report("draft")).read).toBe(false);
    }
  });

  it("lets planning (and the municipality's administrator) acknowledge or return a submission", () => {
    for (const role of ["planning", "admin"] as const) {
      const p = progressReportPermissions(user(role, "242161"), report("submitted"));
      expect(p).toEqual({
        read: true,
        edit: false,
        submit: false,
        acknowledge: true,
        return: true,
        comment: true,
      });
      expect(progressReportPermissions(user(role, "242161"), report("draft")).acknowledge).toBe(
        false,
      );
    }
  });

  it("refuses viewers, other municipalities and the installation's operator any change", () => {
    const none = { edit: false, submit: false, acknowledge: false, return: false, comment: false };
    expect(progressReportPermissions(user("viewer", "242161"), report("submitted"))).toEqual({
      read: true,
      ...none,
    });
    expect(progressReportPermissions(user("planning", "242021"), report("submitted"))).toEqual({
      read: false,
      ...none,
    });
    expect(progressReportPermissions(user("admin", null), report("submitted"))).toEqual({
      read: true,
      ...none,
    });
  });
});
