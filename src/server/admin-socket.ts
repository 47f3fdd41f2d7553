// The administrative commands of `tassei` (municipality set, plan import, user add and
// set-password, import) while the server holds the embedded database: on the same
// owner-only Unix socket as the online backup (backup-socket.ts), `POST /command` runs one
// of the services of services/admin-commands.ts with the command's JSON input, under the
// actor the command names (the socket admits only the server's own OS user, as the database
// files beside it do). Nothing else is offered; it is not reachable over the network.
import type http from "node:http";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { ADMIN_COMMANDS, isAdminCommand } from "../services/admin-commands.ts";

export const ADMIN_REQUEST_PATH = "/command";
export const ADMIN_PID_HEADER = "x-tassei-pid";
/** Documents of a whole year fit easily; a runaway client does not. */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

export interface AdminRequest {
  command: string;
  actor: string;
  input: unknown;
}

export interface AdminResponse {
  result?: unknown;
  error?: { code: string; message: string; problems: { path: string; message: string }[] };
}

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new AppError("validation_error", "the request is too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: http.ServerResponse, status: number, body: AdminResponse): void {
  res
    .writeHead(status, {
      "content-type": "application/json",
      [ADMIN_PID_HEADER]: String(process.pid),
    })
    .end(JSON.stringify(body));
}

export async function handleAdminCommand(
  db: Kysely<Database>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  log: Log,
): Promise<void> {
  let request: AdminRequest;
  try {
    request = JSON.parse(await readBody(req)) as AdminRequest;
  } catch {
    return send(res, 400, {
      error: { code: "validation_error", message: "not a command request", problems: [] },
    });
  }
  const { command, actor, input } = request;
  if (typeof command !== "string" || !isAdminCommand(command) || typeof actor !== "string") {
    return send(res, 404, {
      error: { code: "not_found", message: `no command ${String(command)}`, problems: [] },
    });
  }
  const started = performance.now();
  try {
    const result = await ADMIN_COMMANDS[command]({ db, actor }, input);
    log.info(
      { command, actor, ms: Math.round(performance.now() - started) },
      "administrative command run for the tassei command",
    );
    send(res, 200, { result });
  } catch (e) {
    if (e instanceof AppError) {
      return send(res, 422, {
        error: { code: e.code, message: e.message, problems: e.problems },
      });
    }
    log.error({ err: e, command }, "administrative command failed");
    send(res, 500, {
      error: {
        code: "internal",
        message: "the server could not run the command (see its log)",
        problems: [],
      },
    });
  }
}
