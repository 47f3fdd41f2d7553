// What every browser test shares: the address of the server the global setup started, the
// portal's addresses for the test data, and the accessibility scan.
import { AxeBuilder } from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { BASE_URL_VARIABLE, STATIC_URL_VARIABLE } from "./global-setup.ts";
import { BOUSAI_DEPARTMENT, DRAFT_DEPARTMENT, IGA } from "./test-data.ts";

/** Which portal a spec runs against: the live server, or Iga's static export under a prefix. */
export type Portal = "live" | "static";
export interface PortalOptions {
  portal: Portal;
}

export const test = base.extend<PortalOptions>({
  // Set per project in playwright.config.ts.
  portal: ["live", { option: true }],
  baseURL: async ({ portal }, use) => {
    const variable = portal === "static" ? STATIC_URL_VARIABLE : BASE_URL_VARIABLE;
    const url = process.env[variable];
    if (!url) throw new Error(`${variable} is not set: run through playwright.config.ts`);
    await use(url);
  },
});

/** Tag of a test that needs the live server (exported files hold one municipality only). */
export const LIVE_ONLY = "@live-only";
export { expect };

const seg = encodeURIComponent;

/**
 * Addresses relative to the base URL for either portal: the export has no server to map
 * /242161 to a file, so its pages are the directories' index.html.
 */
export const portalPaths = (portal: Portal) => {
  const page = (p: string) => (portal === "static" ? `${p}/index.html` : p);
  return {
    municipality: page(`./${IGA.code}`),
    search: (q: string) => `${page(`./${IGA.code}/search`)}?q=${seg(q)}`,
  };
};

/** The address of a page of `paths` as the browser shows it on either portal. */
export const pageUrl = (portal: Portal, path: string): RegExp =>
  new RegExp(portal === "static" ? `${path}/(index\\.html)?$` : `${path}$`);
export const paths = {
  municipality: `/${IGA.code}`,
  year: `/${IGA.code}/2023`,
  manifesto: `/${IGA.code}/2023/${seg("総務部")}`,
  bousai: `/${IGA.code}/2023/${seg(BOUSAI_DEPARTMENT)}`,
  draft: `/${IGA.code}/2023/${seg(DRAFT_DEPARTMENT)}`,
  draftJson: `/${IGA.code}/2023/${seg(DRAFT_DEPARTMENT)}/manifesto.json`,
  draftHistory: `/${IGA.code}/departments/${seg(DRAFT_DEPARTMENT)}`,
  department: `/${IGA.code}/departments/${seg("総務部")}`,
  indicators: `/${IGA.code}/indicators`,
  search: (q: string) => `/${IGA.code}/search?q=${seg(q)}`,
};

const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export const scanWithAxe = (page: Page) => new AxeBuilder({ page }).withTags(WCAG_AA).analyze();

/** Runs axe on the page and fails with each violation's rule, impact and elements. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const result = await scanWithAxe(page);
  // An empty scan (no rule applied) would pass anything.
  expect(result.passes.length).toBeGreaterThan(0);
  const described = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  expect(described, `axe violations on ${page.url()}`).toEqual([]);
}
