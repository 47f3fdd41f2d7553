// PDF, Excel and booklet rendering off the event loop: a bounded pool of worker threads, each
// job limited in time and in size. A PDF of the largest document takes seconds of CPU; run in
// the server's own thread, every request (and /healthz) waited for it.
//
// - At most `threads` jobs run at once, at most `queue` wait; beyond that a job is refused at
//   once with `busy` (503), so a burst cannot pile up work and memory.
// - A job running longer than `timeoutMs` is stopped (its worker is replaced) with `busy`.
// - A worker's heap is capped (`heapMb`); a job that needs more is refused the same way, and
//   output larger than `maxOutputBytes` is refused.
// Workers are kept warm between jobs (the fonts stay parsed) and do not keep a process alive
// while idle.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { AppError, ValidationError } from "../../errors.ts";
import type { RenderJob, RenderOutput } from "./jobs.ts";

export interface RenderPoolLimits {
  threads: number;
  queue: number;
  timeoutMs: number;
  heapMb: number;
  maxOutputBytes: number;
}

export const DEFAULT_RENDER_LIMITS: RenderPoolLimits = {
  threads: Math.max(1, Math.min(2, availableParallelism() - 1)),
  queue: 32,
  timeoutMs: 120_000,
  heapMb: 1024,
  maxOutputBytes: 200 * 1024 * 1024,
};

interface Pending {
  id: number;
  job: RenderJob;
  onProgress: ((done: number, total: number) => unknown) | undefined;
  resolve(out: RenderOutput): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  current: (Pending & { timer: NodeJS.Timeout }) | undefined;
}

type WorkerMessage =
  | { id: number; progress: { done: number; total: number } }
  | { id: number; bytes: Uint8Array; report: Record<string, unknown> }
  | {
      id: number;
      error:
        | { app: true; code: AppError["code"]; message: string; problems: AppError["problems"] }
        | { app: false; message: string };
    };

const busy = (message: string) => new AppError("busy", message);

export class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly limits: RenderPoolLimits = DEFAULT_RENDER_LIMITS) {}

  /** Runs the job on a worker thread; `onProgress` may throw to stop it. */
  run(
    job: RenderJob,
    onProgress?: (done: number, total: number) => unknown,
  ): Promise<RenderOutput> {
    if (this.closed) return Promise.reject(busy("サーバーが停止中のため文書を作成できません。"));
    const running = this.slots.filter((s) => s.current).length;
    if (running >= this.limits.threads && this.waiting.length >= this.limits.queue) {
      return Promise.reject(
        busy("文書の作成が混み合っています。しばらくしてからもう一度お試しください。"),
      );
    }
    return new Promise<RenderOutput>((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, job, onProgress, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; waiting and running jobs are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.waiting.splice(0)) p.reject(busy("サーバーが停止中です。"));
    await Promise.all(
      this.slots.splice(0).map(async (s) => {
        if (s.current) {
          clearTimeout(s.current.timer);
          s.current.reject(busy("サーバーが停止中です。"));
        }
        await s.worker.terminate();
      }),
    );
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      let slot = this.slots.find((s) => !s.current);
      if (!slot && this.slots.length < this.limits.threads) slot = this.spawn();
      if (!slot) return;
      const pending = this.waiting.shift() as Pending;
      const timer = setTimeout(() => {
        this.fail(
          slot as Slot,
          busy(
            `文書の作成が ${Math.round(this.limits.timeoutMs / 1000)} 秒を超えたため中止しました。文書が大きすぎる可能性があります。`,
          ),
        );
      }, this.limits.timeoutMs);
      slot.current = { ...pending, timer };
      slot.worker.ref();
      slot.worker.postMessage({ id: pending.id, job: pending.job });
    }
  }

  private spawn(): Slot {
    const worker = new Worker(new URL("./worker-boot.mjs", import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb },
    });
    const slot: Slot = { worker, current: undefined };
    worker.unref();
    worker.on("message", (m: WorkerMessage) => void this.receive(slot, m));
    worker.on("error", (e) => {
      const tooBig = (e as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY";
      this.fail(
        slot,
        tooBig ? busy("文書が大きすぎるため作成できませんでした（メモリの上限を超えました）。") : e,
      );
    });
    worker.on("exit", () => {
      if (this.slots.includes(slot)) this.fail(slot, busy("文書の作成中に処理が停止しました。"));
    });
    this.slots.push(slot);
    return slot;
  }

  private async receive(slot: Slot, m: WorkerMessage): Promise<void> {
    const current = slot.current;
    if (!current || current.id !== m.id) return;
    if ("progress" in m) {
      try {
        await current.onProgress?.(m.progress.done, m.progress.total);
      } catch (e) {
        this.fail(slot, e);
      }
      return;
    }
    clearTimeout(current.timer);
    slot.current = undefined;
    slot.worker.unref();
    if ("error" in m) {
      const e = m.error;
      current.reject(
        !e.app
          ? new Error(`rendering failed in a worker thread: ${e.message}`)
          : e.code === "validation_error"
            ? new ValidationError(e.message, e.problems)
            : new AppError(e.code, e.message, e.problems),
      );
    } else if (m.bytes.byteLength > this.limits.maxOutputBytes) {
      current.reject(busy("作成した文書が大きすぎるため送れません。"));
    } else {
      current.resolve({ bytes: m.bytes, report: m.report });
    }
    this.dispatch();
  }

  /** Ends the slot's job with `error` and replaces its worker (it may be stuck or spent). */
  private fail(slot: Slot, error: unknown): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const current = slot.current;
    slot.current = undefined;
    if (current) {
      clearTimeout(current.timer);
      current.reject(error);
    }
    void slot.worker.terminate();
    this.dispatch();
  }
}

let shared: RenderPool | undefined;

/** The process's pool, made on first use. */
export function renderPool(): RenderPool {
  shared ??= new RenderPool();
  return shared;
}
