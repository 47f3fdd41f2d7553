import { isManifestoState, STATE_LABELS } from "../../domain/workflow.ts";

/** The workflow state as a labelled badge (下書き, 提出済み, 公表済み …). */
export function StateBadge({ state }: { state: string }) {
  const label = isManifestoState(state) ? STATE_LABELS[state] : state;
  return <span className={`badge badge-state-${state}`}>{label}</span>;
}
