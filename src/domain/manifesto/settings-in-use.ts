// A change of the municipality's evaluation scale, second scale or tag vocabularies must not
// strand what its stored manifestos use: a document that relied on a removed tag, a level the
// new scale lacks, or a score the narrowed scale no longer holds, would be refused at its next
// save (or not saved at all by an autosave) with nobody told why. The change is refused
// instead, naming where each use is.
import { DEFAULT_SCALE } from "./default-scale.ts";
import { extensionProblems, type MunicipalityExtensions } from "./extension-rules.ts";
import type { EvaluationScale, ManifestoDocument, ScoreScale, TagVocabulary } from "./schema.ts";
import type { Problem } from "./validate.ts";

export interface StoredDocument {
  fiscalYear: number;
  departmentName: string;
  document: ManifestoDocument;
}

export type ExtensionSetting = "evaluationScale" | "scoreScale" | "tagVocabularies";

/** The settings a document of the municipality relies on where it carries none of its own. */
export interface MunicipalitySettings extends MunicipalityExtensions {
  /** The evaluation scale; absent: the default one. */
  scale?: EvaluationScale;
}

export interface StrandedUse {
  setting: ExtensionSetting;
  fiscalYear: number;
  departmentName: string;
  /** Where in the document, as the format's JSON path (goals[0].tags[2]). */
  path: string;
}

function settingOf(path: string): ExtensionSetting | undefined {
  if (path.endsWith(".evaluation.score")) return "scoreScale";
  if (/\.tags\[\d+\]$/.test(path)) return "tagVocabularies";
  return undefined;
}

/** The new value of each setting: undefined keeps it, null (or no vocabulary) removes it. */
export interface ExtensionChange {
  /** null: back to the default scale. */
  scale?: EvaluationScale | null | undefined;
  scoreScale?: ScoreScale | null | undefined;
  tagVocabularies?: readonly TagVocabulary[] | null | undefined;
}

/** The settings after the change. */
export function withExtensionChange(
  before: MunicipalitySettings,
  change: ExtensionChange,
): MunicipalitySettings {
  const after = { ...before };
  if (change.scale !== undefined) {
    delete after.scale;
    if (change.scale) after.scale = change.scale;
  }
  if (change.scoreScale !== undefined) {
    delete after.scoreScale;
    if (change.scoreScale) after.scoreScale = change.scoreScale;
  }
  if (change.tagVocabularies !== undefined) {
    delete after.tagVocabularies;
    if (change.tagVocabularies?.length) after.tagVocabularies = change.tagVocabularies;
  }
  return after;
}

/** The uses that are valid with the settings before and not with those after. */
export function strandedUses(
  documents: readonly StoredDocument[],
  before: MunicipalitySettings,
  after: MunicipalitySettings,
): StrandedUse[] {
  const uses: StrandedUse[] = [];
  const levelsBefore = new Set((before.scale ?? DEFAULT_SCALE).levels.map((l) => l.level));
  const levelsAfter = new Set((after.scale ?? DEFAULT_SCALE).levels.map((l) => l.level));
  for (const { fiscalYear, departmentName, document } of documents) {
    // A document with a scale of its own keeps it, whatever the municipality's becomes.
    if (!document.evaluationScale) {
      document.goals.forEach((goal, g) => {
        const level = goal.evaluation?.level;
        if (level === undefined || !levelsBefore.has(level) || levelsAfter.has(level)) return;
        const path = `goals[${g}].evaluation.level`;
        uses.push({ setting: "evaluationScale", fiscalYear, departmentName, path });
      });
    }
    const already = new Set(extensionProblems(document, before).map((p) => p.path));
    for (const { path } of extensionProblems(document, after)) {
      const setting = settingOf(path);
      if (setting && !already.has(path)) uses.push({ setting, fiscalYear, departmentName, path });
    }
  }
  return uses;
}

const SHOWN = 3;

/**
 * One problem per setting, at the field `fieldOf` names, listing the first uses, each place
 * written by `placeOf` (the JSON path as it is, or in words for the staff app).
 */
export function strandedProblems(
  uses: readonly StrandedUse[],
  fieldOf: (setting: ExtensionSetting) => string,
  placeOf: (path: string) => string = (path) => path,
): Problem[] {
  const settings: ExtensionSetting[] = ["evaluationScale", "scoreScale", "tagVocabularies"];
  return settings.flatMap((setting) => {
    const mine = uses.filter((u) => u.setting === setting);
    if (mine.length === 0) return [];
    const listed = mine
      .slice(0, SHOWN)
      .map((u) => `${u.fiscalYear}年度 ${u.departmentName}（${placeOf(u.path)}）`)
      .join("、");
    const more = mine.length > SHOWN ? `ほか${mine.length - SHOWN}件` : "";
    const what = { evaluationScale: "自己評価", scoreScale: "第二の評価", tagVocabularies: "タグ" }[
      setting
    ];
    return [
      {
        path: fieldOf(setting),
        message: `この変更で、保存済みのマニフェストの${what}が使えなくなります：${listed}${more}。先にそのマニフェストから外してください`,
      },
    ];
  });
}
