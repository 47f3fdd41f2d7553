// What validating a document of one municipality takes from its settings (its scale, second
// scale and tag vocabularies), for a reader that validates before importing: the CLI's Excel
// import asks this for the municipality a workbook names. A municipality that does not exist
// yet gives none: the import creates it with no settings.
import { z } from "zod";
import { findMunicipality } from "../db/repositories/municipalities.ts";
import { municipalityCodeSchema } from "../domain/manifesto/schema.ts";
import type { ValidateOptions } from "../domain/manifesto/validate.ts";
import { ValidationError } from "../errors.ts";
import type { ServiceContext } from "./context.ts";
import { validateOptionsOf } from "./municipality-scale.ts";

const inputSchema = z.object({ code: municipalityCodeSchema }).strict();

export async function municipalityValidateOptions(
  ctx: ServiceContext,
  input: unknown,
): Promise<ValidateOptions> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(
      "not a municipality code",
      parsed.error.issues.map((i) => ({ path: i.path.join(".") || "code", message: i.message })),
    );
  }
  return validateOptionsOf(await findMunicipality(ctx.db, parsed.data.code));
}
