#!/usr/bin/env node
// The `tassei` command. Exit codes: 0 success, 2 refused input (bad option, bad file,
// invalid document), 1 anything else.
import { Command, CommanderError } from "commander";
import { AppError, ValidationError } from "../errors.ts";
import { registerAssess } from "./commands/assess.ts";
import { registerBackup } from "./commands/backup.ts";
import { registerBooklet } from "./commands/booklet.ts";
import { registerExport } from "./commands/export.ts";
import { registerImport } from "./commands/import.ts";
import { registerIndicators } from "./commands/indicators.ts";
import { registerMigrateTo } from "./commands/migrate-to.ts";
import { registerMunicipality } from "./commands/municipality.ts";
import { registerPlan } from "./commands/plan.ts";
import { registerPortal } from "./commands/portal.ts";
import { registerRestore } from "./commands/restore.ts";
import { registerServe } from "./commands/serve.ts";
import { registerTemplate } from "./commands/template.ts";
import { registerUser } from "./commands/user.ts";
import { printProblems } from "./io.ts";

export const EXIT = { ok: 0, failure: 1, refused: 2 } as const;

export function buildProgram(): Command {
  const program = new Command("tassei")
    .description(
      "Tassei（達成）: department manifestos of Japanese municipalities.\n" +
        "Database: the embedded one in TASSEI_DATA_DIR (default ./data), or DATABASE_URL=postgres://…",
    )
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  registerServe(program);
  registerImport(program);
  registerExport(program);
  registerAssess(program);
  registerBooklet(program);
  registerMunicipality(program);
  registerPlan(program);
  registerPortal(program);
  registerIndicators(program);
  registerTemplate(program);
  registerBackup(program);
  registerRestore(program);
  registerMigrateTo(program);
  registerUser(program);
  for (const cmd of program.commands) {
    cmd.exitOverride();
    for (const sub of cmd.commands) sub.exitOverride();
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here too, successfully.
      if (e.exitCode === 0) return EXIT.ok;
      return EXIT.refused;
    }
    if (e instanceof ValidationError) {
      printProblems("error", e.problems);
      process.stderr.write(`refused: ${e.message}\n`);
      return EXIT.refused;
    }
    if (e instanceof AppError) {
      process.stderr.write(`error: ${e.message}\n`);
      return ["not_found", "config_error", "conflict"].includes(e.code)
        ? EXIT.refused
        : EXIT.failure;
    }
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.TASSEI_DEBUG) console.error(e);
    return EXIT.failure;
  }
}

const invokedDirectly =
  process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ""));
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
