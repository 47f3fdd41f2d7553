import { describe, expect, it } from "vitest";
import { renderIndicatorChart, withoutInlineStyles } from "./chart.ts";

describe("indicator chart", () => {
  it("renders an SVG with no inline style or script, labelled for assistive technology", async () => {
    const svg = await renderIndicatorChart(
      [
        { fiscalYear: 2022, baseline: 51.3 },
        { fiscalYear: 2023, target: 55, actual: 49.4 },
      ],
      { unit: "%", label: `満足度"<script>` },
    );
    expect(svg.startsWith('<svg role="img"')).toBe(true);
    expect(svg).toContain('aria-label="満足度&#34;&#60;script&#62;"');
    expect(svg).not.toMatch(/<style|style="|<script/);
    expect(svg).toContain("2023年度");
    expect(svg).toContain("49.4");
  });

  it("turns style declarations into presentation attributes and drops the rest", () => {
    expect(
      withoutInlineStyles(
        '<svg><style>.a:hover{}</style><text style="font-size:12px;font-family:sans-serif;">x</text></svg>',
      ),
    ).toBe('<svg><text font-size="12px" font-family="sans-serif">x</text></svg>');
    expect(withoutInlineStyles('<text style="fill:url(javascript:x);">x</text>')).toBe(
      "<text>x</text>",
    );
  });

  it("draws the same figures as the same SVG, whatever was drawn before", async () => {
    const years = [{ fiscalYear: 2023, target: 55, actual: 49.4 }];
    const first = await renderIndicatorChart(years, { unit: "%", label: "x" });
    await renderIndicatorChart([{ fiscalYear: 2022, baseline: 1 }], { unit: "件", label: "y" });
    expect(await renderIndicatorChart(years, { unit: "%", label: "x" })).toBe(first);
    expect(first).toMatch(/clip-path="url\(#chart-c\d+\)"/);
  });
});
