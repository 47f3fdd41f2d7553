import { describe, expect, it } from "vitest";
import { MEANINGS, type Meaning } from "../manifesto/schema.ts";
import {
  allMetUnderNotAchievedClaim,
  type ClaimEvidence,
  claimFindings,
  numericTargetsWithoutResult,
  unbeatenTargetsUnderExceededClaim,
  unknownPolicyRefFindings,
  unmetTargetsUnderAchievedClaim,
} from "./findings.ts";
import type { TargetAssessment } from "./types.ts";

const beaten: TargetAssessment = {
  index: 0,
  status: "met",
  kind: "numeric",
  actual: 17,
  target: 15,
  comparator: ">=",
  unit: "件",
  difference: 2,
  margin: 2 / 15,
};
const onTarget: TargetAssessment = { ...beaten, actual: 15, difference: 0, margin: 0 };
const missed: TargetAssessment = {
  ...beaten,
  status: "not_met",
  actual: 12,
  difference: -3,
  margin: -0.2,
};
const noResult: TargetAssessment = {
  index: 0,
  status: "unknown",
  kind: "numeric",
  target: 15,
  comparator: ">=",
  unit: "件",
};
const milestoneMet: TargetAssessment = { index: 0, status: "met", kind: "milestone" };
const milestoneMissed: TargetAssessment = { index: 0, status: "not_met", kind: "milestone" };
const unmeasured: TargetAssessment = { index: 0, status: "unknown", kind: "none" };

function evidence(claim: Meaning, ...targets: TargetAssessment[]): ClaimEvidence {
  return {
    claim,
    claimText: "自己評価は「X」（3）",
    targets: targets.map((t, index) => ({ ...t, index })),
    milestoneResults: targets.map((t) => (t.kind === "milestone" ? "partial" : undefined)),
  };
}

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe("unmetTargetsUnderAchievedClaim", () => {
  it.each(["achieved", "exceeded", "advanced"] as const)(
    "warns once per unmet target when the level claims %s",
    (claim) => {
      const findings = unmetTargetsUnderAchievedClaim(
        evidence(claim, missed, beaten, milestoneMissed),
      );
      expect(findings.map((f) => [f.code, f.severity, f.target])).toEqual([
        ["claimed_achieved_target_not_met", "warning", 0],
        ["claimed_achieved_target_not_met", "warning", 2],
      ]);
      expect(findings[0]?.message).toContain("（実績12件 / 目標15件以上）");
      expect(findings[1]?.message).toContain("（結果：一部達成）");
    },
  );

  it.each(["partial", "not_achieved", "not_attempted", "unassessable"] as const)(
    "says nothing when the level claims %s",
    (claim) => {
      expect(unmetTargetsUnderAchievedClaim(evidence(claim, missed))).toEqual([]);
    },
  );

  it("says nothing when the unmet-looking target is only unknown", () => {
    expect(unmetTargetsUnderAchievedClaim(evidence("achieved", noResult, unmeasured))).toEqual([]);
  });
});

describe("allMetUnderNotAchievedClaim", () => {
  it("notices a not_achieved level beside targets that are all met", () => {
    const findings = allMetUnderNotAchievedClaim(evidence("not_achieved", beaten, milestoneMet));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: "claimed_not_achieved_all_targets_met",
      severity: "notice",
    });
    expect(findings[0]?.target).toBeUndefined();
  });

  it("says nothing with no targets, an unmet one, or one that cannot be judged", () => {
    expect(allMetUnderNotAchievedClaim(evidence("not_achieved"))).toEqual([]);
    expect(allMetUnderNotAchievedClaim(evidence("not_achieved", beaten, missed))).toEqual([]);
    expect(allMetUnderNotAchievedClaim(evidence("not_achieved", beaten, noResult))).toEqual([]);
    expect(allMetUnderNotAchievedClaim(evidence("not_achieved", beaten, unmeasured))).toEqual([]);
  });

  it("only for not_achieved", () => {
    for (const claim of MEANINGS.filter((m) => m !== "not_achieved")) {
      expect(allMetUnderNotAchievedClaim(evidence(claim, beaten))).toEqual([]);
    }
  });
});

