// A municipality's own tag vocabularies (its setting, issue 17), beside the built-in SDGs and
// 指標の分類: the format's vocabulary shape, ids unique and none redefining a built-in one.
import { z } from "zod";
import { LIMITS, tagVocabularySchema } from "./schema.ts";
import { BUILT_IN_VOCABULARIES } from "./tags.ts";

const BUILT_IN_IDS = new Set(BUILT_IN_VOCABULARIES.map((v) => v.id));

export const municipalityVocabulariesSchema = z
  .array(tagVocabularySchema)
  .max(LIMITS.vocabularies)
  .superRefine((vocabularies, ctx) => {
    const seen = new Set<string>();
    vocabularies.forEach((v, i) => {
      if (BUILT_IN_IDS.has(v.id)) {
        ctx.addIssue({
          code: "custom",
          path: [i, "id"],
          message: `is built in (${[...BUILT_IN_IDS].join(", ")}) and cannot be redefined`,
        });
      } else if (seen.has(v.id)) {
        ctx.addIssue({ code: "custom", path: [i, "id"], message: "is used twice" });
      }
      seen.add(v.id);
      const tagIds = new Set<string>();
      v.tags.forEach((t, j) => {
        if (tagIds.has(t.id)) {
          ctx.addIssue({ code: "custom", path: [i, "tags", j, "id"], message: "is used twice" });
        }
        tagIds.add(t.id);
      });
    });
  });
