// Whether `tassei serve` answers on its socket in the data directory (backup-socket.ts), for
// the commands that go through it when the server holds the embedded database. The server
// takes the directory's lock first and opens the socket only when its database is ready
// (on a first start: after the schema and the demo data), so a command given in that moment
// waits for it instead of being refused as if the directory were simply in use.
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { liveLockOwner } from "../db/data-dir-lock.ts";
import { AppError } from "../errors.ts";
import { backupSocketAddress } from "../server/backup-socket.ts";

/** The lock's command while a server holds the directory (serve.ts opens it so). */
const SERVE_COMMAND = "tassei serve";
/**
 * How long after taking the lock a server may still be starting: a first start builds the
 * schema. A server older than this without a socket runs without one (something else was in
 * its place; it said so in its log), and is not waited for.
 */
export const STARTING_SERVER_WAIT_MS = 120_000;
const POLL_MS = 100;

export interface SocketWait {
  timeoutMs?: number;
  /** Told once, when the command starts waiting for a starting server. */
  onWait?: (serverPid: number) => void;
}

function accepts(dataDir: string): Promise<boolean> {
  let address: ReturnType<typeof backupSocketAddress>;
  try {
    address = backupSocketAddress(dataDir);
  } catch {
    return Promise.resolve(false); // the directory itself is gone or unreadable
  }
  return new Promise((resolve) => {
    const socket = net.connect(address.path);
    const done = (ok: boolean) => {
      socket.destroy();
      address.release();
      resolve(ok);
    };
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * True when a server answers on the data directory's socket — at once, or after waiting
 * while the directory's lock names a `tassei serve` that is still starting (took the lock
 * less than the timeout ago). False when no server answers and none is starting (another
 * command holds the directory, or no server runs), or when it has not opened its socket
 * within the wait. Throws when the server waited for stops before it opened it.
 */
export async function serverSocketOpen(dataDir: string, wait: SocketWait = {}): Promise<boolean> {
  const timeout = wait.timeoutMs ?? STARTING_SERVER_WAIT_MS;
  let waitedFor: number | undefined;
  for (;;) {
    if (await accepts(dataDir)) return true;
    const owner = liveLockOwner(dataDir);
    if (owner?.command !== SERVE_COMMAND) {
      if (waitedFor !== undefined && owner === undefined) throw stoppedWhileStarting(waitedFor);
      return false;
    }
    if (!(Date.now() < Date.parse(owner.since) + timeout)) return false;
    if (waitedFor === undefined) wait.onWait?.(owner.pid);
    waitedFor = owner.pid;
    await sleep(POLL_MS);
  }
}

/** The server waited for is gone and nothing holds the directory: the command may run again. */
function stoppedWhileStarting(pid: number): AppError {
  return new AppError(
    "database_unavailable",
    `サーバー（PID ${pid}）は起動を終えずに終了しました（サーバーのログを確認してください）。もう一度実行してください。` +
      ` / The server (PID ${pid}) stopped before it finished starting (see its log); run the command again.`,
  );
}

/** What a command prints while it waits for a starting server. */
export function tellWaiting(serverPid: number): void {
  process.stderr.write(
    `(サーバー PID ${serverPid} の起動を待っています / waiting for the server, PID ${serverPid}, to finish starting)\n`,
  );
}
