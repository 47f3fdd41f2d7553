import type { LevelRules } from "../../domain/assessment/expected-level.ts";
import type { LastYearIndicator } from "../../domain/assessment/types.ts";
// Shapes of the staff API's answers, as the server's routes present them
// (src/server/api/*.ts, src/server/auth/routes.ts).
import type {
  EvaluationScale,
  ManifestoDocument as Manifesto,
  ScoreScale,
  TagVocabulary,
} from "../../domain/manifesto/schema.ts";
import type { ManifestoPermissions } from "../../domain/permissions.ts";
import type { Role } from "../../domain/roles.ts";

export type { Manifesto, ManifestoPermissions, Role };

export interface SessionUser {
  id: number;
  username: string;
  displayName: string | null;
  role: Role;
  municipalityCode: string | null;
  departmentId: number | null;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  expiresAt: string;
  /** Only the second factor's set-up is open until it is done (the municipality requires it). */
  mustEnrol: boolean;
  /** When the session ends unless used again (the server's clock). */
  idleExpiresAt: string;
  /** How long a session lasts unused (TASSEI_SESSION_IDLE_SECONDS). */
  idleLimitSeconds: number;
}

/** POST /api/session when the account has a second factor: the password was right. */
export interface SecondFactorChallenge {
  secondFactor: "totp";
  challenge: string;
  expiresAt: string;
}

export interface ManifestoSummary {
  id: number;
  municipalityCode: string;
  fiscalYear: number;
  department: { id: number; name: string };
  state: string;
  revision: number;
  updatedAt: string;
}

export interface ManifestoListItem extends ManifestoSummary {
  allowed: ManifestoPermissions;
}

export interface ManifestoDetail {
  manifesto: ManifestoSummary;
  document: Manifesto;
  allowed: ManifestoPermissions;
  /** The municipality's settings the editor offers (absent in answers made before). */
  context?: {
    evaluationScale: EvaluationScale | null;
    planItems: { code: string; title: string }[];
    /** The municipality's stated level rules; null or absent = the scale's defaults. */
    levelRules?: LevelRules | null;
    /** Last year's numeric targets of the department (history checks); null = none. */
    lastYear?: { fiscalYear: number; indicators: LastYearIndicator[] } | null;
    /** The municipality's second score scale (issue 17); null or absent = none. */
    scoreScale?: ScoreScale | null;
    /** The municipality's own tag vocabularies, beside SDGs and 指標の分類. */
    tagVocabularies?: TagVocabulary[];
  };
}
