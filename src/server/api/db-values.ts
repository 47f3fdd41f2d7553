// Numbers and dates from a request, checked against what the database can hold: ids and
// revisions are PostgreSQL `integer`s (at most 2 147 483 647), dates are calendar days of a
// plausible year. A value outside is refused as a validation_error naming the field, never
// passed on to fail in SQL as a 500.
import { z } from "zod";

/** The largest value of a PostgreSQL `integer` column (ids, revisions, counters). */
export const DB_INTEGER_MAX = 2_147_483_647;

/** An id in the path (`/api/manifestos/:id`): digits only, within an `integer`. */
export function dbIdParam(what: string) {
  return z
    .string()
    .regex(/^[1-9][0-9]{0,9}$/, `must be a ${what} id`)
    .transform(Number)
    .refine((n) => n <= DB_INTEGER_MAX, `must be a ${what} id`);
}

/** An id or a revision in a JSON body. */
export const dbInteger = z
  .number()
  .int()
  .min(1)
  .max(DB_INTEGER_MAX, `must be at most ${DB_INTEGER_MAX}`);

/** First and last years a date in a request may have (deadlines, dates of a plan). */
export const DATE_YEARS = { min: 1900, max: 2200 } as const;

/** A calendar date written YYYY-MM-DD, of a year the database and the eras can show. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "must be a real calendar date")
  .refine((s) => {
    const year = Number(s.slice(0, 4));
    return year >= DATE_YEARS.min && year <= DATE_YEARS.max;
  }, `must be a date between ${DATE_YEARS.min} and ${DATE_YEARS.max}`);
