// Option parsers shared by commands: a bad value is refused input (exit code 2).
import { InvalidArgumentError } from "commander";
import { fiscalYearSchema, municipalityCodeSchema } from "../domain/manifesto/schema.ts";

export function parseFiscalYear(value: string): number {
  const n = Number(value);
  if (!/^\d{4}$/.test(value) || !fiscalYearSchema.safeParse(n).success) {
    throw new InvalidArgumentError("must be a fiscal year from 1989 to 2100, e.g. 2023");
  }
  return n;
}

export function parseMunicipalityCode(value: string): string {
  const r = municipalityCodeSchema.safeParse(value);
  if (!r.success) {
    throw new InvalidArgumentError(
      `must be a 6-digit 全国地方公共団体コード with its check digit, e.g. 242161 (${r.error.issues[0]?.message})`,
    );
  }
  return value;
}

export function parseNonEmpty(value: string): string {
  if (value.trim() === "") throw new InvalidArgumentError("must not be empty");
  return value;
}
