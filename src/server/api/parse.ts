// zod in the route: a refused value is a validation_error whose fields are keyed by the
// JSON path of the request body, query or parameters.
import type { z } from "zod";
import { formatPath } from "../../domain/manifesto/validate.ts";
import { ValidationError } from "../../errors.ts";

export function parseInput<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new ValidationError(
    `${what} is not valid`,
    r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
  );
}
