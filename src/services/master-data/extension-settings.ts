// The municipality's second score scale and its own tag vocabularies (issue 17), as the
// administrator sends them from the staff app: checked by the format's own schemas, each
// problem naming its field in Japanese (「第二の評価基準 の 範囲 の 最大値：…」). null clears.
import type { z } from "zod";
import { japaneseMessage, japanesePath } from "../../domain/manifesto/japanese-messages.ts";
import { municipalityVocabulariesSchema } from "../../domain/manifesto/municipality-vocabularies.ts";
import {
  type ScoreScale,
  scoreScaleSchema,
  type TagVocabulary,
} from "../../domain/manifesto/schema.ts";
import { formatPath, type Problem } from "../../domain/manifesto/validate.ts";

function problemsOf(error: z.ZodError, root: string): Problem[] {
  return error.issues.map((i) => ({
    path: japanesePath(formatPath([root, ...(i.path as (string | number)[])])),
    message: japaneseMessage(i.message),
  }));
}

export type Checked<T> = { ok: true; value: T | null } | { ok: false; problems: Problem[] };

export function checkScoreScale(raw: unknown): Checked<ScoreScale> {
  if (raw === null) return { ok: true, value: null };
  const parsed = scoreScaleSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problems: problemsOf(parsed.error, "scoreScale") };
}

/** An empty list is no vocabulary of its own: stored as none. */
export function checkTagVocabularies(raw: unknown): Checked<TagVocabulary[]> {
  if (raw === null) return { ok: true, value: null };
  const parsed = municipalityVocabulariesSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: problemsOf(parsed.error, "tagVocabularies") };
  }
  return { ok: true, value: parsed.data.length === 0 ? null : parsed.data };
}
