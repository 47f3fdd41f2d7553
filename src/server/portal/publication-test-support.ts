// Shared by the portal's publication tests (not a test itself): the demo as a plan, and the
// staff who move a manifesto through the cycle, through the real services.
import type { TestDatabase } from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import { assessManifesto } from "../../domain/assessment/index.ts";
import { type ManifestoDocument, manifestoDocumentSchema } from "../../domain/manifesto/schema.ts";
import { type StaffContext, staffContext } from "../../services/auth/staff-context.ts";
import { saveManifesto } from "../../services/manifestos/save-manifesto.ts";
import { createUser } from "../../services/users/create-user.ts";
import { approveManifesto } from "../../services/workflow/approve-manifesto.ts";
import { openEvaluation } from "../../services/workflow/open-evaluation.ts";
import { publishManifesto } from "../../services/workflow/publish-manifesto.ts";
import { submitManifesto } from "../../services/workflow/submit-manifesto.ts";

export const MUNICIPALITY = "242161";
export const PAGE = `/${MUNICIPALITY}/2023/${encodeURIComponent("総務部")}`;

/** The demo as a plan: no results, no evaluations. */
export function planDocument(): ManifestoDocument {
  const doc = demoDocument() as unknown as ManifestoDocument;
  for (const goal of doc.goals) {
    delete goal.evaluation;
    for (const target of goal.targets ?? []) delete target.result;
  }
  return doc;
}

/** The demo with its results and evaluations. */
export function resultsDocument(): ManifestoDocument {
  return demoDocument() as unknown as ManifestoDocument;
}

export interface Staff {
  head: StaffContext;
  planning: StaffContext;
}

export async function createStaff(t: TestDatabase): Promise<Staff> {
  const make = async (username: string, role: string, department?: string) => {
    const u = await createUser(t.ctx, {
      username,
      password: "correct horse battery staple",
      role,
      municipalityCode: MUNICIPALITY,
      ...(department !== undefined && { department }),
    });
    return staffContext(t.ctx, {
      id: u.id,
      username: u.username,
      role: u.role,
      municipalityCode: MUNICIPALITY,
      departmentId: u.departmentId,
    });
  };
  return {
    head: await make("soumu-head", "department_head", "総務部"),
    planning: await make("kikaku", "planning"),
  };
}

export async function currentRevision(t: TestDatabase, id: number): Promise<number> {
  const row = await t.ctx.db
    .selectFrom("manifestos")
    .select("current_revision")
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return row.current_revision;
}

/** The head saves a draft of the document (in a draft state). */
export async function saveDraft(t: TestDatabase, who: StaffContext, id: number, doc: unknown) {
  return saveManifesto(who, id, { revision: await currentRevision(t, id), document: doc });
}

/**
 * From a draft to published: the head submits (and so approves), planning approves and
 * publishes — confirming, as planning does on the page, the warnings results carry.
 */
export async function publishDraft(t: TestDatabase, staff: Staff, id: number) {
  const revision = await currentRevision(t, id);
  await submitManifesto(staff.head, id, { revision });
  await approveManifesto(staff.planning, id, { revision });
  const row = await t.ctx.db
    .selectFrom("manifesto_revisions")
    .select("document")
    .where("manifesto_id", "=", id)
    .where("revision", "=", revision)
    .executeTakeFirstOrThrow();
  const confirmWarnings = assessManifesto(manifestoDocumentSchema.parse(row.document)).summary
    .warnings;
  return publishManifesto(staff.planning, id, { revision, confirmWarnings });
}

export async function openEvaluationOf(t: TestDatabase, staff: Staff, id: number) {
  return openEvaluation(staff.planning, id, { revision: await currentRevision(t, id) });
}
