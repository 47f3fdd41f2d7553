// The checks of a target as it is typed (issue #11), beside the target in the plan editor:
// the number its text states and no measure (with the measure read from the text, registered
// in one click and editable after), a baseline that already meets the target, a text that
// says something else than its measure, and — given last year's targets of the department — a
// target last year's actual already meets or less ambitious than last year's. The same domain
// rules as `assess` and the review.
import { targetPlanFindings } from "../../../domain/assessment/index.ts";
import { proposalFrom } from "../../../domain/assessment/plan-checks.ts";
import type { Target } from "../../../domain/manifesto/schema.ts";
import { parseTargetText } from "../../../domain/target-text/parse.ts";
import { useSettledAnnouncement } from "../../components/announcer.tsx";
import { getIn, type Path, updateIn } from "./document-ops.ts";
import { useEditor } from "./fields.tsx";
import { findingsAnnouncement } from "./findings.tsx";

/** The plan checks of the target at `path`; null while the rules cannot read it. */
function checksOf(
  doc: unknown,
  path: Path,
  lastYear: Parameters<typeof targetPlanFindings>[3],
): ReturnType<typeof targetPlanFindings> | null {
  const target = getIn(doc, path) as Target;
  const fiscalYear = getIn(doc, ["fiscalYear"]);
  const targets = (getIn(doc, path.slice(0, -1)) as Target[] | undefined) ?? [];
  const index = Number(path.at(-1));
  if (typeof target?.text !== "string" || typeof fiscalYear !== "number") return null;
  try {
    const label = target.label?.trim() ? target.label : undefined;
    return targetPlanFindings(
      target,
      { index, ...(label !== undefined && { label }), count: targets.length },
      fiscalYear,
      lastYear,
    );
  } catch {
    return null; // a half-typed measure the rules cannot read yet
  }
}

export function TargetChecks({ path, place }: { path: Path; place: string }) {
  const { doc, change, lastYear } = useEditor();
  const target = getIn(doc, path) as Target;
  const findings = checksOf(doc, path, lastYear);
  // Not a live region of its own (4.1.3): said once typing has settled, in turn.
  useSettledAnnouncement(findings === null ? "" : findingsAnnouncement(place, findings));
  if (findings === null || findings.length === 0) return null;

  function register() {
    const parsed = parseTargetText(target.text);
    if (parsed === undefined) return;
    change((d) => updateIn(d, path, (t) => ({ ...(t as Target), measure: proposalFrom(parsed) })));
  }

  return (
    <div className="target-checks">
      <ul>
        {findings.map((f) => (
          <li key={f.code} className={`finding finding-${f.severity}`}>
            <span className="finding-kind">{f.severity === "warning" ? "警告" : "確認"}</span>
            {f.message}
            {f.proposal && (
              <button
                type="button"
                className="register-proposal"
                onClick={register}
                aria-label={`数値目標として登録（${place}）`}
              >
                数値目標として登録
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
