// The documents the browser tests read, built from the demo: Iga's 総務部 in 2023 (the demo
// itself) and 2024 (another result, so an indicator has two years of results), a second
// published department that mentions 防災, a draft that must never show, and a second
// municipality so that `/` lists municipalities instead of opening the only one.
import fs from "node:fs";
import { DEMO_FILE } from "../test/support/fixtures.ts";

type Doc = Record<string, unknown> & {
  department: Record<string, unknown>;
  goals: Record<string, unknown>[];
};

export const IGA = { code: "242161", label: "三重県伊賀市" } as const;
export const MATSUSAKA = { code: "242047", label: "三重県松阪市" } as const;

export const SATISFACTION = "市民まちづくりアンケートの広聴広報に係る満足度";
/** Goal 1's first result in the 2024 copy; the demo's 2023 result is 49.4. */
export const SATISFACTION_2024 = 52.1;

export const BOUSAI_DEPARTMENT = "危機管理部";
export const BOUSAI_GOAL = "地域の防災力の向上";
export const DRAFT_DEPARTMENT = "市民生活部";
export const DRAFT_GOAL = "非公開の下書き目標（防災）";

/**
 * A document's own text with full-width numbers, as some municipalities write them: at 320 CSS
 * px one of them falls at a line's end, where the browser would break inside it (10, 1.4.10).
 */
export const FULL_WIDTH_NUMBERS =
  "防災訓練の参加率は３１．６％、４９．４％、５１．３％、５５．０％、６０．２％、６２．８％、７０．１％と上がり、令和４年度５１．３％を上回った。";

export const demoText = (): string => fs.readFileSync(DEMO_FILE, "utf8");
const demo = (): Doc => JSON.parse(demoText());

function secondYear(): Doc {
  const doc = demo();
  doc.fiscalYear = 2024;
  const goal = doc.goals[0] as { targets: Record<string, unknown>[] };
  goal.targets[0] = {
    label: "①",
    text: "令和６年度市民まちづくりアンケートの広聴広報に係る満足度55％以上（令和５年度49.4％）",
    measure: {
      kind: "numeric",
      indicator: SATISFACTION,
      unit: "%",
      comparator: ">=",
      target: 55,
      baseline: { value: 49.4, fiscalYear: 2023 },
    },
    result: {
      actual: SATISFACTION_2024,
      text: `まちづくりアンケートの満足度${SATISFACTION_2024}％`,
    },
  };
  return doc;
}

/** A department with one goal, its texts about disaster prevention. */
function bousaiDepartment(name: string, title: string): Doc {
  const doc = demo();
  doc.department = { name, head: { title: "部長", name: "伊賀　太郎" } };
  doc.goals = [
    {
      number: 1,
      mission: "災害に強いまちをつくり、市民の生命と財産を守ります。",
      title,
      currentState: ["自主防災組織の活動に地域差がある。"],
      targets: [
        {
          label: "①",
          text: "防災訓練の参加者数3,000人以上（令和４年度2,600人）",
          measure: {
            kind: "numeric",
            indicator: "防災訓練の参加者数",
            unit: "人",
            comparator: ">=",
            target: 3000,
            baseline: { value: 2600, fiscalYear: 2022 },
          },
          result: { actual: 3120, text: "防災訓練の参加者数3,120人" },
        },
      ],
      desiredState: `地域ごとに防災訓練が行われ、災害への備えが広がっている。${FULL_WIDTH_NUMBERS}`,
      means: ["自主防災組織と連携して地区ごとの防災訓練を行う。"],
      evaluation: { level: 3, reason: "防災訓練の参加者数が目標を上回った。" },
    },
  ];
  return doc;
}

function otherMunicipality(): Doc {
  const doc = demo();
  doc.municipality = { code: MATSUSAKA.code, name: "松阪市", prefecture: "三重県" };
  return doc;
}

/** Writes the documents into `dir`; the file lists are for `tassei import`. */
export function writeTestDocuments(dir: string): { published: string[]; drafts: string[] } {
  const write = (name: string, doc: unknown) => {
    const file = `${dir}/${name}.json`;
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));
    return file;
  };
  return {
    published: [
      DEMO_FILE,
      write("iga-2024-somu", secondYear()),
      write("iga-2023-kikikanri", bousaiDepartment(BOUSAI_DEPARTMENT, BOUSAI_GOAL)),
      write("matsusaka-2023-somu", otherMunicipality()),
    ],
    drafts: [write("iga-2023-draft", bousaiDepartment(DRAFT_DEPARTMENT, DRAFT_GOAL))],
  };
}
