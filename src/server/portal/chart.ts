// The chart of an indicator across fiscal years: baseline, target and actual, rendered on
// the server to SVG by ECharts. The page shows a data table next to it, so the chart itself
// is one image to assistive technology. ECharts is loaded on first use only: it is large,
// and most requests never draw a chart.

export interface ChartYear {
  fiscalYear: number;
  baseline?: number;
  target?: number;
  actual?: number;
}

const COLORS = { actual: "#0017c1", target: "#c74700", baseline: "#666666" };

/**
 * ECharts writes font settings as style attributes and hover rules in a <style> element;
 * a CSP without unsafe-inline blocks both. Hover does nothing without script, and the font
 * settings have equivalent SVG presentation attributes.
 */
export function withoutInlineStyles(svg: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/ style="([^"]*)"/g, (_m, decl: string) =>
      decl
        .split(";")
        .map((d) => [d.slice(0, d.indexOf(":")).trim(), d.slice(d.indexOf(":") + 1).trim()])
        .filter(([k, v]) => k && v && /^[a-z-]+$/.test(k) && /^[\w\s.,#%'-]+$/.test(v))
        .map(([k, v]) => ` ${k}="${(v ?? "").replace(/"/g, "'")}"`)
        .join(""),
    );
}

/**
 * ECharts names its clip paths and classes after a counter of every chart the process has
 * drawn (zr0-c0, then zr3-c0 …): the same figures would give another page each time, and the
 * static export would carry every chart across again. The class names only served the
 * removed <style>; the one chart of a page is named chart-.
 */
export function stableIds(svg: string): string {
  return svg.replace(/ class="zr\d+-cls-\d+"/g, "").replace(/\bzr\d+-/g, "chart-");
}

export async function renderIndicatorChart(
  years: readonly ChartYear[],
  options: { unit: string; label: string; width?: number; height?: number },
): Promise<string> {
  const echarts = await import("echarts");
  const width = options.width ?? 480;
  const height = options.height ?? 300;
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  const value = (v: number | undefined) => (v === undefined ? null : v);
  try {
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      textStyle: { fontFamily: "Noto Sans JP, sans-serif", fontSize: 15 },
      grid: { left: 56, right: 24, top: 56, bottom: 40 },
      legend: { top: 8, textStyle: { color: "#1a1a1a", fontSize: 15 } },
      xAxis: {
        type: "category",
        data: years.map((y) => `${y.fiscalYear}年度`),
        axisLabel: { color: "#333333", fontSize: 14 },
      },
      yAxis: {
        type: "value",
        name: options.unit,
        scale: true,
        axisLabel: { color: "#333333" },
        nameTextStyle: { color: "#333333" },
      },
      series: [
        {
          name: "実績",
          type: "line",
          data: years.map((y) => value(y.actual)),
          connectNulls: true,
          symbol: "circle",
          symbolSize: 9,
          lineStyle: { width: 3, color: COLORS.actual },
          itemStyle: { color: COLORS.actual },
          label: { show: true, position: "top", color: COLORS.actual },
        },
        {
          name: "目標",
          type: "line",
          data: years.map((y) => value(y.target)),
          connectNulls: true,
          symbol: "triangle",
          symbolSize: 11,
          lineStyle: { width: 2, type: "dashed", color: COLORS.target },
          itemStyle: { color: COLORS.target },
        },
        {
          name: "基準値",
          type: "scatter",
          data: years.map((y) => value(y.baseline)),
          // An open square around the point, drawn above the lines: where the baseline
          // equals that year's actual value, both marks stay visible (issue 18).
          z: 3,
          symbol: "rect",
          symbolSize: 16,
          itemStyle: {
            color: "transparent",
            borderColor: COLORS.baseline,
            borderWidth: 2,
            opacity: 1,
          },
        },
      ],
    });
    const svg = stableIds(withoutInlineStyles(chart.renderToSVGString()));
    // The figure's caption and table say what the chart shows; the SVG is one image.
    return svg.replace(
      "<svg ",
      `<svg role="img" aria-label="${escapeAttribute(options.label)}" focusable="false" `,
    );
  } finally {
    chart.dispose();
  }
}

function escapeAttribute(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
