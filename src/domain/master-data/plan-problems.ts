// The plan structure's checks (../plan-structure.ts) report in English with `line N, column
// code` paths, as the command line shows them; the administration pages say the same in
// Japanese, naming the line and the column.
import type { Problem } from "../manifesto/validate.ts";

const COLUMN: Record<string, string> = {
  code: "コード(code)",
  title: "名称(title)",
  parent: "上位コード(parent)",
};

const MESSAGES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^must not be empty$/, () => "入力してください"],
  [/^is required$/, () => "入力してください"],
  [
    /^must be one plan code such as 7-1 or 7-1-①$/,
    () => "7-1 や 7-1-① のような計画コードを1つ入力してください",
  ],
  [/^must be at most (\d+) characters$/, (m) => `${m[1]}文字以内で入力してください`],
  [
    /^duplicates the code (.+) \(line (\d+), column code\)$/,
    (m) => `コード ${m[1]} が${m[2]}行目と重複しています`,
  ],
  [
    /^must be the code of an item of the plan$/,
    () => "計画にないコードです（上位の項目を先に載せてください）",
  ],
  [/^makes a cycle: (.+)$/, (m) => `上位コードが循環しています（${m[1]}）`],
  [/^is not valid CSV/, () => "CSV として読めません"],
  [/^must be the header code,title$/, () => "1行目は見出し code,title[,parent] にしてください"],
  [/^must have a column (\w+)$/, (m) => `列 ${COLUMN[m[1] ?? ""] ?? m[1]} が必要です`],
  [/^has the column (\w+) twice$/, (m) => `列 ${COLUMN[m[1] ?? ""] ?? m[1]} が2つあります`],
  [
    /^"(.*)" is not a column of a plan structure/,
    (m) => `「${m[1]}」は知らない列です（code, title, parent）`,
  ],
  [/^has (\d+) fields; the header has (\d+)$/, (m) => `値が${m[1]}個あります（見出しは${m[2]}個）`],
];

function japanesePath(path: string): string {
  const m = /^line (\d+)(?:, column (\w+))?$/.exec(path);
  if (!m) return path === "$" ? "ファイル" : path;
  const column = m[2] === undefined ? "" : ` ${COLUMN[m[2]] ?? `${m[2]}列目`}`;
  return `${m[1]}行目${column}`;
}

export function japanesePlanProblem(p: Problem): Problem {
  const rule = MESSAGES.find(([re]) => re.test(p.message));
  const match = rule ? p.message.match(rule[0]) : null;
  return {
    path: japanesePath(p.path),
    message: rule && match ? rule[1](match) : p.message,
  };
}
