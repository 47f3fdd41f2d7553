import { describe, expect, it } from "vitest";
import { lookUpLocalGovernment } from "./local-government-codes.ts";

describe("the bundled list of local-government codes", () => {
  it("finds a city, a ward and a prefecture with their readings", () => {
    expect(lookUpLocalGovernment("242161")).toEqual({
      ok: true,
      found: { code: "242161", name: "伊賀市", prefecture: "三重県", nameKana: "いがし" },
    });
    const ward = lookUpLocalGovernment("131016");
    expect(ward.ok && ward.found?.prefecture).toBe("東京都");
    const pref = lookUpLocalGovernment("240001");
    expect(pref.ok && pref.found?.name).toBe("三重県");
  });
  it("refuses a wrong check digit and anything but six digits, in Japanese", () => {
    expect(lookUpLocalGovernment("242162")).toMatchObject({
      ok: false,
      message: expect.stringContaining("検査数字"),
    });
    expect(lookUpLocalGovernment("24216")).toMatchObject({
      ok: false,
      message: expect.stringContaining("6桁"),
    });
  });
  it("answers nothing found for a valid code not in the list", () => {
    // 99999 with its check digit: valid by the check digit, no such government.
    expect(lookUpLocalGovernment("999997")).toEqual({ ok: true, found: null });
  });
});