describe("unbeatenTargetsUnderExceededClaim", () => {
  it("notices an exceeded level on milestones only (seed goal 5)", () => {
    expect(codes(unbeatenTargetsUnderExceededClaim(evidence("exceeded", milestoneMet)))).toEqual([
      "exceeded_on_milestones_only",
    ]);
    // Unjudged milestones cannot show a surpassing either.
    const unjudged: TargetAssessment = { index: 0, status: "unknown", kind: "milestone" };
    expect(codes(unbeatenTargetsUnderExceededClaim(evidence("exceeded", unjudged)))).toEqual([
      "exceeded_on_milestones_only",
    ]);
  });

  it("does not hold milestones against an advanced level", () => {
    expect(unbeatenTargetsUnderExceededClaim(evidence("advanced", milestoneMet))).toEqual([]);
  });

  it.each(["exceeded", "advanced"] as const)(
    "notices a %s level when numeric targets are met but none is beaten",
    (claim) => {
      const findings = unbeatenTargetsUnderExceededClaim(
        evidence(claim, onTarget, onTarget, milestoneMet),
      );
      expect(findings.map((f) => [f.code, f.severity])).toEqual([
        ["exceeded_without_beaten_target", "notice"],
      ]);
    },
  );

  it("says nothing when one numeric target is beaten", () => {
    expect(unbeatenTargetsUnderExceededClaim(evidence("exceeded", onTarget, beaten))).toEqual([]);
    expect(unbeatenTargetsUnderExceededClaim(evidence("exceeded", beaten, milestoneMet))).toEqual(
      [],
    );
  });

  it("leaves unmet targets to the warning", () => {
    expect(unbeatenTargetsUnderExceededClaim(evidence("exceeded", onTarget, missed))).toEqual([]);
    expect(unbeatenTargetsUnderExceededClaim(evidence("exceeded", milestoneMissed))).toEqual([]);
  });

  it("says nothing when no numeric target has a result, or there are no measured targets", () => {
    expect(unbeatenTargetsUnderExceededClaim(evidence("exceeded", noResult))).toEqual([]);
    expect(unbeatenTargetsUnderExceededClaim(evidence("exceeded", unmeasured))).toEqual([]);
    expect(unbeatenTargetsUnderExceededClaim(evidence("exceeded"))).toEqual([]);
  });

  it("only for exceeded and advanced", () => {
    for (const claim of MEANINGS.filter((m) => m !== "exceeded" && m !== "advanced")) {
      expect(unbeatenTargetsUnderExceededClaim(evidence(claim, onTarget))).toEqual([]);
      expect(unbeatenTargetsUnderExceededClaim(evidence(claim, milestoneMet))).toEqual([]);
    }
  });
});

describe("claimFindings", () => {
  it("lists warnings before notices and never contradicts itself", () => {
    expect(codes(claimFindings(evidence("exceeded", missed, onTarget)))).toEqual([
      "claimed_achieved_target_not_met",
    ]);
    expect(codes(claimFindings(evidence("achieved", onTarget, milestoneMet)))).toEqual([]);
  });
});

describe("numericTargetsWithoutResult", () => {
  it("notices each numeric target without an actual value, by index", () => {
    const targets = [noResult, beaten, milestoneMet, unmeasured, noResult].map((t, index) => ({
      ...t,
      index,
      label: ["①", "②", "③", "④", "⑤"][index] ?? "",
    }));
    const findings = numericTargetsWithoutResult(targets);
    expect(findings.map((f) => [f.code, f.severity, f.target])).toEqual([
      ["numeric_target_without_result", "notice", 0],
      ["numeric_target_without_result", "notice", 4],
    ]);
    expect(findings[1]?.message).toBe(
      "達成目標⑤は数値目標ですが、年度末の実績値が記録されていません",
    );
  });
});

describe("unknownPolicyRefFindings", () => {
  it("gives one notice per unknown code", () => {
    const findings = unknownPolicyRefFindings(["7-9-①", "8-1"]);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ["unknown_policy_ref", "notice"],
      ["unknown_policy_ref", "notice"],
    ]);
    expect(findings[0]?.message).toContain("「7-9-①」");
  });
});
