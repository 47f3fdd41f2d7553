import type { Command } from "commander";
import { assessManifesto } from "../../domain/assessment/index.ts";
import { validateManifestoJson } from "../../domain/manifesto/validate.ts";
import { AppError, ValidationError } from "../../errors.ts";
import { type AssessedManifesto, assessManifestos } from "../../services/assess-manifestos.ts";
import { readInputFile } from "../io.ts";
import { parseFiscalYear, parseMunicipalityCode, parseNonEmpty } from "../options.ts";
import { assessmentJson, assessmentText } from "../present-assessment.ts";
import { withReadableDatabase } from "../read-copy.ts";

interface AssessOptions {
  municipality?: string;
  year?: number;
  department?: string;
  json?: boolean;
}

export function registerAssess(program: Command): void {
  program
    .command("assess")
    .description(
      "Hold each goal's self-evaluation against its targets: every target met / not met / unknown " +
        "with its margin, and findings (warnings, notices) with stable codes. Give a FILE, or " +
        "--municipality and --year (and optionally --department) to assess stored manifestos.",
    )
    .argument("[file]", "a tassei.manifesto/v1 JSON file (not stored; the database is not opened)")
    .option("--municipality <code>", "全国地方公共団体コード, e.g. 242161", parseMunicipalityCode)
    .option("--year <fiscalYear>", "fiscal year, e.g. 2023", parseFiscalYear)
    .option("--department <name>", "only this department (name or code)", parseNonEmpty)
    .option(
      "--json",
      'print JSON: for a FILE or a --department { "goals": [...] }; for a whole year { "manifestos": [ { "department", "goals" } ] }',
    )
    .action(async (file: string | undefined, opts: AssessOptions) => {
      const results = file ? [assessFile(file)] : await assessStored(opts);
      if (results.length === 0) {
        throw new AppError(
          "not_found",
          "no manifesto matches the given municipality, year and department",
        );
      }
      const text = opts.json
        ? `${JSON.stringify(assessmentJson(results, file !== undefined || opts.department !== undefined), null, 2)}\n`
        : results.map(assessmentText).join("\n");
      process.stdout.write(text);
    });
}

function assessFile(file: string): AssessedManifesto {
  const result = validateManifestoJson(readInputFile(file));
  if (!result.ok)
    throw new ValidationError(
      `${file} is not a valid tassei.manifesto/v1 document`,
      result.problems.map((p) => ({ ...p, path: `${file}: ${p.path}` })),
    );
  const doc = result.value;
  return {
    municipality: { code: doc.municipality.code, name: doc.municipality.name },
    fiscalYear: doc.fiscalYear,
    department: doc.department.name,
    state: "file",
    assessment: assessManifesto(doc),
  };
}

async function assessStored(opts: AssessOptions): Promise<AssessedManifesto[]> {
  if (opts.municipality === undefined || opts.year === undefined) {
    throw new ValidationError("give a FILE, or --municipality and --year", [
      { path: "--municipality/--year", message: "are required when no FILE is given" },
    ]);
  }
  const { municipality, year, department } = opts;
  return withReadableDatabase("assess", (ctx) =>
    assessManifestos(ctx, {
      municipalityCode: municipality,
      fiscalYear: year,
      ...(department !== undefined && { department }),
    }),
  );
}
