import { describe, expect, it } from "vitest";
import { comparisonKey, nfkc, parseJapaneseNumber } from "./text.ts";

describe("nfkc and comparisonKey", () => {
  it("folds the forms that must compare equal", () => {
    expect(nfkc("ＡＢＣ１２３")).toBe("ABC123");
    expect(nfkc("①")).toBe("1");
    expect(nfkc("～")).toBe("~");
    expect(nfkc("ｶﾀｶﾅ")).toBe("カタカナ");
  });

  it("leaves characters without a compatibility form alone", () => {
    expect(nfkc("𠮷野家と髙﨑")).toBe("𠮷野家と髙﨑");
  });

  it("drops surrounding white space, full-width included", () => {
    expect(comparisonKey("　総務部 ")).toBe("総務部");
    expect(comparisonKey("ＳＮＳの登録者数")).toBe(comparisonKey("SNSの登録者数"));
  });
});

describe("parseJapaneseNumber", () => {
  it.each([
    ["１，２３４．５", 1234.5],
    ["1,234.5", 1234.5],
    ["51.3", 51.3],
    ["２０４", 204],
    ["－３", -3],
    ["-0.5", -0.5],
    ["+7", 7],
    [".5", 0.5],
    ["5.", 5],
    [" 42 ", 42],
    ["　８４　", 84],
  ])("%j → %d", (text, expected) => {
    expect(parseJapaneseNumber(text)).toBe(expected);
  });

  it.each([[""], ["abc"], ["49.4％"], ["1e3"], ["1.2.3"], ["Infinity"], ["--1"], ["①"], ["二十"]])(
    "%j → undefined",
    (text) => {
      expect(parseJapaneseNumber(text)).toBeUndefined();
    },
  );
});

describe("parseJapaneseNumber refuses what only NFKC makes look numeric", () => {
  it.each([["①84"], ["10²"], ["⒈5"], ["②"]])("%j → undefined", (text) => {
    expect(parseJapaneseNumber(text)).toBeUndefined();
  });
});
