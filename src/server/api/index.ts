// The staff workspace's JSON API under /api: sessions, then manifestos. Everything here is
// behind the session plugin (sign-in required, CSRF and origin checks on writes).
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { SsoProvider } from "../../domain/sso-config.ts";
import type { LoginLimits } from "../../services/auth/login.ts";
import { registerAuthRoutes } from "../auth/routes.ts";
import { registerSecondFactorRoutes } from "../auth/second-factor-routes.ts";
import { registerSessionHandling } from "../auth/session-plugin.ts";
import { registerSsoRoutes } from "../auth/sso-routes.ts";
import { registerBookletRoutes } from "./booklets.ts";
import { registerDashboardRoutes } from "./dashboard.ts";
import { registerDownloadRoutes } from "./downloads.ts";
import { registerManifestoRoutes } from "./manifestos.ts";
import { registerMasterDataRoutes } from "./master-data.ts";
import { registerNotificationRoutes } from "./notifications.ts";
import { recordRoutes, registerOpenApiRoute } from "./openapi.ts";
import { registerPlanningRoutes } from "./planning.ts";
import { registerProgressRoutes } from "./progress-reports.ts";
import { registerProgressSettingsRoutes } from "./progress-settings.ts";
import { registerUserRoutes } from "./users.ts";
import { registerWorkflowRoutes } from "./workflow.ts";

export interface StaffApiDeps {
  db: Kysely<Database>;
  /** The clock sessions and the login throttle use; tests move it. */
  now?: () => Date;
  loginLimits?: LoginLimits;
  /** Single sign-on providers (TASSEI_SSO_CONFIG). */
  ssoProviders?: readonly SsoProvider[];
  /** How long a session lasts unused (TASSEI_SESSION_IDLE_SECONDS); 8 hours when not given. */
  sessionIdleMs?: number;
}

export async function registerStaffApi(app: FastifyInstance, deps: StaffApiDeps): Promise<void> {
  const resolved = { ...deps, now: deps.now ?? (() => new Date()) };
  await app.register(
    async (api) => {
      const routes = recordRoutes(api);
      await registerSessionHandling(api, resolved);
      registerAuthRoutes(api, resolved);
      registerSecondFactorRoutes(api, resolved);
      registerSsoRoutes(api, resolved);
      registerManifestoRoutes(api, resolved);
      registerWorkflowRoutes(api, resolved);
      registerDownloadRoutes(api, resolved);
      registerBookletRoutes(api, resolved);
      registerDashboardRoutes(api, resolved);
      registerUserRoutes(api, resolved);
      registerPlanningRoutes(api, resolved);
      registerMasterDataRoutes(api, resolved);
      registerProgressSettingsRoutes(api, resolved);
      registerProgressRoutes(api, resolved);
      registerNotificationRoutes(api, resolved);
      registerOpenApiRoute(api, routes);
    },
    { prefix: "/api" },
  );
}
