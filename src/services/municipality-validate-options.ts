// What validating a document of one municipality takes from its settings (its scale, second
// scale and tag vocabularies), for a reader that validates before importing: the CLI's Excel
// import asks this for the municipality a workbook names. A municipality that does not exist
// yet gives none: the import creates it with no settings.
import { findMunicipality } from "../db/repositories/municipalities.ts";
import type { ValidateOptions } from "../domain/manifesto/validate.ts";
import { municipalityInput } from "./admin-input.ts";
import type { ServiceContext } from "./context.ts";
import { validateOptionsOf } from "./municipality-scale.ts";

export async function municipalityValidateOptions(
  ctx: ServiceContext,
  input: unknown,
): Promise<ValidateOptions> {
  return validateOptionsOf(await findMunicipality(ctx.db, municipalityInput(input)));
}
