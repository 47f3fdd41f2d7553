// A staff member's filled-in Excel template, read into a tassei.manifesto/v1 document for the
// check before importing. Nothing is written: the page shows the document and, when the
// person confirms, sends it to the import like a JSON file, where it is validated again.
import { findMunicipality } from "../../db/repositories/municipalities.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { AppError, ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { validateOptionsOf } from "../municipality-scale.ts";

export async function readStaffWorkbook(
  ctx: StaffContext,
  bytes: Uint8Array,
): Promise<ManifestoDocument> {
  if (ctx.user.role === "viewer") {
    throw new AppError("forbidden", "閲覧者はマニフェストを取り込めません");
  }
  // Loaded on first use: exceljs is heavy and most requests never need it.
  const { importManifestoXlsx } = await import("../../reports/xlsx/index.ts");
  // The staff member's municipality's settings: its tags and second scale are known here too.
  const code = ctx.user.municipalityCode;
  const municipality = code === null ? undefined : await findMunicipality(ctx.db, code);
  const reading = await importManifestoXlsx(bytes, validateOptionsOf(municipality));
  if (!reading.ok) {
    throw new ValidationError("Excel の様式に直す必要のある箇所があります", reading.problems);
  }
  return reading.value;
}
