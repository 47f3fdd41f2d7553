import { describe, expect, it } from "vitest";
import { exportFileFor, linkedAddresses, relativeLink, rewriteLinks } from "./paths.ts";

describe("static export paths", () => {
  it("puts a page in its folder's index.html and a download beside it", () => {
    expect(exportFileFor("/")).toBe("index.html");
    expect(exportFileFor("/242161/2023/%E7%B7%8F%E5%8B%99%E9%83%A8")).toBe(
      "242161/2023/総務部/index.html",
    );
    expect(exportFileFor("/242161/2023/x/manifesto.pdf")).toBe("242161/2023/x/manifesto.pdf");
    expect(exportFileFor("/assets/portal.css")).toBe("assets/portal.css");
  });

  it("keeps a name that would leave its folder encoded", () => {
    expect(exportFileFor("/242161/departments/a%2Fb")).toBe("242161/departments/a%2Fb/index.html");
    expect(exportFileFor("/242161/departments/%2E%2E")).toBe(
      "242161/departments/%2E%2E/index.html",
    );
    expect(relativeLink("index.html", "242161/departments/a%2Fb/index.html")).toBe(
      "242161/departments/a%252Fb/index.html",
    );
  });

  it("links relative to the page, encoded, keeping query and fragment", () => {
    expect(relativeLink("242161/2023/index.html", "assets/portal.css")).toBe(
      "../../assets/portal.css",
    );
    expect(relativeLink("242161/2023/index.html", "242161/2023/総務部/index.html")).toBe(
      "%E7%B7%8F%E5%8B%99%E9%83%A8/index.html",
    );
    expect(relativeLink("242161/2023/index.html", "242161/2023/index.html")).toBe("index.html");
    const page =
      '<a href="/">t</a><a href="#goal-1">g</a><form action="/242161/search"></form>' +
      '<a href="/242161/search?year=2023&amp;q=x#r">s</a><a href="https://example.jp/">e</a>' +
      '<a href="//cdn.example/x.js">c</a><div data-index-href="/242161/search-index.json"></div>';
    expect(rewriteLinks(page, "242161/2023/index.html")).toBe(
      '<a href="../../index.html">t</a><a href="#goal-1">g</a><form action="../search/index.html"></form>' +
        '<a href="../search/index.html?year=2023&amp;q=x#r">s</a><a href="https://example.jp/">e</a>' +
        '<a href="//cdn.example/x.js">c</a><div data-index-href="../search-index.json"></div>',
    );
    expect(linkedAddresses(page)).toEqual(["/", "/242161/search", "/242161/search-index.json"]);
  });
});
