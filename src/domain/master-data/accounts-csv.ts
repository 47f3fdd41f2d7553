// The first accounts of a municipality from a CSV: user name, display name, role, department,
// initial password. Every row is checked before anything is written; a problem names its
// line and column in Japanese.
import type { Problem } from "../manifesto/validate.ts";
import { isDepartmentRole, isRole, ROLE_LABELS, ROLES, type Role } from "../roles.ts";
import { comparisonKey } from "../text.ts";
import { type Column, readTable, where } from "./csv-rows.ts";

type Key = "username" | "displayName" | "role" | "department" | "password";

const COLUMNS: readonly Column<Key>[] = [
  {
    key: "username",
    label: "ユーザー名",
    aliases: ["username", "user", "ログイン名"],
    required: true,
  },
  { key: "displayName", label: "氏名", aliases: ["display_name", "name", "表示名"] },
  { key: "role", label: "役割", aliases: ["role", "権限"], required: true },
  { key: "department", label: "部局", aliases: ["department", "部局名", "部局コード"] },
  { key: "password", label: "初期パスワード", aliases: ["password", "パスワード"], required: true },
];

export const ACCOUNT_CSV_HEADER = COLUMNS.map((c) => c.label).join(",");

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$/;
const PASSWORD_MIN = 12;

export interface AccountRow {
  line: number;
  username: string;
  displayName: string | null;
  role: Role;
  /** The department's name or code as written (department roles only). */
  department: string | null;
  password: string;
}

function roleOf(value: string): Role | undefined {
  if (isRole(value)) return value;
  const key = comparisonKey(value);
  return ROLES.find((r) => comparisonKey(ROLE_LABELS[r]) === key);
}

export function parseAccountsCsv(
  text: string,
  knownDepartment: (nameOrCode: string) => boolean,
): { ok: true; rows: AccountRow[] } | { ok: false; problems: Problem[] } {
  const table = readTable(text, COLUMNS);
  if (!table.ok) return table;
  const problems: Problem[] = [];
  const rows: AccountRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of table.rows) {
    const at = (key: Key) => where(line, COLUMNS.find((c) => c.key === key)?.label);
    const username = values.username ?? "";
    if (!USERNAME.test(username)) {
      problems.push({
        path: at("username"),
        message: "3〜64文字の半角英数字と . _ @ - で入力してください（先頭は英数字）",
      });
    } else {
      const key = username.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({ path: at("username"), message: `${first}行目と同じユーザー名です` });
      } else seen.set(key, line);
    }
    const role = roleOf(values.role ?? "");
    if (role === undefined) {
      problems.push({
        path: at("role"),
        message: `次のいずれかにしてください: ${ROLES.map((r) => ROLE_LABELS[r]).join("、")}`,
      });
    }
    const department = values.department ?? null;
    if (role !== undefined && isDepartmentRole(role)) {
      if (department === null) {
        problems.push({
          path: at("department"),
          message: `${ROLE_LABELS[role]}には部局が必要です`,
        });
      } else if (!knownDepartment(department)) {
        problems.push({
          path: at("department"),
          message: `「${department}」という部局はありません`,
        });
      }
    } else if (role !== undefined && department !== null) {
      problems.push({
        path: at("department"),
        message: `${ROLE_LABELS[role]}には部局を指定しません（空にしてください）`,
      });
    }
    const password = values.password ?? "";
    if ([...password].length < PASSWORD_MIN) {
      problems.push({ path: at("password"), message: `${PASSWORD_MIN}文字以上にしてください` });
    }
    if (role !== undefined) {
      rows.push({
        line,
        username,
        displayName: values.displayName ?? null,
        role,
        department: role !== undefined && isDepartmentRole(role) ? department : null,
        password,
      });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}
