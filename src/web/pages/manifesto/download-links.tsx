// ダウンロード: the manifesto as the interchange JSON (what 取り込み reads back), as Excel and as
// the official PDF, and the empty Excel template for writing one.
import "./workflow.css";
import { useId } from "react";

export function DownloadLinks(props: { manifestoId: number; headingLevel?: 2 | 3 }) {
  const headingId = useId();
  const Heading = `h${props.headingLevel ?? 2}` as const;
  const base = `/api/manifestos/${props.manifestoId}/export`;
  return (
    <section className="download-links" aria-labelledby={headingId}>
      <Heading id={headingId}>ダウンロード</Heading>
      <ul>
        <li>
          <a href={`${base}?format=json`} download>
            JSON（tassei.manifesto/v1）
          </a>
          <span className="hint">取り込みでそのまま読み込める形式</span>
        </li>
        <li>
          <a href={`${base}?format=xlsx`} download>
            Excel
          </a>
        </li>
        <li>
          <a href={`${base}?format=pdf`} download>
            PDF（公表用の様式）
          </a>
        </li>
        <li>
          <a href="/api/template.xlsx" download>
            記入用テンプレート（Excel）
          </a>
        </li>
      </ul>
    </section>
  );
}
