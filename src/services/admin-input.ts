// The inputs of the administrative commands that name a municipality (admin-commands.ts): the
// command's JSON may come over the server's socket, so it is checked like any request body.
import { z } from "zod";
import { municipalityCodeSchema } from "../domain/manifesto/schema.ts";
import { ValidationError } from "../errors.ts";

function parsed<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new ValidationError(
    "the command's input is not valid",
    r.error.issues.map((i) => ({ path: i.path.join(".") || "$", message: i.message })),
  );
}

/** `{ code }`: one municipality. */
export const municipalityInput = (input: unknown): string =>
  parsed(z.object({ code: municipalityCodeSchema }).strict(), input).code;

/** `{ code? }`: one municipality, or every one when none is named. */
export const optionalMunicipalityInput = (input: unknown): string | undefined =>
  parsed(z.object({ code: municipalityCodeSchema.optional() }).strict(), input).code;
