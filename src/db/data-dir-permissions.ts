// The embedded database's directory holds password hashes and unpublished drafts: it is for
// the service user alone. A new data directory is made 0700, whatever the umask the service
// was started with; inside a private directory the files are made 0600 when the database
// opens and closes (PGlite creates its files 0666 regardless of the umask; the 0700
// directory already keeps them from others in between). A directory that others can reach
// is left as the operator set it, and start-up names it.
import fs from "node:fs";
import path from "node:path";

/** Group and others: no bits at all. */
const PRIVATE_UMASK = 0o077;

/**
 * From now on this process creates files 0600 and directories 0700 where it decides the
 * mode (the umask gains 077), and the data directory exists, 0700 if it is new.
 */
export function restrictNewFiles(dataDir: string): void {
  process.umask(process.umask() | PRIVATE_UMASK);
  if (fs.existsSync(dataDir)) return;
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    fs.chmodSync(dataDir, 0o700);
  } catch {
    // Said plainly by the data directory's lock, which tries next (data-dir-lock.ts).
  }
}

export interface LoosePermissions {
  /** The directory itself, e.g. "0755". */
  directoryMode: string;
  /** Files and folders inside that group or others may read or enter (a few named). */
  looseEntries: number;
  examples: string[];
}

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;

function isPrivateDirectory(dir: string): boolean {
  try {
    return (fs.statSync(dir).mode & PRIVATE_UMASK) === 0;
  } catch {
    return false;
  }
}

/** Inside a private data directory: files 0600, folders 0700 (links left alone). */
export function tightenDataFiles(dataDir: string): void {
  if (!isPrivateDirectory(dataDir)) return;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      try {
        if (entry.isDirectory()) {
          fs.chmodSync(full, 0o700);
          walk(full);
        } else if (entry.isFile()) {
          fs.chmodSync(full, 0o600);
        }
      } catch {
        // A file gone meanwhile (PostgreSQL removes its own) needs no mode.
      }
    }
  };
  walk(dataDir);
}

/**
 * A data directory that group or others can enter, with what inside they can read; null
 * when the directory is private (then nothing inside is reachable) or absent.
 */
export function loosePermissions(dataDir: string): LoosePermissions | null {
  let dirStat: fs.Stats;
  try {
    dirStat = fs.statSync(dataDir);
  } catch {
    return null;
  }
  if ((dirStat.mode & PRIVATE_UMASK) === 0) return null;
  const directoryMode = octal(dirStat.mode);
  let looseEntries = 0;
  const examples: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      const mode = fs.statSync(full).mode;
      if (mode & PRIVATE_UMASK) {
        looseEntries += 1;
        if (examples.length < 3) examples.push(`${path.relative(dataDir, full)} (${octal(mode)})`);
      }
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(dataDir);
  return { directoryMode, looseEntries, examples };
}

/** The start-up warning, in Japanese and English as the other storage messages are. */
export function loosePermissionsWarning(dataDir: string, loose: LoosePermissions): string {
  const what = [
    `the directory is ${loose.directoryMode}`,
    ...(loose.looseEntries > 0
      ? [`${loose.looseEntries} entries are readable by others (${loose.examples.join(", ")})`]
      : []),
  ].join("; ");
  return (
    `警告: データディレクトリ ${dataDir} はサービスのユーザー以外も読めます / ` +
    `warning: the data directory ${dataDir} is readable by other users: ${what}. ` +
    `It holds password hashes and drafts: chmod -R go= ${dataDir}`
  );
}
