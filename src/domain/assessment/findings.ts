// The rules that hold a goal's self-evaluation against its targets (PRODUCT.md "The
// assessment"). Each rule is one function of the evidence, so each can be tested alone.
// Codes and their meaning: see FindingCode in types.ts.
import type { Meaning, TargetResult } from "../manifesto/schema.ts";
import {
  claimedAchievedTargetNotMetMessage,
  claimedNotAchievedAllMetMessage,
  exceededOnMilestonesOnlyMessage,
  exceededWithoutBeatenTargetMessage,
  levelMeaningUnknownMessage,
  numericTargetWithoutResultMessage,
  unknownPolicyRefMessage,
} from "./messages.ts";
import { claimedWithoutEvidenceMessage } from "./plan-messages.ts";
import type { Finding, TargetAssessment } from "./types.ts";

export interface ClaimEvidence {
  claim: Meaning;
  /** How the claim reads in a message: `自己評価は「業績目標を達成した」（3）`. */
  claimText: string;
  targets: readonly TargetAssessment[];
  /** `result.status` of each target, by index: what a milestone's result was. */
  milestoneResults: readonly TargetResult["status"][];
}

const CLAIMS_TARGETS_MET: ReadonlySet<Meaning> = new Set(["achieved", "exceeded", "advanced"]);

/** A level that says the targets were reached, beside a target that was not: one per target. */
export function unmetTargetsUnderAchievedClaim(e: ClaimEvidence): Finding[] {
  if (!CLAIMS_TARGETS_MET.has(e.claim)) return [];
  return e.targets
    .filter((t) => t.status === "not_met")
    .map(
      (t): Finding => ({
        code: "claimed_achieved_target_not_met",
        severity: "warning",
        target: t.index,
        message: claimedAchievedTargetNotMetMessage(
          e.claimText,
          t,
          e.targets.length,
          e.milestoneResults[t.index],
        ),
      }),
    );
}

/**
 * A level that says the goal was not reached, beside targets that all were. Every target must
 * be met: one that cannot be judged (no measure, no result) may be the one that was missed.
 */
export function allMetUnderNotAchievedClaim(e: ClaimEvidence): Finding[] {
  if (e.claim !== "not_achieved") return [];
  if (e.targets.length === 0 || !e.targets.every((t) => t.status === "met")) return [];
  return [
    {
      code: "claimed_not_achieved_all_targets_met",
      severity: "notice",
      message: claimedNotAchievedAllMetMessage(e.claimText),
    },
  ];
}

/**
 * A level that says the targets were surpassed, with no number that shows it. Only when no
 * target is unmet: an unmet one already gives a warning, which says more.
 *  - only milestones (seed goal 5): nothing could be surpassed, only reached;
 *  - numeric targets with results, none beaten (all exactly on target, or `=` targets).
 * Milestone-only goals are flagged for `exceeded` alone: `advanced` claims a pioneering way
 * of working, which a milestone can well show.
 */
export function unbeatenTargetsUnderExceededClaim(e: ClaimEvidence): Finding[] {
  if (e.claim !== "exceeded" && e.claim !== "advanced") return [];
  if (e.targets.some((t) => t.status === "not_met")) return [];
  const numeric = e.targets.filter((t) => t.kind === "numeric");
  if (numeric.length === 0) {
    const onlyMilestones = e.claim === "exceeded" && e.targets.some((t) => t.kind === "milestone");
    return onlyMilestones
      ? [
          {
            code: "exceeded_on_milestones_only",
            severity: "notice",
            message: exceededOnMilestonesOnlyMessage(e.claimText),
          },
        ]
      : [];
  }
  const judged = numeric.filter((t) => t.difference !== undefined);
  if (judged.length === 0 || judged.some((t) => (t.difference ?? 0) > 0)) return [];
  return [
    {
      code: "exceeded_without_beaten_target",
      severity: "notice",
      message: exceededWithoutBeatenTargetMessage(e.claimText),
    },
  ];
}

/**
 * A level that says the targets were reached, while not one of the goal's targets can be
 * judged (no actual value, no milestone status, no measure): the claim cannot be checked.
 */
export function claimWithoutEvidence(e: ClaimEvidence): Finding[] {
  if (!CLAIMS_TARGETS_MET.has(e.claim)) return [];
  if (e.targets.length === 0 || e.targets.some((t) => t.status !== "unknown")) return [];
  return [
    {
      code: "claimed_without_evidence",
      severity: "notice",
      message: claimedWithoutEvidenceMessage(e.claimText),
    },
  ];
}

/** Every rule that compares the claim with the targets, in the order findings are listed. */
export function claimFindings(e: ClaimEvidence): Finding[] {
  return [
    ...unmetTargetsUnderAchievedClaim(e),
    ...allMetUnderNotAchievedClaim(e),
    ...unbeatenTargetsUnderExceededClaim(e),
    ...claimWithoutEvidence(e),
  ];
}

/** At year end (the goal is evaluated) a numeric target without an actual value. */
export function numericTargetsWithoutResult(targets: readonly TargetAssessment[]): Finding[] {
  return targets
    .filter((t) => t.kind === "numeric" && t.actual === undefined)
    .map(
      (t): Finding => ({
        code: "numeric_target_without_result",
        severity: "notice",
        target: t.index,
        message: numericTargetWithoutResultMessage(t, targets.length),
      }),
    );
}

/** The goal is evaluated, but what its level claims is unknown: nothing can be checked. */
export function levelMeaningUnknown(
  level: number,
  label: string | undefined,
  scaleName: string,
): Finding {
  return {
    code: "level_meaning_unknown",
    severity: "notice",
    message: levelMeaningUnknownMessage(level, label, scaleName),
  };
}

/** One notice per code the plan does not know, as `unknownPolicyRefs` read it. */
export function unknownPolicyRefFindings(unknownCodes: readonly string[]): Finding[] {
  return unknownCodes.map(
    (code): Finding => ({
      code: "unknown_policy_ref",
      severity: "notice",
      message: unknownPolicyRefMessage(code),
    }),
  );
}
