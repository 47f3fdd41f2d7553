// `tassei backup` on an embedded database that a running server holds: the server streams
// the backup through its socket in the data directory (src/server/backup-socket.ts) and this
// writes it out. The file appears only when the server has sent the whole backup.
import http from "node:http";
import { pipeline } from "node:stream/promises";
import type { AppError } from "../errors.ts";
import {
  BACKUP_REQUEST_PATH,
  BACKUP_TRAILER,
  type BackupSummary,
  backupSocketAddress,
  SERVER_PID_HEADER,
} from "../server/backup-socket.ts";
import { requireOutputFolder, writeFileAtomically } from "../services/backup/atomic-file.ts";
import { serverSocketOpen, tellWaiting } from "./server-socket.ts";

export interface OnlineBackup {
  summary: BackupSummary;
  serverPid: string;
  /** Bytes written to the file (undefined for standard output). */
  bytes?: number;
}

const NOT_SERVING = new Set(["ENOENT", "ECONNREFUSED", "ENOTSOCK"]);

function incomplete(): Error {
  return new Error(
    "サーバーがバックアップを最後まで送りませんでした（サーバーのログを確認してください）。ファイルは作られていません。" +
      " / the server ended the backup before it was complete (see its log); no file was written.",
  );
}

async function request(dataDir: string, locked: AppError): Promise<http.IncomingMessage> {
  if (!(await serverSocketOpen(dataDir, { onWait: tellWaiting }))) throw locked;
  const address = backupSocketAddress(dataDir);
  return new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = http.get({ socketPath: address.path, path: BACKUP_REQUEST_PATH, agent: false });
    req.once("response", (res) => {
      address.release();
      if (res.statusCode === 200) return resolve(res);
      res.resume();
      reject(new Error(`the server refused the backup (HTTP ${res.statusCode})`));
    });
    req.once("error", (e: NodeJS.ErrnoException) => {
      address.release();
      // A socket left by a killed server, or a lock holder that is not a server (an import):
      // the database is simply in use.
      reject(NOT_SERVING.has(e.code ?? "") ? locked : e);
    });
  });
}

/** Receives the stream into `out`; checks that the server said it was complete. */
async function receive(res: http.IncomingMessage, out: NodeJS.WritableStream, end: boolean) {
  try {
    await pipeline(res, out, { end });
  } catch {
    throw incomplete();
  }
  const trailer = res.trailers[BACKUP_TRAILER];
  if (!res.complete || !trailer) throw incomplete();
  return JSON.parse(trailer) as BackupSummary;
}

/**
 * Backs up the embedded database in `dataDir` through the server that holds it, into `out`
 * (a file, or - for standard output). Throws `locked` when no server answers there.
 */
export async function backupThroughServer(
  dataDir: string,
  out: string,
  locked: AppError,
): Promise<OnlineBackup> {
  if (out !== "-") requireOutputFolder(out);
  const res = await request(dataDir, locked);
  const serverPid = String(res.headers[SERVER_PID_HEADER] ?? "?");
  if (out === "-") {
    return { summary: await receive(res, process.stdout, false), serverPid };
  }
  try {
    const written = await writeFileAtomically(out, (file) => receive(res, file, true));
    return { summary: written.value, serverPid, bytes: written.bytes };
  } finally {
    res.destroy();
  }
}
