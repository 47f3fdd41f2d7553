// The first-run set-up of a municipality, step by step, and what is still missing. Each step
// is saved as it is done, so the set-up can be left and resumed; this says where it stands.

export const SETUP_STEPS = [
  { id: "municipality", title: "自治体" },
  { id: "document", title: "文書名" },
  { id: "scale", title: "評価段階" },
  { id: "departments", title: "部局" },
  { id: "plan", title: "施策・基本事業" },
  { id: "accounts", title: "アカウント" },
] as const;
export type SetupStepId = (typeof SETUP_STEPS)[number]["id"];

export interface SetupFacts {
  municipality: boolean;
  documentTitle: boolean;
  scale: boolean;
  departments: number;
  planItems: number;
  /** Accounts of the municipality other than administrators. */
  accounts: number;
}

export interface SetupStep {
  id: SetupStepId;
  title: string;
  done: boolean;
  /** What is missing, in Japanese; empty when done. */
  missing: string;
}

export function setupSteps(f: SetupFacts): SetupStep[] {
  const missing: Record<SetupStepId, string> = {
    municipality: f.municipality ? "" : "全国地方公共団体コードで自治体を登録してください",
    document: f.documentTitle ? "" : "マニフェストの文書名を決めてください",
    scale: f.scale ? "" : "評価段階を選んでください",
    departments: f.departments > 0 ? "" : "部局を1つ以上登録してください",
    plan: f.planItems > 0 ? "" : "総合計画の施策・基本事業を登録してください",
    accounts: f.accounts > 0 ? "" : "企画課・部局の職員のアカウントを作成してください",
  };
  return SETUP_STEPS.map((s) => ({
    id: s.id,
    title: s.title,
    done: missing[s.id] === "",
    missing: missing[s.id],
  }));
}
