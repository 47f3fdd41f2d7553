// What the administration pages and the set-up open with: the municipalities the caller may
// administer, and one municipality's settings with the set-up's steps and what is missing.
import { listDepartmentRecords } from "../../db/repositories/department-master.ts";
import { listMunicipalities } from "../../db/repositories/municipalities.ts";
import { listPlanItems } from "../../db/repositories/plan-items.ts";
import { type SetupStep, setupSteps } from "../../domain/master-data/setup-steps.ts";
import { canCreateMunicipality, masterDataPermissions } from "../../domain/permissions.ts";
import { isInstallationAdmin } from "../../domain/roles.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { municipalityForMasterData } from "./access.ts";

export interface MunicipalityEntry {
  code: string;
  name: string;
}

export async function listAdministeredMunicipalities(ctx: StaffContext): Promise<{
  municipalities: MunicipalityEntry[];
  /** The caller's own municipality when it is not registered yet (set-up to do). */
  unregistered: string | null;
  allowed: { create: boolean };
}> {
  const all = await listMunicipalities(ctx.db);
  const visible = all.filter(
    (m) => masterDataPermissions(ctx.user, { municipalityCode: m.code }).read,
  );
  const own = ctx.user.municipalityCode;
  const unregistered = own !== null && !all.some((m) => m.code === own) ? own : null;
  return {
    municipalities: visible,
    unregistered,
    allowed: {
      create:
        isInstallationAdmin(ctx.user) ||
        (unregistered !== null && canCreateMunicipality(ctx.user, unregistered)),
    },
  };
}

export interface MasterDataSummary {
  code: string;
  name: string;
  nameKana: string | null;
  prefecture: string | null;
  documentTitle: string | null;
  documentSubtitle: string | null;
  evaluationScale: unknown;
  /** 0021: the second self-evaluation's scale and the own tag vocabularies; null = none. */
  scoreScale: unknown;
  tagVocabularies: unknown;
  steps: SetupStep[];
  allowed: { manage: boolean };
}

export async function getMasterData(ctx: StaffContext, code: string): Promise<MasterDataSummary> {
  const m = await municipalityForMasterData(ctx, code, "read");
  const kana = await ctx.db
    .selectFrom("municipalities")
    .select("name_kana")
    .where("code", "=", code)
    .executeTakeFirst();
  const departments = (await listDepartmentRecords(ctx.db, code)).filter(
    (d) => d.retiredFromYear === null,
  );
  const plan = await listPlanItems(ctx.db, code);
  const accounts = await ctx.db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("municipality_code", "=", code)
    .where("role", "<>", "admin")
    .executeTakeFirst();
  return {
    code: m.code,
    name: m.name,
    nameKana: kana?.name_kana ?? null,
    prefecture: m.prefecture,
    documentTitle: m.documentTitle,
    documentSubtitle: m.documentSubtitle,
    evaluationScale: m.evaluationScale,
    scoreScale: m.scoreScale,
    tagVocabularies: m.tagVocabularies,
    steps: setupSteps({
      municipality: true,
      documentTitle: (m.documentTitle ?? "").trim() !== "",
      scale: m.evaluationScale !== null,
      departments: departments.length,
      planItems: plan.length,
      accounts: Number(accounts?.n ?? 0),
    }),
    allowed: { manage: masterDataPermissions(ctx.user, { municipalityCode: code }).manage },
  };
}
