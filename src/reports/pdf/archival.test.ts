// The PDF declares PDF/A-2b on PDF 1.7 with XMP metadata (title, subject, creator) and the
// sRGB output intent, as poppler reads them. What could not be verified here (a PDF/A
// validator such as veraPDF is not installable) is said in docs/operations.md.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderManifestoPdf } from "./index.ts";
import { loadDemo, writePdf } from "./test-support.ts";

describe("archival PDF", () => {
  it("is PDF 1.7 with XMP metadata claiming PDF/A-2b and the document's title", async () => {
    const path = writePdf(await renderManifestoPdf(loadDemo()), "archival.pdf");
    const info = execFileSync("pdfinfo", [path], { encoding: "utf8" });
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    expect(info).toMatch(/^Metadata Stream:\s+yes$/m);
    const xmp = execFileSync("pdfinfo", ["-meta", path], { encoding: "utf8" });
    expect(xmp).toContain("<pdfaid:part>2</pdfaid:part>");
    expect(xmp).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
    expect(xmp).toContain("2023（令和5）年度 部局マニフェスト 総務部");
    // The catalog is written uncompressed.
    const raw = readFileSync(path, "latin1");
    expect(raw).toContain("/OutputIntents");
    expect(raw).toContain("/Lang (ja-JP)");
  });
});
