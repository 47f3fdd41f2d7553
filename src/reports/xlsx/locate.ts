// Turns validation problems (JSON paths) into problems a person can find: sheet and cell.
import type { Problem } from "../../domain/manifesto/validate.ts";
import { type CellRef, cellPath, type TemplateReading } from "./template-read.ts";

/** `goals[0].targets[1].measure` → `goals[0].targets[1]` → `goals[0].targets` → … */
function parentPath(path: string): string | undefined {
  const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
  return cut > 0 ? path.slice(0, cut) : undefined;
}

function cellFor(path: string, cells: ReadonlyMap<string, CellRef>): CellRef | undefined {
  for (let p: string | undefined = path; p !== undefined; p = parentPath(p)) {
    const ref = cells.get(p);
    if (ref) return ref;
  }
  return undefined;
}

export function locateProblems(problems: readonly Problem[], reading: TemplateReading): Problem[] {
  const alreadyReported = new Set(reading.problems.map((p) => cellPath(p.cell)));
  const out: Problem[] = [];
  for (const p of problems) {
    const ref = cellFor(p.path, reading.cells);
    if (!ref) {
      out.push({ path: p.path, message: p.message });
      continue;
    }
    const where = cellPath(ref);
    // The cell's own reading problem says it better than the schema's echo of it.
    if (alreadyReported.has(where) && ref.address !== "") continue;
    out.push({ path: where, message: `${ref.label}（${p.path}）: ${p.message}` });
  }
  return out;
}
