// Excel out and in: the published manifesto as a workbook, and the template departments fill in.
//
// A workbook from exportManifestoXlsx has the printable form 「マニフェスト」, the open-data
// table 「達成目標一覧」, and the entry sheets of the template (基本情報, 目標, 達成目標, 中間報告,
// 評価尺度) with a hidden marker sheet; importManifestoXlsx reads the entry sheets, so any
// exported workbook can be edited and imported again and gives back the same document.
import ExcelJS from "exceljs";
import "./jszip-utf8.ts";
import { DEFAULT_SCALE } from "../../domain/manifesto/default-scale.ts";
import {
  type EvaluationScale,
  evaluationScaleSchema,
  type ManifestoDocument,
} from "../../domain/manifesto/schema.ts";
import {
  type Problem,
  type ValidateOptions,
  type Validation,
  validateManifesto,
} from "../../domain/manifesto/validate.ts";
import type { OpenDataOptions } from "../csv/open-data.ts";
import { writeDetailsSheet } from "./details-sheet.ts";
import { writeFormSheet } from "./form-sheet.ts";
import { writeListSheet } from "./list-sheet.ts";
import { locateProblems } from "./locate.ts";
import { readTemplate } from "./template-read.ts";
import { writeTemplateSheets } from "./template-write.ts";
import { readableWorkbook, WorkbookRefused } from "./workbook-package.ts";

export interface XlsxExportOptions {
  /** The municipality's scale, for documents that carry none. */
  scale?: EvaluationScale;
  /** The assessment of the document (assessManifesto), for the 達成状況 column. */
  assessment?: unknown;
  statusOf?: OpenDataOptions["statusOf"];
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Tassei";
  return wb;
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportManifestoXlsx(
  doc: ManifestoDocument,
  options: XlsxExportOptions = {},
): Promise<Buffer> {
  const scale = doc.evaluationScale ?? options.scale ?? DEFAULT_SCALE;
  const wb = newWorkbook();
  writeFormSheet(wb, doc, scale);
  const listOptions: OpenDataOptions = { scale };
  if (options.statusOf) listOptions.statusOf = options.statusOf;
  writeListSheet(wb, { doc, assessment: options.assessment }, listOptions);
  writeDetailsSheet(wb, doc);
  writeTemplateSheets(wb, doc, options.scale ?? DEFAULT_SCALE);
  return toBuffer(wb);
}

/** The template a department fills in: empty, or prefilled from a document (e.g. last year's). */
export async function exportTemplateXlsx(
  options: { doc?: ManifestoDocument; scale?: EvaluationScale } = {},
): Promise<Buffer> {
  const wb = newWorkbook();
  writeTemplateSheets(wb, options.doc, options.scale ?? DEFAULT_SCALE);
  return toBuffer(wb);
}

/** The settings of the municipality with this code (undefined: the workbook names none). */
export type SettingsLookup = (municipalityCode: string | undefined) => Promise<ValidateOptions>;

function codeOf(raw: unknown): string | undefined {
  const municipality = (raw as { municipality?: { code?: unknown } } | null)?.municipality;
  return typeof municipality?.code === "string" ? municipality.code : undefined;
}

const whole = (message: string): Validation<ManifestoDocument> => ({
  ok: false,
  problems: [{ path: "$", message }],
});

/**
 * Reads a filled-in template (or an exported workbook) and validates it like JSON. Never
 * throws: a file that is not an .xlsx, or not our template, gives one problem saying so.
 */
export async function importManifestoXlsx(
  buffer: Buffer | Uint8Array,
  /**
   * The municipality's settings the document may rely on (scale, score scale, vocabularies),
   * or a lookup of them by the municipality code the workbook names, for a reader that does
   * not know the municipality before reading (the CLI's import).
   */
  settings: ValidateOptions | SettingsLookup = {},
): Promise<Validation<ManifestoDocument>> {
  const wb = new ExcelJS.Workbook();
  try {
    const bytes = Buffer.from(
      readableWorkbook(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)),
    );
    // exceljs's types predate Node's generic Buffer; the bytes are what it expects.
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    if (e instanceof WorkbookRefused)
      return whole(`Excel ファイルを取り込めません。${e.message}。`);
    return whole(
      "Excel ファイル（.xlsx）として読み込めません。ファイルが壊れているか、別の形式です（.xls や .ods は Excel で .xlsx として保存し直してください）。",
    );
  }
  let reading: ReturnType<typeof readTemplate>;
  try {
    reading = readTemplate(wb);
  } catch {
    return unforeseen();
  }
  if (typeof reading === "string") return whole(reading);
  // Outside the guards: a lookup that fails is the caller's error, not a strange workbook.
  const options = typeof settings === "function" ? await settings(codeOf(reading.raw)) : settings;
  try {
    const reference = evaluationScaleSchema.safeParse(reading.referenceScale);
    const scale = options.scale ?? (reference.success ? reference.data : undefined);
    const validation = validateManifesto(reading.raw, { ...options, ...(scale && { scale }) });
    if (validation.ok && reading.problems.length === 0) return validation;
    const problems: Problem[] = [
      ...reading.problems.map(({ path, message }) => ({ path, message })),
      ...locateProblems(validation.ok ? [] : validation.problems, reading),
    ];
    return { ok: false, problems };
  } catch {
    return unforeseen();
  }
}

/** A workbook shaped in a way we did not foresee must still not take the caller down. */
const unforeseen = () =>
  whole("Excel ファイルの内容を読み取れませんでした。様式をダウンロードし直して入力してください。");
