// The portal's pages: parse the address, call one public use case, render.
import type { FastifyInstance, FastifyReply } from "fastify";
import { NotFoundError } from "../../errors.ts";
import type { ServiceContext } from "../../services/context.ts";
import { movedDepartmentAddress } from "../../services/portal/find-moved-department.ts";
import { getPublicDepartmentHistory } from "../../services/portal/get-public-department-history.ts";
import {
  getPublicIndicator,
  listPublicIndicatorsOf,
} from "../../services/portal/get-public-indicator.ts";
import { getPublicManifesto } from "../../services/portal/get-public-manifesto.ts";
import { getPublicMunicipality } from "../../services/portal/get-public-municipality.ts";
import { getPublicYear } from "../../services/portal/get-public-year.ts";
import { listPublicGoals } from "../../services/portal/list-public-goals.ts";
import { listPublicMunicipalities } from "../../services/portal/list-public-municipalities.ts";
import { listSearchFacets } from "../../services/portal/list-search-facets.ts";
import { searchPublicManifestos } from "../../services/portal/search-public-goals.ts";
import { renderIndicatorChart } from "./chart.ts";
import { accessibilityPage } from "./pages/accessibility.ts";
import { departmentPage } from "./pages/department.ts";
import { goalsPage } from "./pages/goals.ts";
import { indicatorListPage, indicatorPage } from "./pages/indicator.ts";
import { manifestoPage } from "./pages/manifesto.ts";
import { homePage, municipalityPage } from "./pages/municipality.ts";
import { facetOptions, searchPage } from "./pages/search.ts";
import { yearPage } from "./pages/year.ts";
import {
  departmentParam,
  fiscalYearParam,
  idParam,
  municipalityCodeParam,
  searchQuery,
} from "./params.ts";
import { searchIndex } from "./search-index.ts";
import { urls } from "./urls.ts";

const sendPage = (reply: FastifyReply, body: string) =>
  reply.type("text/html; charset=utf-8").send(body);

