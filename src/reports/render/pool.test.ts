// The rendering pool: jobs run on worker threads and give what the renderers give; a job past
// its time is stopped and the pool goes on; a full pool refuses at once; progress arrives and
// may stop a booklet.
import { threadId } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { AppError, ValidationError } from "../../errors.ts";
import { loadDemo, pdfInfo, pdfText, squeeze, writePdf } from "../pdf/test-support.ts";
import { RenderPool } from "./pool.ts";

const pool = new RenderPool({
  threads: 1,
  queue: 1,
  timeoutMs: 60_000,
  heapMb: 512,
  maxOutputBytes: 50 * 1024 * 1024,
});
afterAll(() => pool.close());

describe("RenderPool", () => {
  it("renders the demo PDF on a worker thread", async () => {
    const out = await pool.run({ kind: "manifesto-pdf", doc: loadDemo(), options: {} });
    expect(out.report.threadId).not.toBe(threadId);
    const path = writePdf(Buffer.from(out.bytes), "pool-demo.pdf");
    expect(pdfInfo(path).pages).toBe(3);
    expect(squeeze(pdfText(path))).toContain("◎部局目標６");
  });

  it("gives a renderer's refusal back as the same error", async () => {
    const doc = loadDemo();
    doc.goals[0]!.title = "😀";
    const error = await pool
      .run({ kind: "manifesto-pdf", doc, options: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems[0]?.path).toBe("goals[0].title");
  });

  it("refuses at once beyond its queue, and stops a job past its time, then goes on", async () => {
    const slow = new RenderPool({ ...pool.limits, timeoutMs: 1, queue: 0 });
    try {
      const booklet = {
        kind: "booklet-pdf" as const,
        docs: [loadDemo()],
        options: {
          municipalityName: "伊賀市",
          fiscalYear: 2023,
        },
      };
      const first = slow.run(booklet).catch((e: unknown) => e);
      const second = await slow.run(booklet).catch((e: unknown) => e);
      expect(second).toBeInstanceOf(AppError);
      expect((second as AppError).code).toBe("busy");
      expect((second as AppError).message).toContain("混み合っています");
      const timedOut = await first;
      expect((timedOut as AppError).code).toBe("busy");
      expect((timedOut as AppError).message).toContain("秒を超えた");
    } finally {
      await slow.close();
    }
    // The shared pool is untouched and still renders.
    const out = await pool.run({ kind: "template-xlsx", options: {} });
    expect(Buffer.from(out.bytes).subarray(0, 2).toString()).toBe("PK");
  });

  it("reports a booklet's progress, and stops when the listener throws", async () => {
    const docs = [loadDemo(), loadDemo()];
    docs[1]!.department.name = "企画振興部";
    const seen: string[] = [];
    const options = { municipalityName: "伊賀市", fiscalYear: 2023 };
    await pool.run({ kind: "booklet-pdf", docs, options }, (done, total) => {
      seen.push(`${done}/${total}`);
    });
    expect(seen).toEqual(["1/2", "2/2"]);
    const stopped = await pool
      .run({ kind: "booklet-pdf", docs, options }, () => {
        throw new Error("given up");
      })
      .catch((e: unknown) => e);
    expect((stopped as Error).message).toBe("given up");
  });
});
