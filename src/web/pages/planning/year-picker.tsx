// The municipality and fiscal year a planning page is about, kept in the address
// (?municipality=…&year=…) so a page can be bookmarked and shared. The fiscal year changes
// with a button, not on selection, so choosing in the list never moves the page by itself.
import { type FormEvent, useEffect, useId, useState } from "react";
import { useSearchParams } from "react-router";
import { formatFiscalYear } from "../../../domain/era.ts";
import { useSignedIn } from "../../app/session.tsx";

/** The year in the address, when it is a plausible fiscal year. */
export function useYearParam(): number | undefined {
  const [params] = useSearchParams();
  const raw = params.get("year");
  if (raw === null || !/^\d{4}$/.test(raw)) return undefined;
  return Number(raw);
}

/** The municipality: the signed-in user's own, or for an installation administrator the one
 * named in the address (null until one is chosen). */
export function useMunicipalityParam(): string | null {
  const { user } = useSignedIn();
  const [params] = useSearchParams();
  return user.municipalityCode ?? params.get("municipality");
}

export function MunicipalityPicker() {
  const [params, setParams] = useSearchParams();
  const [code, setCode] = useState(params.get("municipality") ?? "");
  const id = useId();
  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams(params);
    next.set("municipality", code.trim());
    next.delete("year");
    setParams(next);
  }
  return (
    <form className="picker" onSubmit={submit}>
      <div>
        <label htmlFor={id}>団体コード</label>
        <input
          id={id}
          inputMode="numeric"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="hint">
          6桁の全国地方公共団体コード（例: 242161）
        </p>
      </div>
      <button type="submit">表示</button>
    </form>
  );
}

export function YearPicker({
  years,
  current,
  offerNext = false,
}: {
  years: readonly number[];
  current: number;
  /** Also offer the year after the newest (a year to open). */
  offerNext?: boolean;
}) {
  const [params, setParams] = useSearchParams();
  const [chosen, setChosen] = useState(String(current));
  useEffect(() => setChosen(String(current)), [current]);
  const id = useId();
  const known = new Set(years);
  const options = [...years];
  const next = Math.max(current, ...years) + 1;
  if (offerNext) options.push(next);
  if (!known.has(current)) options.push(current);
  const sorted = [...new Set(options)].sort((a, b) => b - a);

  function submit(event: FormEvent) {
    event.preventDefault();
    const nextParams = new URLSearchParams(params);
    nextParams.set("year", chosen);
    setParams(nextParams);
  }
  return (
    <form className="picker" onSubmit={submit}>
      <div>
        <label htmlFor={id}>年度</label>
        <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {sorted.map((y) => (
            <option key={y} value={y}>
              {formatFiscalYear(y)}
              {known.has(y) ? "" : "（未開始）"}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">表示</button>
    </form>
  );
}
