// Reading input files and writing output for the command line, with errors that name the
// file instead of a stack trace.

import fs from "node:fs";
import { japaneseMessage } from "../domain/manifesto/japanese-messages.ts";
import { AppError, ValidationError } from "../errors.ts";

/** Larger than any real manifesto (50 goals of long text is a few MB). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export function readInputBytes(file: string): Buffer {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error("not a regular file");
    if (stat.size > MAX_INPUT_BYTES) {
      throw new Error(`larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
    }
    return fs.readFileSync(file);
  } catch (e) {
    const reason =
      (e as NodeJS.ErrnoException).code === "ENOENT"
        ? "no such file"
        : e instanceof Error
          ? e.message
          : String(e);
    throw new ValidationError(`cannot read ${file}`, [
      { path: "$", message: `cannot be read: ${reason}` },
    ]);
  }
}

/** UTF-8 text; a Shift_JIS file is refused rather than read as mojibake. */
export function readInputFile(file: string): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(readInputBytes(file));
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    throw new ValidationError(`cannot read ${file}`, [
      { path: "$", message: "is not UTF-8 text (save it as UTF-8, e.g. not Shift_JIS)" },
    ]);
  }
  // A UTF-8 BOM (Windows editors add one) is not part of the JSON.
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

export function writeOutput(out: string | undefined, content: string | Uint8Array): void {
  if (out === undefined || out === "-") {
    process.stdout.write(content);
    return;
  }
  try {
    fs.writeFileSync(out, content);
  } catch (e) {
    throw new AppError("validation_error", `cannot write ${out}: ${(e as Error).message}`);
  }
}

export function printProblems(
  label: string,
  problems: readonly { path: string; message: string }[],
) {
  // The JSON path (or sheet and cell) as it is, the message in Japanese.
  for (const p of problems) {
    process.stderr.write(`${label}: ${p.path}: ${japaneseMessage(p.message)}\n`);
  }
}
