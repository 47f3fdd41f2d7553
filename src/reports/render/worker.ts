// A rendering worker thread: runs one job at a time for the pool (pool.ts) and answers with
// the bytes (transferred, not copied), progress on the way, or the error as plain data.
import { parentPort, threadId } from "node:worker_threads";
import { AppError } from "../../errors.ts";
import { type RenderJob, runRenderJob } from "./jobs.ts";

const port = parentPort;
if (!port) throw new Error("render/worker.ts runs only as a worker thread");

port.on("message", async (message: { id: number; job: RenderJob }) => {
  const { id, job } = message;
  try {
    const out = await runRenderJob(job, (done, total) =>
      port.postMessage({ id, progress: { done, total } }),
    );
    const bytes = new Uint8Array(out.bytes);
    port.postMessage({ id, bytes, report: { ...out.report, threadId } }, [bytes.buffer]);
  } catch (e) {
    const error =
      e instanceof AppError
        ? { app: true, code: e.code, message: e.message, problems: e.problems }
        : { app: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    port.postMessage({ id, error });
  }
});
