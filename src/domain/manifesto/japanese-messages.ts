// The server reports document problems in English with JSON paths
// (`goals[1].targets[0].measure.target: must be a finite number …`, src/domain/manifesto/
// validate.ts). Users read them in Japanese — in the staff app and from the CLI's import and
// export, from this one translation (src/web/api/japanese-messages.ts re-exports it): the path becomes the name the form gives the
// field (「目標2 の 達成目標① の 目標値」, the same words as the inputs' accessible names), the
// message a Japanese sentence. Anything not recognised is shown as it came.

type PathToken = string | number;

/** `goals[1].targets[0].text` → ["goals", 1, "targets", 0, "text"]; `$` → []. */
export function parseJsonPath(path: string): PathToken[] {
  if (path === "$" || path === "") return [];
  const tokens: PathToken[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) tokens.push(Number(m[2]));
    else if (m[1] !== undefined) tokens.push(m[1]);
  }
  return tokens;
}

/** The inverse of parseJsonPath, written as the server writes paths. */
export function formatJsonPath(tokens: readonly PathToken[]): string {
  let out = "";
  for (const t of tokens) {
    if (typeof t === "number") out += `[${t}]`;
    else out += out === "" ? t : `.${t}`;
  }
  return out === "" ? "$" : out;
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

/** ① for 1 … ⑳ for 20; beyond, the number in brackets. */
export function circled(n: number): string {
  return CIRCLED[n - 1] ?? `（${n}）`;
}

interface GoalsLike {
  goals?: readonly { number?: unknown }[];
}

/** 「目標2」: by the goal's own number when the document has one, else by position. */
export function goalName(index: number, doc?: unknown): string {
  const n = (doc as GoalsLike | undefined)?.goals?.[index]?.number;
  return `目標${typeof n === "number" && Number.isInteger(n) ? n : index + 1}`;
}

type Label = string | ((index: number, doc: unknown) => string);
interface Rule {
  label: Label;
  /** Said only when the path ends here: `measure` in `…measure.target` adds nothing. */
  silentIfMore?: boolean;
}

// Keyed by the path with every index written `#`.
const RULES: Record<string, Rule> = {
  format: { label: "形式" },
  municipality: { label: "団体", silentIfMore: true },
  "municipality.code": { label: "団体コード" },
  "municipality.name": { label: "団体名" },
  "municipality.prefecture": { label: "都道府県" },
  fiscalYear: { label: "年度" },
  documentTitle: { label: "文書名" },
  documentSubtitle: { label: "副題" },
  department: { label: "部局", silentIfMore: true },
  "department.name": { label: "部局名" },
  "department.code": { label: "部局コード" },
  "department.head": { label: "部局長", silentIfMore: true },
  "department.head.title": { label: "部局長の役職" },
  "department.head.name": { label: "部局長の氏名" },
  "department.contact": { label: "連絡先", silentIfMore: true },
  "department.contact.phone": { label: "連絡先の電話番号" },
  "department.contact.extension": { label: "連絡先の内線" },
  "department.contact.email": { label: "連絡先のメールアドレス" },
  evaluationScale: { label: "評価基準" },
  "evaluationScale.name": { label: "名称" },
  "evaluationScale.levels": { label: "段階", silentIfMore: true },
  "evaluationScale.levels.#": { label: (i) => `段階 ${i + 1}` },
  "evaluationScale.levels.#.level": { label: "番号" },
  "evaluationScale.levels.#.label": { label: "表示" },
  "evaluationScale.levels.#.meaning": { label: "意味" },
  goals: { label: "部局目標", silentIfMore: true },
  "goals.#": { label: (i, doc) => goalName(i, doc) },
  "goals.#.number": { label: "番号" },
  "goals.#.mission": { label: "組織使命" },
  "goals.#.title": { label: "組織使命達成に向けての目標" },
  "goals.#.policyRefs": { label: "関連の施策・基本事業番号", silentIfMore: true },
  "goals.#.policyRefs.#": { label: (i) => `関連の施策・基本事業番号 ${i + 1}` },
  "goals.#.currentState": { label: "現在の状態", silentIfMore: true },
  "goals.#.currentState.#": { label: (i) => `現在の状態 ${i + 1}` },
  "goals.#.targets": { label: "達成目標", silentIfMore: true },
  "goals.#.targets.#": { label: (i) => `達成目標${circled(i + 1)}` },
  "goals.#.targets.#.label": { label: "番号記号" },
  "goals.#.targets.#.text": { label: "内容" },
  "goals.#.targets.#.measure": { label: "測定方法", silentIfMore: true },
  "goals.#.targets.#.measure.kind": { label: "測定方法" },
  "goals.#.targets.#.measure.indicator": { label: "指標" },
  "goals.#.targets.#.measure.unit": { label: "単位" },
  "goals.#.targets.#.measure.comparator": { label: "比較" },
  "goals.#.targets.#.measure.target": { label: "目標値" },
  "goals.#.targets.#.measure.baseline": { label: "基準値", silentIfMore: true },
  "goals.#.targets.#.measure.baseline.value": { label: "基準値" },
  "goals.#.targets.#.measure.baseline.fiscalYear": { label: "基準年度" },
  "goals.#.targets.#.result": { label: "結果", silentIfMore: true },
  "goals.#.targets.#.result.actual": { label: "実績値" },
  "goals.#.targets.#.result.status": { label: "達成状況" },
  "goals.#.targets.#.result.text": { label: "結果の説明" },
  "goals.#.desiredState": { label: "目標が達成した状態" },
  "goals.#.means": { label: "目標を達成するための手段", silentIfMore: true },
  "goals.#.means.#": { label: (i) => `手段 ${i + 1}` },
  "goals.#.progress": { label: "中間報告", silentIfMore: true },
  "goals.#.progress.#": { label: (i) => `中間報告 ${i + 1}` },
  "goals.#.progress.#.asOf": { label: "基準日" },
  "goals.#.progress.#.status": { label: "状況" },
  "goals.#.progress.#.note": { label: "メモ" },
  "goals.#.progress.#.values": { label: "値", silentIfMore: true },
  "goals.#.progress.#.values.#": { label: (i) => `値 ${i + 1}` },
  "goals.#.progress.#.values.#.target": { label: "対象の達成目標" },
  "goals.#.progress.#.values.#.actual": { label: "実績値" },
  "goals.#.evaluation": { label: "自己評価", silentIfMore: true },
  "goals.#.evaluation.level": { label: "自己評価の段階" },
  "goals.#.evaluation.reason": { label: "自己評価の理由" },
  "goals.#.evaluation.score": { label: "第二の評価" },
  "goals.#.evaluation.asOf": { label: "評価日" },
  "goals.#.evaluation.result": { label: "成果・実績" },
  "goals.#.evaluation.issues": { label: "課題" },
  "goals.#.evaluation.nextSteps": { label: "今後の取組" },
  "goals.#.owner": { label: "担当所属", silentIfMore: true },
  "goals.#.owner.unit": { label: "担当所属" },
  "goals.#.owner.head": { label: "所属長", silentIfMore: true },
  "goals.#.owner.head.title": { label: "所属長の役職" },
  "goals.#.owner.head.name": { label: "所属長の氏名" },
  "goals.#.owner.contact": { label: "所属の連絡先", silentIfMore: true },
  "goals.#.owner.contact.phone": { label: "所属の電話番号" },
  "goals.#.owner.contact.extension": { label: "所属の内線" },
  "goals.#.owner.contact.email": { label: "所属のメールアドレス" },
  "goals.#.plan": { label: "今年度の目標" },
  "goals.#.tags": { label: "タグ", silentIfMore: true },
  "goals.#.tags.#": { label: (i) => `タグ ${i + 1}` },
  "goals.#.targets.#.tags": { label: "タグ", silentIfMore: true },
  "goals.#.targets.#.tags.#": { label: (i) => `タグ ${i + 1}` },
  "goals.#.budget": { label: "予算", silentIfMore: true },
  "goals.#.budget.#": { label: (i) => `予算 ${i + 1}` },
  "goals.#.budget.#.label": { label: "区分" },
  "goals.#.budget.#.amount": { label: "金額" },
  "goals.#.budget.#.unit": { label: "単位" },
  "goals.#.budget.#.fiscalYear": { label: "年度" },
  "goals.#.targets.#.measure.references": { label: "参考値", silentIfMore: true },
  "goals.#.targets.#.measure.references.#": { label: (i) => `参考値 ${i + 1}` },
  "goals.#.targets.#.measure.references.#.value": { label: "値" },
  "goals.#.targets.#.measure.references.#.fiscalYear": { label: "年度" },
  "goals.#.targets.#.measure.references.#.label": { label: "名称" },
  "goals.#.targets.#.measure.longTerm": { label: "長期目標", silentIfMore: true },
  "goals.#.targets.#.measure.longTerm.#": { label: (i) => `長期目標 ${i + 1}` },
  "goals.#.targets.#.measure.longTerm.#.target": { label: "目標値" },
  "goals.#.targets.#.measure.longTerm.#.fiscalYear": { label: "目標年度" },
  "goals.#.targets.#.measure.longTerm.#.label": { label: "名称" },
  "goals.#.targets.#.measure.period": { label: "集計期間" },
  scoreScale: { label: "第二の評価基準" },
  "scoreScale.name": { label: "名称" },
  "scoreScale.range": { label: "範囲", silentIfMore: true },
  "scoreScale.range.min": { label: "最小値" },
  "scoreScale.range.max": { label: "最大値" },
  "scoreScale.range.step": { label: "刻み" },
  "scoreScale.levels": { label: "段階", silentIfMore: true },
  "scoreScale.levels.#": { label: (i) => `段階 ${i + 1}` },
  "scoreScale.levels.#.level": { label: "番号" },
  "scoreScale.levels.#.label": { label: "表示" },
  tagVocabularies: { label: "タグの語彙", silentIfMore: true },
  "tagVocabularies.#": { label: (i) => `語彙 ${i + 1}` },
  "tagVocabularies.#.id": { label: "語彙の識別子" },
  "tagVocabularies.#.name": { label: "語彙の名称" },
  "tagVocabularies.#.tags": { label: "タグ", silentIfMore: true },
  "tagVocabularies.#.tags.#": { label: (i) => `タグ ${i + 1}` },
  "tagVocabularies.#.tags.#.id": { label: "識別子" },
  "tagVocabularies.#.tags.#.label": { label: "表示" },
};

/**
 * The Japanese name of the field at a JSON path, as the form labels it:
 * `goals[1].targets[0].measure.target` → 「目標2 の 達成目標① の 目標値」. With the document,
 * goals are named by their own numbers; without it, by position.
 */
export function japanesePath(path: string, doc?: unknown): string {
  const tokens = parseJsonPath(path);
  if (tokens.length === 0) return "文書全体";
  const parts: string[] = [];
  let pattern = "";
  tokens.forEach((t, i) => {
    pattern += typeof t === "number" ? (pattern === "" ? "#" : ".#") : pattern === "" ? t : `.${t}`;
    const rule = RULES[pattern];
    const more = i < tokens.length - 1;
    if (rule === undefined) {
      parts.push(typeof t === "number" ? `${t + 1}番目` : t);
      return;
    }
    if (rule.silentIfMore && more) return;
    parts.push(typeof rule.label === "string" ? rule.label : rule.label(Number(t), doc));
  });
  return parts.join(" の ");
}

const COMPARATOR_NAMES: Record<string, string> = {
  ">=": "≧（以上）",
  ">": "＞（超）",
  "<=": "≦（以下）",
  "<": "＜（未満）",
  "=": "＝（ちょうど）",
};

const TYPE_NAMES: Record<string, string> = {
  "an object": "項目のまとまり",
  "an array": "一覧",
  "an integer": "整数",
  "a number": "数値",
  "a string": "文字列",
  "a boolean": "真偽値",
  null: "空（null）",
};

type Rewrite = [RegExp, (m: RegExpMatchArray) => string];

const MESSAGES: Rewrite[] = [
  [/^is required$/, () => "入力してください"],
  [/^must not be empty$/, () => "入力してください"],
  [/^must be at most (\d+) characters$/, (m) => `${m[1]}文字以内で入力してください`],
  [/^must be at least (\d+) characters$/, (m) => `${m[1]}文字以上で入力してください`],
  [/^must have at most (\d+) items$/, (m) => `${m[1]}件までにしてください`],
  [/^must have at least (\d+) items?$/, (m) => `${m[1]}件以上必要です`],
  [/^must be at most (-?[\d.e+]+)$/, (m) => `${m[1]}以下にしてください`],
  [/^must be at least (-?[\d.e+]+)$/, (m) => `${m[1]}以上にしてください`],
  [
    /^must be a finite number between/,
    () => "数値を入力してください（桁が多すぎる数は使えません）",
  ],
  [
    /^must be one of >=, >, <=, <, =$/,
    () => `比較は ${Object.values(COMPARATOR_NAMES).join("・")} から選んでください`,
  ],
  [
    /^must be one of achieved, partial, not_achieved$/,
    () => "達成状況は「達成」「一部達成」「未達成」から選んでください",
  ],
  [/^must be one of (.+)$/, (m) => `次のいずれかにしてください: ${m[1]}`],
  [
    /^must be numeric or milestone$/,
    () => "測定方法は「数値目標」か「数値のない目標」にしてください",
  ],
  [
    /^must be (an? [a-z]+), not (an? [a-z]+|null)$/,
    (m) =>
      `${TYPE_NAMES[m[1] ?? ""] ?? m[1]}で入力してください（${TYPE_NAMES[m[2] ?? ""] ?? m[2]}になっています）`,
  ],
  [/^must be "(.+)"$/, (m) => `「${m[1]}」にしてください`],
  [/^must not contain the NUL character$/, () => "使えない制御文字（NUL）が含まれています"],
  [/^must be well-formed Unicode text$/, () => "正しく表せない文字が含まれています"],
  [
    /^is not a key of tassei\.manifesto\/v1/,
    () => "この形式にない項目です（誤字の可能性があります）",
  ],
  [
    /^duplicates the number of goals\[(\d+)\] \((\d+)\); goal numbers must be unique$/,
    (m) =>
      `目標番号 ${m[2]} が ${Number(m[1]) + 1}番目の目標と重なっています。番号は重ならないようにしてください`,
  ],
  [
    /^must be a level of the scale "(.*)" \((.*)\)$/,
    (m) => `評価基準「${m[1]}」の段階（${m[2]}）から選んでください`,
  ],
  [
    /^needs a numeric measure on the target/,
    () => "実績値を入れるには、測定方法を「数値目標」にしてください",
  ],
  [
    /^needs a milestone measure on the target/,
    () => "達成状況を選ぶには、測定方法を「数値のない目標」にしてください",
  ],
  [/^must be a date written YYYY-MM-DD$/, () => "日付は 2024-03-31 の形で入力してください"],
  [/^must be a real calendar date$/, () => "実在する日付を入力してください"],
  [
    /^must not be earlier than the report before it \((.*)\)/,
    (m) => `前の中間報告（${m[1]}）より前の日付にはできません`,
  ],
  [/^must be the index of a target of this goal/, () => "この目標の達成水準を指定してください"],
  [/^must name a target with a numeric measure$/, () => "数値目標の達成水準を指定してください"],
  [/^must stay (\S+)$/, (m) => `${m[1]} から変更できません`],
  [/^must stay this manifesto's department/, () => "このマニフェストの部局から変更できません"],
  [/^has a wrong check digit$/, () => "検査数字が正しくありません"],
  [/^must be 6 digits/, () => "6桁の数字で入力してください（全国地方公共団体コード）"],
  [
    /^level (-?\d+) appears more than once in the scale$/,
    (m) => `段階 ${m[1]} が評価基準に重複しています`,
  ],
  [/^must have either range or levels$/, () => "範囲か段階のどちらか一方を指定してください"],
  [/^must be above min$/, () => "最小値より大きくしてください"],
  [
    /^must be between (-?[\d.e+]+) and (-?[\d.e+]+) \((.*)\)$/,
    (m) => `「${m[3]}」の範囲（${m[1]}〜${m[2]}）で入力してください`,
  ],
  [
    /^needs a scoreScale/,
    () => "第二の評価を入れるには、第二の評価基準（名称と範囲）を定めてください",
  ],
  [/^names no tag of a known vocabulary/, () => "定義されていないタグです"],
  [
    /^must be written vocabulary:tag/,
    () => "タグは 語彙:タグ の形（例 sdg:3、indicator:outcome）で入力してください",
  ],
  [
    /^must not be before the document's fiscal year \((\d+)\)$/,
    (m) => `文書の年度（${m[1]}年度）より前にはできません`,
  ],
  [/^is already a vocabulary/, () => "この語彙の識別子はすでに使われています"],
  [/^is not valid JSON/, () => "JSON として読み取れません"],
  [
    /^is not UTF-8 text/,
    () => "UTF-8 のテキストではありません（Shift_JIS などではなく UTF-8 で保存してください）",
  ],
  [/^is required for --format (\S+)$/, (m) => `--format ${m[1]} では指定が必要です`],
  [
    /^is required for --format (\S+) on a terminal$/,
    (m) => `--format ${m[1]} は画面に出せないため、出力先の指定が必要です`,
  ],
  [
    /^no manifesto matches the municipality, year and department$/,
    () => "指定した団体・年度・部局のマニフェストがありません",
  ],
];

/** A server message in Japanese; an unknown message is returned as it is. */
export function japaneseMessage(message: string): string {
  for (const [pattern, rewrite] of MESSAGES) {
    const m = message.match(pattern);
    if (m) return rewrite(m);
  }
  // A problem of an Excel template names its cell first: 「部局名（department.name）: is required」.
  const located = /^([^:]+): (.+)$/su.exec(message);
  if (located?.[1] && located[2]) {
    const inner = japaneseMessage(located[2]);
    if (inner !== located[2]) return `${located[1]}：${inner}`;
  }
  return message;
}

/** 「目標2 の 達成目標① の 目標値：数値を入力してください」 */
export function japaneseProblem(problem: { path: string; message: string }, doc?: unknown): string {
  return `${japanesePath(problem.path, doc)}：${japaneseMessage(problem.message)}`;
}
