// Review comments are attached to a goal by its number (部局目標N). When an editor moves or
// removes goals, the numbers are renumbered to stay 1, 2, 3 …, so a comment would end up
// beside another goal. The format has no goal ids; a goal is recognised across a save by
// its title (NFKC), or failing that its mission + desired state, when exactly one goal
// before and one after carry it.
import { comparisonKey } from "../text.ts";
import type { Goal } from "./schema.ts";

type GoalLike = Pick<Goal, "number" | "title" | "mission" | "desiredState">;

const byTitle = (g: GoalLike) => `t:${comparisonKey(g.title)}`;
const byContent = (g: GoalLike) =>
  `c:${comparisonKey(g.mission ?? "")}\u0000${comparisonKey(g.desiredState ?? "")}`;

function uniqueIndex(goals: readonly GoalLike[], key: (g: GoalLike) => string) {
  const seen = new Map<string, GoalLike | null>();
  for (const g of goals) seen.set(key(g), seen.has(key(g)) ? null : g);
  return seen;
}

/**
 * For each goal number of `before` whose comments must move: its number in `after`, or
 * null when the goal is gone — its number names no goal any more, or names a goal that was
 * recognised as another one. A goal that cannot be recognised (its title edited, say) but
 * whose number still names an unclaimed goal is taken to be that goal, edited in place.
 * Numbers that stay with their goal are not listed.
 */
export function goalRenumbering(
  before: readonly GoalLike[],
  after: readonly GoalLike[],
): Map<number, number | null> {
  const indexes = [byTitle, byContent].map((key) => ({
    key,
    before: uniqueIndex(before, key),
    after: uniqueIndex(after, key),
  }));
  const claimed = new Set<GoalLike>();
  const recognised = new Map<GoalLike, GoalLike>();
  for (const old of before) {
    for (const { key, before: b, after: a } of indexes) {
      const candidate = a.get(key(old));
      if (b.get(key(old)) === old && candidate && !claimed.has(candidate)) {
        claimed.add(candidate);
        recognised.set(old, candidate);
        break;
      }
    }
  }
  const moves = new Map<number, number | null>();
  for (const old of before) {
    const found = recognised.get(old);
    if (found) {
      if (found.number !== old.number) moves.set(old.number, found.number);
      continue;
    }
    const same = after.find((g) => g.number === old.number);
    if (!same || claimed.has(same)) moves.set(old.number, null);
  }
  return moves;
}
