import type { Command } from "commander";
import { parseJson } from "../../domain/manifesto/validate.ts";
import { PRINT_PRESETS } from "../../domain/print-layout.ts";
import { ValidationError } from "../../errors.ts";
import { runAdminCommand } from "../admin-command.ts";
import { readInputFile } from "../io.ts";
import { parseMunicipalityCode } from "../options.ts";

interface SetOptions {
  municipality: string;
  name?: string;
  prefecture?: string;
  title?: string;
  subtitle?: string;
  scale?: string;
  defaultScale?: boolean;
  levelRules?: string;
  defaultLevelRules?: boolean;
  progress?: string;
  defaultProgress?: boolean;
  pdfLayout?: string;
  defaultPdfLayout?: boolean;
  /** A file, or false for --no-score-scale (commander's negation of the same option). */
  scoreScale?: string | false;
  tagVocabularies?: string | false;
}

/** The option's JSON file; null for its --no- form; undefined when not given. */
function readJsonOption(file: string | false | undefined): unknown {
  if (file === undefined) return undefined;
  if (file === false) return null;
  const json = parseJson(readInputFile(file));
  if (!json.ok) throw new ValidationError(`${file} is not JSON`, json.problems);
  return json.value;
}

export function registerMunicipality(program: Command): void {
  const cmd = program
    .command("municipality")
    .description(
      "Show or change a municipality's settings: names, document title, evaluation scale.",
    );

  cmd
    .command("show")
    .description(
      "Print a municipality's settings as JSON (the scale in force, default or its own).",
    )
    .requiredOption("--municipality <code>", "全国地方公共団体コード", parseMunicipalityCode)
    .action(async (opts: { municipality: string }) => {
      // Through the running server when it holds the embedded database (admin-command.ts).
      const out = await runAdminCommand("municipality show", { code: opts.municipality });
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    });

  cmd
    .command("set")
    .description("Create a municipality or change its settings. Only the options given change.")
    .requiredOption("--municipality <code>", "全国地方公共団体コード", parseMunicipalityCode)
    .option("--name <name>", "municipality name, e.g. 伊賀市 (required to create one)")
    .option("--prefecture <name>", "prefecture, e.g. 三重県")
    .option("--title <text>", "document title, e.g. 部局マニフェスト (empty to remove)")
    .option("--subtitle <text>", "document subtitle, e.g. 私たちの組織使命と目標 (empty to remove)")
    .option(
      "--scale <file>",
      'evaluation scale JSON: { "name": …, "levels": [ { "level", "label", "meaning" } ] }',
    )
    .option("--default-scale", "go back to the default 5-level scale")
    .option(
      "--level-rules <file>",
      'rules for the level the evidence supports, JSON: { "rules": [ { "when": "all_met_and_beaten", "margin": 0.1, "level": 4 }, { "when": "all_met", "level": 3 }, { "when": "any_not_met", "level": 2 } ] } (docs/assessment-codes.md)',
    )
    .option("--default-level-rules", "go back to the rules read from the scale (no notices)")
    .option(
      "--progress <file>",
      'the progress report（中間報告）: status words and the day it is due, JSON: { "statuses": [ { "label": "順調", "behind": false }, { "label": "強化要", "behind": true } ], "dueMonthDay": "10-31" }',
    )
    .option("--default-progress", "go back to 順調 / やや遅れ / 遅れ, due on 10-31")
    .option(
      "--pdf-layout <preset-or-file>",
      `which fields the official PDF prints: a preset (${PRINT_PRESETS.join(", ")}) or a JSON file { "columns": [ { "title", "width", "fields": [ … ] } ] } (docs/administration.md)`,
    )
    .option("--default-pdf-layout", "go back to the six-column 部局マニフェスト layout")
    .option(
      "--score-scale <file>",
      'the second self-evaluation beside the level, JSON: { "name": "達成度", "range": { "min": 0, "max": 10, "step": 1 } } or { "name", "levels": [ { "level", "label" } ] } (docs/FORMAT.md)',
    )
    .option("--no-score-scale", "the municipality has no second self-evaluation")
    .option(
      "--tag-vocabularies <file>",
      'the municipality\'s own tag vocabularies beside SDGs (sdg) and 指標の分類 (indicator), JSON: [ { "id": "city-plan", "name": "総合計画", "tags": [ { "id": "1-1", "label": "1-1 子育て" } ] } ]',
    )
    .option("--no-tag-vocabularies", "no vocabularies of its own (the built-in ones stay)")
    .action(async (opts: SetOptions) => {
      let scale: unknown;
      if (opts.scale !== undefined) {
        const json = parseJson(readInputFile(opts.scale));
        if (!json.ok) throw new ValidationError(`${opts.scale} is not JSON`, json.problems);
        scale = json.value;
      }
      let levelRules: unknown;
      if (opts.levelRules !== undefined) {
        const json = parseJson(readInputFile(opts.levelRules));
        if (!json.ok) throw new ValidationError(`${opts.levelRules} is not JSON`, json.problems);
        levelRules = json.value;
      }
      let progress: unknown;
      if (opts.progress !== undefined) {
        const json = parseJson(readInputFile(opts.progress));
        if (!json.ok) throw new ValidationError(`${opts.progress} is not JSON`, json.problems);
        progress = json.value;
      }
      let pdfLayout: unknown;
      if (opts.pdfLayout !== undefined) {
        if ((PRINT_PRESETS as readonly string[]).includes(opts.pdfLayout)) {
          pdfLayout = { preset: opts.pdfLayout };
        } else {
          const json = parseJson(readInputFile(opts.pdfLayout));
          if (!json.ok) throw new ValidationError(`${opts.pdfLayout} is not JSON`, json.problems);
          pdfLayout = json.value;
        }
      }
      const scoreScale = readJsonOption(opts.scoreScale);
      const tagVocabularies = readJsonOption(opts.tagVocabularies);
      const emptyToNull = (v: string | undefined) =>
        v === undefined ? undefined : v === "" ? null : v;
      // Through the running server when it holds the embedded database (admin-command.ts).
      const { municipality: m, created } = await runAdminCommand("municipality set", {
        code: opts.municipality,
        ...(opts.name !== undefined && { name: opts.name }),
        ...(opts.prefecture !== undefined && { prefecture: emptyToNull(opts.prefecture) }),
        ...(opts.title !== undefined && { documentTitle: emptyToNull(opts.title) }),
        ...(opts.subtitle !== undefined && { documentSubtitle: emptyToNull(opts.subtitle) }),
        ...(scale !== undefined && { evaluationScale: scale }),
        ...(opts.defaultScale && { evaluationScale: null }),
        ...(levelRules !== undefined && { levelRules }),
        ...(opts.defaultLevelRules && { levelRules: null }),
        ...(progress !== undefined && { progressSettings: progress }),
        ...(opts.defaultProgress && { progressSettings: null }),
        ...(pdfLayout !== undefined && { pdfLayout }),
        ...(opts.defaultPdfLayout && { pdfLayout: null }),
        ...(scoreScale !== undefined && { scoreScale }),
        ...(tagVocabularies !== undefined && { tagVocabularies }),
      });
      process.stdout.write(`${created ? "created" : "updated"} ${m.code} ${m.name}\n`);
    });
}
