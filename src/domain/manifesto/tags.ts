// Tags on goals and targets (FORMAT.md "Tags"): `vocabulary:tag`. Two vocabularies are built
// in because many publishers use them; a municipality defines its own in the document's
// `tagVocabularies`, so that every document says what its tags mean.
import type { ManifestoDocument, TagVocabulary } from "./schema.ts";

const SDG_NAMES = [
  "貧困をなくそう",
  "飢餓をゼロに",
  "すべての人に健康と福祉を",
  "質の高い教育をみんなに",
  "ジェンダー平等を実現しよう",
  "安全な水とトイレを世界中に",
  "エネルギーをみんなに そしてクリーンに",
  "働きがいも経済成長も",
  "産業と技術革新の基盤をつくろう",
  "人や国の不平等をなくそう",
  "住み続けられるまちづくりを",
  "つくる責任 つかう責任",
  "気候変動に具体的な対策を",
  "海の豊かさを守ろう",
  "陸の豊かさも守ろう",
  "平和と公正をすべての人に",
  "パートナーシップで目標を達成しよう",
] as const;

export const BUILT_IN_VOCABULARIES: readonly TagVocabulary[] = [
  {
    id: "sdg",
    name: "SDGs",
    tags: SDG_NAMES.map((name, i) => ({ id: String(i + 1), label: `${i + 1} ${name}` })),
  },
  {
    id: "indicator",
    name: "指標の分類",
    tags: [
      { id: "outcome", label: "成果指標" },
      { id: "activity", label: "活動指標" },
    ],
  },
];

/**
 * Built-in vocabularies first, then the document's, then the municipality's (its setting)
 * that the document does not define itself: a document keeps the meaning it was written with.
 * Neither may redefine a built-in.
 */
export function vocabulariesOf(
  doc: Pick<ManifestoDocument, "tagVocabularies">,
  municipality: readonly TagVocabulary[] = [],
): TagVocabulary[] {
  const own = doc.tagVocabularies ?? [];
  const taken = new Set([...BUILT_IN_VOCABULARIES, ...own].map((v) => v.id));
  return [...BUILT_IN_VOCABULARIES, ...own, ...municipality.filter((v) => !taken.has(v.id))];
}

export interface ResolvedTag {
  ref: string;
  vocabulary: string;
  vocabularyName: string;
  id: string;
  label: string;
}

export function resolveTag(
  vocabularies: readonly TagVocabulary[],
  ref: string,
): ResolvedTag | undefined {
  const at = ref.indexOf(":");
  if (at < 0) return undefined;
  const vocabulary = vocabularies.find((v) => v.id === ref.slice(0, at));
  const tag = vocabulary?.tags.find((t) => t.id === ref.slice(at + 1));
  if (!vocabulary || !tag) return undefined;
  return {
    ref,
    vocabulary: vocabulary.id,
    vocabularyName: vocabulary.name,
    id: tag.id,
    label: tag.label,
  };
}

/** A tag as a person reads it: 「SDGs 3 すべての人に健康と福祉を」「指標の分類 成果指標」. */
export function tagLabel(vocabularies: readonly TagVocabulary[], ref: string): string {
  const t = resolveTag(vocabularies, ref);
  return t ? `${t.vocabularyName} ${t.label}` : ref;
}

/** Every tag of the document's goals and targets, SDGs first, each once. */
export function tagsIn(doc: Pick<ManifestoDocument, "goals">): string[] {
  const all = new Set<string>();
  for (const g of doc.goals) {
    for (const t of g.tags ?? []) all.add(t);
    for (const target of g.targets ?? []) for (const t of target.tags ?? []) all.add(t);
  }
  const sdg = (t: string) => (t.startsWith("sdg:") ? Number(t.slice(4)) : 100);
  return [...all].sort((a, b) => sdg(a) - sdg(b) || a.localeCompare(b));
}
