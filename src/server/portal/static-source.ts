// The portal as the static export reads it: the whole application answering in process
// (app.inject), so every page and download is what the portal serves, byte for byte. Three
// addresses differ, because a static server cannot run them: the top page lists only the
// exported municipality, and the two search pages search in the browser.
import type { DatabaseHandle } from "../../db/connection.ts";
import type { ServiceContext } from "../../services/context.ts";
import type { PortalResponse, PortalSource } from "../../services/portal/export-static-portal.ts";
import { getPublicMunicipality } from "../../services/portal/get-public-municipality.ts";
import { listSearchFacets } from "../../services/portal/list-search-facets.ts";
import { buildApp } from "../app.ts";
import { homePage } from "./pages/municipality.ts";
import { facetOptions, searchPage } from "./pages/search.ts";
import { SEARCH_SCRIPT_PATH, STYLESHEET_PATH, urls } from "./urls.ts";

const HTML = "text/html; charset=utf-8";

export async function openPortalSource(
  database: DatabaseHandle,
  municipalityCode: string,
): Promise<PortalSource & { close(): Promise<void> }> {
  const app = await buildApp({ database, logLevel: "silent" });
  await app.ready();
  const ctx: ServiceContext = { db: database.db, actor: "public" };
  // Fails with not_found before anything is written when nothing is published.
  const { municipality } = await getPublicMunicipality(ctx, municipalityCode);
  const code = municipality.code;

  const staticSearchPage = async (): Promise<PortalResponse> => {
    const facets = await listSearchFacets(ctx, code);
    const body = searchPage({
      municipality: facets.municipality,
      text: "",
      words: [],
      filters: {},
      facets: facetOptions(facets),
      hits: [],
      truncated: false,
      inBrowser: { municipalityCode: code },
    });
    return { status: 200, contentType: HTML, body: Buffer.from(body) };
  };

  return {
    startAddresses: [
      urls.home(),
      urls.municipality(code),
      urls.goals(code),
      urls.indicators(code),
      urls.accessibility(),
      urls.search(),
      urls.municipalitySearch(code),
      urls.searchIndex(code),
      STYLESHEET_PATH,
      SEARCH_SCRIPT_PATH,
    ],
    async get(address) {
      if (address === urls.home()) {
        const body = homePage([municipality]);
        return { status: 200, contentType: HTML, body: Buffer.from(body) };
      }
      if (address === urls.search() || address === urls.municipalitySearch(code)) {
        return staticSearchPage();
      }
      const r = await app.inject({ method: "GET", url: address });
      return {
        status: r.statusCode,
        contentType: String(r.headers["content-type"] ?? ""),
        body: r.rawPayload,
      };
    },
    close: () => app.close(),
  };
}
