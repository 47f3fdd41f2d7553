// An administrative command (services/admin-commands.ts) on the database the configuration
// names — or, when `tassei serve` holds the embedded database, through that server's socket
// in the data directory (src/server/admin-socket.ts), which runs the same service. A server
// that does not answer there leaves the refusal that says which process to stop.
import http from "node:http";
import { AppError, type ErrorCode, ValidationError } from "../errors.ts";
import {
  ADMIN_PID_HEADER,
  ADMIN_REQUEST_PATH,
  type AdminResponse,
} from "../server/admin-socket.ts";
import { backupSocketAddress } from "../server/backup-socket.ts";
import { ADMIN_COMMANDS, type AdminCommand, type AdminResult } from "../services/admin-commands.ts";
import { cliActor, heldDataDir, withDatabase } from "./context.ts";
import { serverSocketOpen, tellWaiting } from "./server-socket.ts";

const NOT_SERVING = new Set(["ENOENT", "ECONNREFUSED", "ENOTSOCK"]);

export async function runAdminCommand<C extends AdminCommand>(
  command: C,
  input: unknown,
): Promise<AdminResult<C>> {
  try {
    return await withDatabase(
      command,
      (ctx) => ADMIN_COMMANDS[command](ctx, input) as Promise<AdminResult<C>>,
    );
  } catch (e) {
    const held = heldDataDir(e);
    if (!held) throw e;
    const answer = await throughServer(held.dataDir, command, input, held.locked);
    process.stderr.write(`(${command} through the running server, PID ${answer.pid})\n`);
    return answer.result as AdminResult<C>;
  }
}

async function post(
  dataDir: string,
  body: string,
  locked: AppError,
): Promise<{ status: number; pid: string; text: string }> {
  if (!(await serverSocketOpen(dataDir, { onWait: tellWaiting }))) throw locked;
  const address = backupSocketAddress(dataDir);
  return new Promise((resolve, reject) => {
    const req = http.request({
      socketPath: address.path,
      path: ADMIN_REQUEST_PATH,
      method: "POST",
      agent: false,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
    });
    req.once("response", (res) => {
      address.release();
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.once("error", reject);
      res.once("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          pid: String(res.headers[ADMIN_PID_HEADER] ?? "?"),
          text: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.once("error", (e: NodeJS.ErrnoException) => {
      address.release();
      // A socket left by a killed server, or a lock holder that is not a server (an import
      // running now): the database is simply in use, and the refusal says by whom.
      reject(NOT_SERVING.has(e.code ?? "") ? locked : e);
    });
    req.end(body);
  });
}

async function throughServer(
  dataDir: string,
  command: AdminCommand,
  input: unknown,
  locked: AppError,
): Promise<{ result: unknown; pid: string }> {
  const body = JSON.stringify({ command, actor: cliActor(), input });
  const r = await post(dataDir, body, locked);
  // A server of a version that runs no commands: the plain refusal says what to do.
  if (r.status === 404 && !r.text.startsWith("{")) throw locked;
  let answer: AdminResponse;
  try {
    answer = JSON.parse(r.text) as AdminResponse;
  } catch {
    throw new Error(`the running server answered ${command} with HTTP ${r.status}`);
  }
  if (r.status === 200) return { result: answer.result, pid: r.pid };
  const error = answer.error;
  if (!error) throw new Error(`the running server answered ${command} with HTTP ${r.status}`);
  if (error.code === "validation_error") throw new ValidationError(error.message, error.problems);
  if (error.code === "internal") throw new Error(error.message);
  throw new AppError(error.code as ErrorCode, error.message, error.problems);
}
