// Checks of WCAG success criteria that axe does not make, computed in Chromium: the accessible
// names of the browser's own accessibility tree (2.5.3), what covers a focused element
// (2.4.7 / 2.4.11), the 1.4.12 text spacing, sideways scrolling (1.4.10) and the contrast of
// graphics (1.4.11).
import type { Page } from "@playwright/test";

const CONTROL_ROLES = new Set([
  "button",
  "link",
  "textbox",
  "searchbox",
  "combobox",
  "checkbox",
  "radio",
  "menuitem",
  "tab",
  "switch",
  "spinbutton",
  "slider",
]);

/** What a sighted person reads as the control's label: its own text (without what is
 * aria-hidden or not rendered), or for a form field the text of its <label>s. */
const VISIBLE_TEXT = `function () {
  // The parts inside a date field are the browser's own (its user-agent shadow tree).
  if (this.getRootNode() instanceof ShadowRoot) return "";
  const textOf = (root) => {
    let out = "";
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest('[aria-hidden="true"]')) continue;
      if (!parent.checkVisibility({ visibilityProperty: true })) continue;
      out += n.textContent;
    }
    return out;
  };
  if (this.labels && this.labels.length > 0) return [...this.labels].map(textOf).join(" ");
  if (this instanceof HTMLInputElement) return this.type === "submit" || this.type === "button" ? this.value : "";
  if (this instanceof HTMLTextAreaElement || this instanceof HTMLSelectElement) return "";
  return textOf(this);
}`;

/** Letters and digits only: spaces, brackets and symbols such as ↑ or × are not words a
 * voice-control user says. NFKC so that full- and half-width forms compare equal. */
export const words = (s: string) => s.normalize("NFKC").replace(/[^\p{L}\p{N}]/gu, "");

export interface NameMismatch {
  role: string;
  name: string;
  visible: string;
}

/**
 * Every control in the page's accessibility tree whose accessible name does not contain its
 * visible label (WCAG 2.5.3 Label in Name), as Chromium computes the name.
 */
export async function labelInNameMismatches(page: Page): Promise<NameMismatch[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.getDocument", { depth: -1 });
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const out: NameMismatch[] = [];
    for (const node of nodes) {
      const role = String(node.role?.value ?? "");
      if (node.ignored || !CONTROL_ROLES.has(role) || node.backendDOMNodeId === undefined) continue;
      const name = String(node.name?.value ?? "");
      const { object } = await cdp.send("DOM.resolveNode", {
        backendNodeId: node.backendDOMNodeId,
      });
      if (!object.objectId) continue;
      const { result } = await cdp.send("Runtime.callFunctionOn", {
        objectId: object.objectId,
        functionDeclaration: VISIBLE_TEXT,
        returnByValue: true,
      });
      const visible = String(result.value ?? "").trim();
      if (words(visible) === "") continue;
      if (!words(name).includes(words(visible))) out.push({ role, name, visible });
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

/** WCAG 1.4.12's spacing: line height 1.5, paragraphs 2, letters 0.12, words 0.16 (em). */
export async function applyTextSpacing(page: Page): Promise<void> {
  // A constructed style sheet: the pages' content security policy refuses a <style> element.
  await page.evaluate(`(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync("* { line-height: 1.5 !important; letter-spacing: 0.12em !important;" +
      " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }");
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  })()`);
}

/** How far the page scrolls sideways beyond the window (0 when it fits), and the outermost
 * elements that reach beyond it (not counting those inside a region that scrolls itself). */
export const sidewaysOverflow = (page: Page) =>
  page.evaluate<{ overflow: number; beyond: string[] }>(`(() => {
    const width = document.documentElement.clientWidth;
    const beyond = [];
    for (const el of document.body.querySelectorAll("*")) {
      if (el.getBoundingClientRect().right <= width + 0.5) continue;
      let scroller = el.parentElement;
      while (scroller && !/auto|scroll|hidden/.test(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
      if (scroller && scroller !== document.body && scroller !== document.documentElement) continue;
      if (beyond.length < 8) beyond.push(el.tagName.toLowerCase() + "." + el.className + " → " + Math.round(el.getBoundingClientRect().right));
    }
    return { overflow: document.documentElement.scrollWidth - width, beyond };
  })()`);

/** Elements whose text is cut off or spills out of a box that hides overflow (1.4.12). */
export const clippedText = (page: Page) =>
  page.evaluate<string[]>(`(() => {
    const out = [];
    for (const el of document.querySelectorAll("main *, header *")) {
      // A form field scrolls its own text; a hidden helper is meant to be clipped.
      if (el.matches("input, textarea, select")) continue;
      if (!el.checkVisibility() || el.closest('[aria-hidden="true"], .visually-hidden')) continue;
      const s = getComputedStyle(el);
      const hides = (v) => v === "hidden" || v === "clip";
      if (!hides(s.overflowX) && !hides(s.overflowY)) continue;
      if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) {
        out.push(el.tagName.toLowerCase() + "." + el.className + ": " + (el.textContent || "").slice(0, 40));
      }
    }
    return out;
  })()`);

/** WCAG's relative luminance and contrast ratio of two sRGB colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (c: string) => {
    const m = c.match(/\d+(\.\d+)?/g);
    if (!m || m.length < 3) throw new Error(`not an rgb() colour: ${c}`);
    const [r, g, bl] = m.slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Numbers, Latin words and short control labels that the browser broke across lines
 * (「49./4%」, 「ログアウ/ト」): Japanese text may break between characters, but not inside these.
 * Full-width numbers too (「３１．６％」, 「令和４年度５１．３％」): the browser's line breaker
 * takes full-width digits for ideographs and may break between any two of them.
 */
export const brokenWords = (page: Page) =>
  page.evaluate<string[]>(`(() => {
    const out = [];
    // Boxes side by side overlap vertically (even in different font sizes); a box wholly
    // below the one before starts a new line.
    const lines = (range) => {
      const rects = [...range.getClientRects()].filter((r) => r.width > 0).sort((a, b) => a.top - b.top);
      let count = 0, bottom = -Infinity;
      for (const r of rects) {
        if (r.top >= bottom - 1) count++;
        bottom = Math.max(bottom, r.bottom);
      }
      return count;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || !parent.checkVisibility() || parent.closest("svg, option, select, textarea")) continue;
      for (const m of n.textContent.matchAll(/[0-9０-９][0-9０-９.,:．，：]*[0-9０-９%％]|[A-Za-z][A-Za-z']+/g)) {
        // Inside a run of ASCII longer than a line can hold (a URL, code) a break is forced.
        const before = n.textContent.slice(0, m.index).match(/[\x21-\x7e]*$/)[0].length;
        const after = n.textContent.slice(m.index).match(/^[\x21-\x7e]*/)[0].length;
        if (before + after > 24) continue;
        const range = document.createRange();
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        if (lines(range) > 1) out.push(m[0]);
      }
    }
    for (const el of document.querySelectorAll("a, button")) {
      const text = el.textContent.trim();
      if (!el.checkVisibility() || text.length === 0 || text.length > 7) continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      if (lines(range) > 1) out.push(text);
    }
    return out;
  })()`);
