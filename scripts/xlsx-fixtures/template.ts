// Writes the demo document's prefilled template, the starting point of the fixture corpus.
import { writeFileSync } from "node:fs";
import { validateManifesto } from "../../src/domain/manifesto/validate.ts";
import { exportTemplateXlsx } from "../../src/reports/xlsx/index.ts";
import { demoDocument } from "../../test/support/fixtures.ts";

async function main(out: string): Promise<void> {
  const v = validateManifesto(demoDocument());
  if (!v.ok) throw new Error("the demo document is not valid");
  writeFileSync(out, await exportTemplateXlsx({ doc: v.value }));
}

void main(process.argv[2] ?? "template.xlsx");
