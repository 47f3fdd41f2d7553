// Online backup of the embedded database. PGlite lives inside the server process, which
// holds the data directory's lock, so `tassei backup` cannot open the database while the
// server runs. The server therefore offers exactly one thing on a Unix socket in the data
// directory: the backup, streamed in the tassei.backup/v1 format (and the administrative
// commands of `tassei`, admin-socket.ts). Who may have it is decided
// by the file system, as for the database files beside it: the socket is the server user's
// alone (0600). It is not reachable over the network and serves nothing else.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { writeBackupTo } from "../services/backup/create-backup.ts";
import { ADMIN_REQUEST_PATH, handleAdminCommand } from "./admin-socket.ts";

export const BACKUP_SOCKET_NAME = "tassei.sock";
export const BACKUP_REQUEST_PATH = "/backup";
/** Sent after the last byte of the backup: without it, the stream is incomplete. */
export const BACKUP_TRAILER = "x-tassei-backup";
export const SERVER_PID_HEADER = "x-tassei-pid";

export interface BackupSummary {
  schemaVersion: string;
  tables: number;
  rows: number;
}

// A socket address holds 107 bytes; a deeper data directory is reached through an open
// descriptor of it (/proc/self/fd/N/…), which Linux resolves like the directory itself.
const MAX_SOCKET_ADDRESS = 100;

export interface SocketAddress {
  path: string;
  /** Closes the descriptor: when the socket is closed (libuv unlinks it by this path). */
  release(): void;
}

export function backupSocketAddress(dataDir: string): SocketAddress {
  const direct = path.join(dataDir, BACKUP_SOCKET_NAME);
  if (Buffer.byteLength(direct) <= MAX_SOCKET_ADDRESS) return { path: direct, release() {} };
  const fd = fs.openSync(dataDir, fs.constants.O_RDONLY | fs.constants.O_DIRECTORY);
  let open = true;
  return {
    path: `/proc/self/fd/${fd}/${BACKUP_SOCKET_NAME}`,
    release() {
      if (open) fs.closeSync(fd);
      open = false;
    },
  };
}

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface BackupSocket {
  path: string;
  /** Stops taking requests, lets a running backup finish, removes the socket. */
  close(): Promise<void>;
}

// A reader that stops reading holds the transaction (and on PGlite every other query):
// after this long without progress the backup is abandoned.
const IDLE_TIMEOUT_MS = 60_000;

function handler(db: Kysely<Database>, log: Log) {
  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method === "POST" && req.url === ADMIN_REQUEST_PATH) {
      return handleAdminCommand(db, req, res, log);
    }
    if (req.method !== "GET" || req.url !== BACKUP_REQUEST_PATH) {
      res.writeHead(404, { "content-type": "text/plain" }).end(`only GET ${BACKUP_REQUEST_PATH}\n`);
      return;
    }
    req.socket.setTimeout(IDLE_TIMEOUT_MS, () => req.socket.destroy());
    const started = performance.now();
    res.writeHead(200, {
      "content-type": "application/gzip",
      trailer: BACKUP_TRAILER,
      [SERVER_PID_HEADER]: String(process.pid),
    });
    try {
      const header = await writeBackupTo(db, res);
      const summary: BackupSummary = {
        schemaVersion: header.schemaVersion,
        tables: header.tables.length,
        rows: header.tables.reduce((sum, t) => sum + t.rows, 0),
      };
      res.addTrailers({ [BACKUP_TRAILER]: JSON.stringify(summary) });
      res.end();
      log.info(
        { backup: summary, ms: Math.round(performance.now() - started) },
        "online backup served",
      );
    } catch (e) {
      // No trailer: the client knows the backup is incomplete and keeps no file.
      const clientLeft = res.destroyed;
      res.destroy();
      if (clientLeft) log.warn({}, "online backup abandoned: the client went away");
      else log.error({ err: e }, "online backup failed");
    }
  };
}

/**
 * Listens on `<dataDir>/tassei.sock`. The caller holds the data directory's lock, so a socket
 * found there was left by a server that was killed, and is replaced. When the socket cannot
 * be made, the server runs without online backup and says so.
 */
export async function serveBackupSocket(
  db: Kysely<Database>,
  dataDir: string,
  log: Log,
): Promise<BackupSocket | undefined> {
  const file = path.join(dataDir, BACKUP_SOCKET_NAME);
  const found = fs.lstatSync(file, { throwIfNoEntry: false });
  if (found && !found.isSocket()) {
    log.warn({ file }, "online backup unavailable: a file that is not a socket is in the way");
    return undefined;
  }
  if (found) fs.rmSync(file, { force: true });
  const server = http.createServer(handler(db, log));
  let address: SocketAddress | undefined;
  try {
    address = backupSocketAddress(dataDir);
    const bindTo = address.path;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      // The socket is created owner-only; no moment exists where others could connect.
      const umask = process.umask(0o177);
      try {
        server.listen(bindTo, () => resolve());
      } finally {
        process.umask(umask);
      }
    });
    fs.chmodSync(file, 0o600);
  } catch (e) {
    log.warn({ err: e, file }, "online backup unavailable: the socket could not be made");
    server.close();
    address?.release();
    return undefined;
  }
  const bound = address;
  return {
    path: file,
    // Never throws: the database still has to be closed after it.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          bound.release();
          try {
            fs.rmSync(file, { force: true });
          } catch {
            // gone already, or the file system turned read-only: the next start replaces it
          }
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
