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

  it("draws the baseline as an open square above the actual value, so neither hides the other", async () => {
    const svg = await renderIndicatorChart(
      [
        { fiscalYear: 2022, baseline: 51.3, actual: 51.3 },
        { fiscalYear: 2023, target: 55, actual: 49.4 },
      ],
      { unit: "%", label: "満足度" },
    );
    const at = (re: RegExp) => svg.search(re);
    // The actual value's filled circle, then the baseline's unfilled square at the same point.
    const actual = at(/<path d="M1 0A1[^>]*,156,181\.8\)" fill="#0017c1"/);
    const baseline = at(
      /<path d="M-1 -1l2 0l0 2l-2 0Z"[^>]*,156,181\.8\)" fill="none"[^>]*stroke="#666666"/,
    );
    expect(actual).toBeGreaterThan(0);
    expect(baseline).toBeGreaterThan(actual);
    expect(svg.slice(baseline, svg.indexOf(">", baseline))).not.toContain("stroke-opacity");
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
