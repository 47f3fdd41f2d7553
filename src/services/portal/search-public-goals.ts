// Search of published goals by words in Japanese. Words are compared after NFKC and
// lower-casing (ＳＮＳ, sns and SNS are one word); every word must occur in the goal. Words of
// 3+ characters use the trigram index, 2-character words (防災) the pair index (0009) and
// 1-character words (橋) the character index (0019): no word length reads every goal.
import { searchPublicGoals } from "../../db/repositories/public-search.ts";
import { DEFAULT_SCALE } from "../../domain/manifesto/default-scale.ts";
import { type Goal, goalSchema } from "../../domain/manifesto/schema.ts";
import { searchWords } from "../../domain/search/words.ts";
import { nfkc } from "../../domain/text.ts";
import type { ServiceContext } from "../context.ts";
import { scaleFromSetting } from "../municipality-scale.ts";
import { commonWordsOf } from "./common-words.ts";
import { departmentRef } from "./shared.ts";

export const SEARCH_LIMIT = 100;
/**
 * From this many goals containing a 1–2-character word, the search walks the goals in the
 * order it shows them and stops at the limit (the word is common: hits come early), rather
 * than listing every goal with the word from its index and sorting them all (issue 15).
 */
export const COMMON_WORD_GOALS = 2000;

export interface PublicSearchInput {
  text: string;
  municipalityCode?: string;
  fiscalYear?: number;
  department?: string;
  policyRef?: string;
  level?: number;
  /** `sdg:12`: with it, the words may be left out (every goal with the tag). */
  tag?: string;
}

export interface PublicSearchHit {
  municipalityCode: string;
  municipalityName: string;
  fiscalYear: number;
  departmentName: string;
  departmentCode: string | null;
  goal: Goal;
  /** The words of the goal's self-evaluation level on its scale (「3：概ね達成」's 概ね達成). */
  levelLabel?: string;
}

export async function searchPublicManifestos(
  ctx: ServiceContext,
  input: PublicSearchInput,
): Promise<{ words: string[]; hits: PublicSearchHit[]; truncated: boolean }> {
  const words = searchWords(input.text);
  if (words.length === 0 && input.tag === undefined) return { words, hits: [], truncated: false };
  const commonWords = await commonWordsOf(ctx.db, words, COMMON_WORD_GOALS);
  const rows = await searchPublicGoals(ctx.db, {
    words,
    limit: SEARCH_LIMIT + 1,
    commonWords,
    ...(input.municipalityCode !== undefined && { municipalityCode: input.municipalityCode }),
    ...(input.fiscalYear !== undefined && { fiscalYear: input.fiscalYear }),
    ...(input.department !== undefined && { department: departmentRef(input.department) }),
    ...(input.policyRef !== undefined && { policyRef: nfkc(input.policyRef).trim() }),
    ...(input.level !== undefined && { level: input.level }),
    ...(input.tag !== undefined && { tag: input.tag }),
  });
  const hits = rows
    .slice(0, SEARCH_LIMIT)
    .map(({ goal, goalNumber: _, documentScale, municipalityScale, ...rest }) => {
      const parsed = goalSchema.parse(goal);
      // The scale the manifesto page uses: the document's, else its municipality's.
      const scale =
        scaleFromSetting(documentScale) ?? scaleFromSetting(municipalityScale) ?? DEFAULT_SCALE;
      const level = parsed.evaluation?.level;
      const levelLabel = scale.levels.find((l) => l.level === level)?.label;
      return { ...rest, goal: parsed, ...(levelLabel !== undefined && { levelLabel }) };
    });
  return { words, hits, truncated: rows.length > SEARCH_LIMIT };
}
