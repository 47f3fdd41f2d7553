// Cell styles shared by every sheet. The font is named explicitly with the Shift_JIS charset
// so Japanese Excel picks a Japanese face instead of substituting one per glyph.
import type ExcelJS from "exceljs";

export const FONT_NAME = "游ゴシック";

export const FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 10, charset: 128 };

const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
export const BORDER: Partial<ExcelJS.Borders> = {
  top: thin,
  left: thin,
  bottom: thin,
  right: thin,
};

export const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFE7EEF7" },
};
