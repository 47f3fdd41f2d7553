// The accessibility statement names the operator's contact when one is configured
// (TASSEI_ACCESSIBILITY_CONTACT), as text, and says the staff workspace's level in one phrase.
import { describe, expect, it } from "vitest";
import { conformanceOf } from "../../../domain/accessibility/conformance.ts";
import { accessibilityPage } from "./accessibility.ts";

describe("the accessibility statement", () => {
  it("gives the configured contact as text", () => {
    const page = accessibilityPage("伊賀市 総務部 広報課 <b>0595-22-9601</b>");
    expect(page).toContain("伊賀市 総務部 広報課 &lt;b&gt;0595-22-9601&lt;/b&gt;");
  });

  it("falls back to the departments' contacts when none is configured", () => {
    expect(accessibilityPage()).toContain("各マニフェストのページに記載の部局の連絡先");
  });

  it("lists unmet criteria only when the staff workspace is not 準拠", () => {
    const listed = accessibilityPage().includes("満たしていない達成基準は下の表に示します");
    expect(listed).toBe(conformanceOf("staff") !== "準拠");
  });
});
