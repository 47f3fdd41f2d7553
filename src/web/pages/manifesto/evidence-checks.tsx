// What the workflow dialogs say about the evidence (issue #11): before a year-end evaluation is
// submitted, the list of what is still missing (the server refuses the same list); before
// results are published, the number of assessment warnings, which planning must confirm.
import type { ReactNode } from "react";
import { missingForEvaluationSubmission } from "../../../domain/assessment/evaluation-completeness.ts";
import { assessManifesto } from "../../../domain/assessment/index.ts";
import type { ManifestoDocument } from "../../../domain/manifesto/schema.ts";
import type { ApiError } from "../../api/client.ts";
import { errorText } from "../../api/error-text.ts";

/** The same checks the server makes; a document the domain cannot read yet has none. */
export function evidenceOf(doc: ManifestoDocument): { missing: string[]; warnings: number } {
  try {
    return {
      missing: missingForEvaluationSubmission(doc).map((m) => m.message),
      warnings: assessManifesto(doc).summary.warnings,
    };
  } catch {
    return { missing: [], warnings: 0 };
  }
}

export function MissingList(props: { missing: readonly string[] }) {
  if (props.missing.length === 0) return null;
  return (
    <div className="alert alert-error">
      <p>
        <strong>記入が必要な項目が{props.missing.length}件あります。</strong>
        このままでは提出できません。
      </p>
      <ul>
        {props.missing.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}

export function WarningConfirmation(props: {
  warnings: number;
  confirmed: boolean;
  onChange(confirmed: boolean): void;
}) {
  if (props.warnings === 0) return null;
  return (
    <div className="alert alert-warning">
      <p>
        <strong>評価に警告が{props.warnings}件あります。</strong>
        自己評価と達成目標の実績が食い違っている可能性があります。内容を確認してから公表してください。
      </p>
      <label>
        <input
          type="checkbox"
          checked={props.confirmed}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        警告{props.warnings}件を確認しました
      </label>
    </div>
  );
}

/** A refusal inside a dialog: the message and, when the server named them, each field. */
export function dialogProblem(error: ApiError): ReactNode {
  if (error.fields.length === 0) return errorText(error);
  return (
    <>
      <p>{errorText(error)}</p>
      <ul>
        {error.fields.map((f) => (
          <li key={f.path}>{f.message}</li>
        ))}
      </ul>
    </>
  );
}
