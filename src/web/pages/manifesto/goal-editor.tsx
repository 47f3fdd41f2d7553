// One 部局目標 in the form, laid out as the official document prints it: 組織使命 and the goal
// on the left, 目標の達成水準 (現在の状態 → 達成目標 → 目標が達成した状態) in the middle, the means
// on the right. Tablets get one column in the same order.
import { LIMITS } from "../../../domain/manifesto/schema.ts";
import { BudgetEditor } from "./extension-rows-editor.tsx";
import { TextField } from "./fields.tsx";
import { ListEditor } from "./list-editor.tsx";
import { TAG_LIST_ID, TargetsEditor } from "./target-editor.tsx";

/** The datalist of the municipality's plan structure（施策・基本事業）, rendered by the page. */
export const PLAN_ITEM_LIST_ID = "plan-item-suggestions";
export { TAG_LIST_ID };

/** The goal's own 所属 where it differs from the document's department (issue 17). */
const OWNER_FIELDS: { path: string[]; label: string }[] = [
  { path: ["unit"], label: "所属" },
  { path: ["head", "title"], label: "所属長の役職" },
  { path: ["head", "name"], label: "所属長の氏名" },
  { path: ["contact", "phone"], label: "所属の電話番号" },
];

export function GoalPlanEditor({ index, place }: { index: number; place: string }) {
  const goalPath = ["goals", index] as const;
  return (
    <div className="goal-grid">
      <div className="goal-col goal-col-mission">
        <TextField
          path={[...goalPath, "mission"]}
          label="組織使命"
          place={place}
          multiline
          rows={4}
          optional
          hint="組織使命のない文書では空欄のままにします。"
          maxLength={LIMITS.paragraph}
        />
        <TextField
          path={[...goalPath, "title"]}
          label="組織使命達成に向けての目標"
          place={place}
          multiline
          rows={2}
          maxLength={LIMITS.title}
        />
        <ListEditor
          path={[...goalPath, "policyRefs"]}
          legend="関連の施策・基本事業番号"
          place={place}
          itemName={(i) => `関連の施策・基本事業番号 ${i + 1}`}
          addLabel="施策・基本事業番号を追加"
          max={LIMITS.policyRefs}
          placeholder="7-1-①"
          hint="総合計画の施策・基本事業の番号を 1 件ずつ。入力すると登録済みの施策・基本事業から選べます（例：7-1-①）"
          suggestions={PLAN_ITEM_LIST_ID}
          className="policy-refs"
        />
        <ListEditor
          path={[...goalPath, "tags"]}
          legend="タグ"
          place={place}
          itemName={(i) => `タグ ${i + 1}`}
          addLabel="タグを追加"
          max={LIMITS.tags}
          placeholder="sdg:12"
          hint="SDGs は sdg:1〜sdg:17。入力すると候補から選べます。"
          suggestions={TAG_LIST_ID}
          className="goal-tags"
        />
        <fieldset className="goal-owner">
          <legend>
            <span className="visually-hidden">{place} の </span>担当所属（部局と異なるとき）
          </legend>
          {OWNER_FIELDS.map(({ path, label }) => (
            <TextField
              key={label}
              path={[...goalPath, "owner", ...path]}
              label={label}
              place={place}
              optional
              maxLength={LIMITS.shortText}
            />
          ))}
        </fieldset>
      </div>
      <div className="goal-col goal-col-level">
        <h3 className="col-heading">目標の達成水準</h3>
        <TextField
          path={[...goalPath, "plan"]}
          label="今年度の目標"
          place={place}
          multiline
          rows={3}
          optional
          hint="現在の状態・目標が達成した状態の代わりに 今年度の目標 を公表する文書のとき。"
          maxLength={LIMITS.paragraph}
        />
        <ListEditor
          path={[...goalPath, "currentState"]}
          legend="〈現在の状態〉"
          place={place}
          itemName={(i) => `現在の状態 ${i + 1}`}
          addLabel="現在の状態を追加"
          multiline
          max={LIMITS.bullets}
        />
        <fieldset className="targets-group">
          <legend>
            <span className="visually-hidden">{place} の </span>〈達成目標〉
          </legend>
          <TargetsEditor goalPath={goalPath} place={place} />
        </fieldset>
        <TextField
          path={[...goalPath, "desiredState"]}
          label={
            <>
              <span aria-hidden="true">※</span>目標が達成した状態
            </>
          }
          place={place}
          multiline
          rows={3}
          optional
          maxLength={LIMITS.paragraph}
        />
      </div>
      <div className="goal-col goal-col-means">
        <ListEditor
          path={[...goalPath, "means"]}
          legend="目標を達成するための手段"
          place={place}
          itemName={(i) => `手段 ${i + 1}`}
          addLabel="手段を追加"
          multiline
          max={LIMITS.bullets}
        />
        <BudgetEditor index={index} place={place} />
      </div>
    </div>
  );
}
