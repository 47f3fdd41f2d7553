// `tassei user add | list | set-password`: staff accounts from the command line. The first
// administrator is made here. A password is never an option value (it would sit in the
// shell history and the process list): it is read from stdin or asked for without echo.
import { type Command, InvalidArgumentError } from "commander";
import { isRole, ROLES } from "../../domain/roles.ts";
import { ValidationError } from "../../errors.ts";
import { runAdminCommand } from "../admin-command.ts";
import { parseMunicipalityCode, parseNonEmpty } from "../options.ts";

function parseRole(value: string): string {
  if (!isRole(value)) throw new InvalidArgumentError(`must be one of ${ROLES.join(", ")}`);
  return value;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** One line typed without echo; Ctrl-C aborts. */
async function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = "";
      const onData = (data: string) => {
        for (const ch of data) {
          if (ch === "\r" || ch === "\n") {
            stdin.off("data", onData);
            process.stderr.write("\n");
            resolve(typed);
            return;
          }
          if (ch === "\u0003") {
            stdin.off("data", onData);
            reject(
              new ValidationError("cancelled", [{ path: "password", message: "was not entered" }]),
            );
            return;
          }
          if (ch === "\u007f" || ch === "\b") typed = [...typed].slice(0, -1).join("");
          else typed += ch;
        }
      };
      stdin.on("data", onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
  }
}

export async function readPassword(fromStdin: boolean | undefined): Promise<string> {
  if (fromStdin) {
    // One trailing newline is the end of the line, not part of the password.
    return (await readAll(process.stdin)).replace(/\r?\n$/, "");
  }
  if (!process.stdin.isTTY) {
    throw new ValidationError("no terminal to ask for the password", [
      { path: "password", message: "give it on standard input with --password-stdin" },
    ]);
  }
  const first = await promptHidden("Password: ");
  const second = await promptHidden("Password again: ");
  if (first !== second) {
    throw new ValidationError("the two passwords differ", [
      { path: "password", message: "did not match" },
    ]);
  }
  return first;
}

interface AddOptions {
  username: string;
  role: string;
  municipality?: string;
  department?: string;
  displayName?: string;
  email?: string;
  passwordStdin?: boolean;
}

export function registerUser(program: Command): void {
  const cmd = program.command("user").description("Staff accounts: add, list, set a password.");

  cmd
    .command("add")
    .description(
      "Create a staff account. Without --municipality the role must be admin: an installation administrator.",
    )
    .requiredOption("--username <name>", "sign-in name: letters, digits, . _ @ -", parseNonEmpty)
    .requiredOption("--role <role>", ROLES.join(" | "), parseRole)
    .option("--municipality <code>", "全国地方公共団体コード, e.g. 242161", parseMunicipalityCode)
    .option("--department <name>", "for department roles: the department's name or code")
    .option("--display-name <name>", "name shown in histories, e.g. 伊賀 太郎")
    .option("--email <address>", "where notifications go, e.g. tanaka@city.iga.lg.jp")
    .option("--password-stdin", "read the password from standard input (else it is asked for)")
    .action(async (opts: AddOptions) => {
      const password = await readPassword(opts.passwordStdin);
      const user = await runAdminCommand("user add", {
        username: opts.username,
        password,
        role: opts.role,
        municipalityCode: opts.municipality ?? null,
        department: opts.department,
        displayName: opts.displayName,
        email: opts.email,
      });
      const where = opts.municipality ?? "installation";
      process.stdout.write(`created user ${user.username} (${user.role}, ${where})\n`);
    });

  cmd
    .command("list")
    .description("List staff accounts (tab-separated, or JSON).")
    .option("--municipality <code>", "only this municipality's accounts", parseMunicipalityCode)
    .option("--json", "print JSON")
    .action(async (opts: { municipality?: string; json?: boolean }) => {
      // Through the running server when it holds the embedded database (admin-command.ts).
      const users = await runAdminCommand(
        "user list",
        opts.municipality === undefined ? {} : { code: opts.municipality },
      );
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
        return;
      }
      process.stdout.write("username\trole\tmunicipality\tdepartment\tdisplay name\tstatus\n");
      for (const u of users) {
        const cells = [
          u.username,
          u.role,
          u.municipalityCode ?? "(installation)",
          u.departmentName ?? "",
          u.displayName ?? "",
          u.disabled ? "disabled" : "active",
        ];
        process.stdout.write(`${cells.join("\t")}\n`);
      }
    });

  cmd
    .command("set-password")
    .description("Set a user's password; all of that user's sessions end.")
    .requiredOption("--username <name>", "the account", parseNonEmpty)
    .option("--password-stdin", "read the password from standard input (else it is asked for)")
    .action(async (opts: { username: string; passwordStdin?: boolean }) => {
      const password = await readPassword(opts.passwordStdin);
      const r = await runAdminCommand("user set-password", {
        username: opts.username,
        password,
      });
      process.stdout.write(
        `password of ${opts.username} set; ${r.revokedSessions} session(s) ended\n`,
      );
    });
}
