// A backup file appears only when complete: it is written beside its final name under a
// temporary one, flushed to disk, and renamed. Whoever finds the file finds a whole backup;
// a failure (disk full, the server stopping mid-stream) leaves no file and no temporary one.
import fs from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";
import { refused } from "./format.ts";

export interface AtomicWrite<T> {
  value: T;
  bytes: number;
}

/**
 * Calls `fill` with a stream into a temporary file beside `file`; `fill` ends the stream.
 * When `fill` resolves, the data is flushed and the file renamed to `file`. Owner-only: a
 * backup holds password hashes and sessions.
 */
export async function writeFileAtomically<T>(
  file: string,
  fill: (out: fs.WriteStream) => Promise<T>,
): Promise<AtomicWrite<T>> {
  const folder = requireOutputFolder(file);
  const partial = path.join(folder, `.${path.basename(file)}.partial-${process.pid}`);
  const out = fs.createWriteStream(partial, { flags: "wx", mode: 0o600 });
  try {
    const value = await fill(out);
    await finished(out);
    syncPath(partial);
    fs.renameSync(partial, file);
    syncPath(folder); // the rename itself survives a power cut
    return { value, bytes: fs.statSync(file).size };
  } catch (e) {
    out.destroy();
    await finished(out).catch(() => {});
    fs.rmSync(partial, { force: true });
    throw e;
  }
}

/** The folder `file` goes into; refused input when there is none. */
export function requireOutputFolder(file: string): string {
  const folder = path.dirname(path.resolve(file));
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw refused(`出力先のフォルダ ${folder} がありません。 / no such folder: ${folder}`);
  }
  return folder;
}

function syncPath(p: string): void {
  const fd = fs.openSync(p, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