export function registerPages(
  app: FastifyInstance,
  ctx: ServiceContext,
  accessibilityContact?: string,
): void {
  app.get("/", async (_request, reply) => {
    const municipalities = await listPublicMunicipalities(ctx);
    // An installation for one municipality opens on that municipality.
    const only = municipalities.length === 1 ? municipalities[0] : undefined;
    if (only) return reply.redirect(urls.municipality(only.code), 302);
    return sendPage(reply, homePage(municipalities));
  });

  app.get("/accessibility", async (_request, reply) =>
    sendPage(reply, accessibilityPage(accessibilityContact)),
  );

  app.get("/search", async (request, reply) => {
    const q = searchQuery(request.query);
    const result = await searchPublicManifestos(ctx, {
      text: q.text,
      ...(q.year !== undefined && { fiscalYear: q.year }),
      ...(q.level !== undefined && { level: q.level }),
      ...(q.tag !== undefined && { tag: q.tag }),
    });
    return sendPage(
      reply,
      searchPage({
        text: q.text,
        filters: {
          ...(q.year !== undefined && { year: q.year }),
          ...(q.tag !== undefined && { tag: q.tag }),
        },
        ...result,
      }),
    );
  });

  app.get<{ Params: { code: string } }>("/:code", async (request, reply) => {
    const data = await getPublicMunicipality(ctx, municipalityCodeParam(request.params.code));
    return sendPage(reply, municipalityPage(data));
  });

  app.get<{ Params: { code: string } }>("/:code/search", async (request, reply) => {
    const code = municipalityCodeParam(request.params.code);
    const q = searchQuery(request.query);
    const result = await searchPublicManifestos(ctx, {
      text: q.text,
      municipalityCode: code,
      ...(q.year !== undefined && { fiscalYear: q.year }),
      ...(q.department !== undefined && { department: q.department }),
      ...(q.policy !== undefined && { policyRef: q.policy }),
      ...(q.level !== undefined && { level: q.level }),
      ...(q.tag !== undefined && { tag: q.tag }),
    });
    // After the search, which brings the search rows up to date first.
    const facets = await listSearchFacets(ctx, code);
    const { text, ...filters } = q;
    return sendPage(
      reply,
      searchPage({
        municipality: facets.municipality,
        text,
        filters,
        facets: facetOptions(facets),
        ...result,
      }),
    );
  });

  app.get<{ Params: { code: string } }>("/:code/goals", async (request, reply) => {
    const data = await listPublicGoals(ctx, municipalityCodeParam(request.params.code));
    return sendPage(reply, goalsPage(data));
  });

  // What the static export's search reads in the browser (the served portal searches here).
  app.get<{ Params: { code: string } }>("/:code/search-index.json", async (request, reply) => {
    const data = await listPublicGoals(ctx, municipalityCodeParam(request.params.code));
    return reply
      .type("application/json; charset=utf-8")
      .send(`${JSON.stringify(searchIndex(data))}\n`);
  });

  app.get<{ Params: { code: string } }>("/:code/indicators", async (request, reply) => {
    const data = await listPublicIndicatorsOf(ctx, municipalityCodeParam(request.params.code));
    return sendPage(reply, indicatorListPage(data));
  });

  app.get<{ Params: { code: string; id: string } }>(
    "/:code/indicators/:id",
    async (request, reply) => {
      const code = municipalityCodeParam(request.params.code);
      const data = await getPublicIndicator(ctx, code, idParam(request.params.id));
      const svg = await renderIndicatorChart(
        data.years.map((y) => ({
          fiscalYear: y.fiscalYear,
          ...(y.baseline !== undefined && { baseline: y.baseline }),
          ...(y.target !== undefined && { target: y.target.value }),
          ...(y.actual !== undefined && { actual: y.actual }),
        })),
        {
          unit: data.indicator.unit,
          label: `${data.indicator.name}の推移のグラフ。数値は下の表のとおり。`,
        },
      );
      return sendPage(reply, indicatorPage({ ...data, svg }));
    },
  );

  app.get<{ Params: { code: string; department: string } }>(
    "/:code/departments/:department",
    async (request, reply) => {
      const code = municipalityCodeParam(request.params.code);
      const department = departmentParam(request.params.department);
      const data = await orMoved(
        () => getPublicDepartmentHistory(ctx, code, department),
        () => movedDepartmentAddress(ctx, code, department),
      );
      if (typeof data === "string") {
        return reply.redirect(urls.department(code, data), 301);
      }
      return sendPage(reply, departmentPage(data));
    },
  );

  app.get<{ Params: { code: string; year: string } }>("/:code/:year", async (request, reply) => {
    const data = await getPublicYear(
      ctx,
      municipalityCodeParam(request.params.code),
      fiscalYearParam(request.params.year),
    );
    return sendPage(reply, yearPage(data));
  });

  app.get<{ Params: { code: string; year: string; department: string } }>(
    "/:code/:year/:department",
    async (request, reply) => {
      const code = municipalityCodeParam(request.params.code);
      const year = fiscalYearParam(request.params.year);
      const department = departmentParam(request.params.department);
      const view = await orMoved(
        () => getPublicManifesto(ctx, { municipalityCode: code, fiscalYear: year, department }),
        () => movedDepartmentAddress(ctx, code, department),
      );
      if (typeof view === "string") {
        return reply.redirect(urls.manifesto(code, year, view), 301);
      }
      const query = request.query as Record<string, unknown> | undefined;
      const tag = typeof query?.tag === "string" ? query.tag : undefined;
      return sendPage(reply, manifestoPage(view, { pdf: true, tag }));
    },
  );
}

/**
 * The page, or — when nothing is found at the address — the department's current address if
 * this one is an old one (renamed, or its code changed), for a permanent redirect.
 */
async function orMoved<T>(
  load: () => Promise<T>,
  moved: () => Promise<string | null>,
): Promise<T | string> {
  try {
    return await load();
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    const now = await moved();
    if (now === null) throw e;
    return now;
  }
}
