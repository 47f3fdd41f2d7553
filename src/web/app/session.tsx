// Who is signed in. The app asks the server once at start (GET /api/session); a 401 from any
// later call (expired session, signed out in another tab) brings the sign-in page back, and
// so does the idle limit (session-timeout.tsx): the sign-in page then says why (WCAG 2.2.1).
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { ApiError, api, setCsrfToken, whenSignedOut } from "../api/client.ts";
import type { SecondFactorChallenge, Session } from "../api/types.ts";

/** Why the sign-in page is back: the idle limit ran out, or the server no longer knew us. */
export type SessionEnd = { reason: "idle"; limitSeconds: number } | { reason: "expired" };

interface SessionState {
  session: Session | null;
  ended: SessionEnd | null;
  /** True until the first probe has answered. */
  loading: boolean;
  /** Resolves to a challenge when the account has a second factor, else signs in. */
  signIn(username: string, password: string): Promise<SecondFactorChallenge | null>;
  completeSecondFactor(challenge: string, code: string): Promise<void>;
  /** Asks the server again (after enrolment the session may do everything). */
  refresh(): Promise<void>;
  signOut(): Promise<void>;
  /** Ends the session in this page, saying why on the sign-in page. */
  endSession(ended: SessionEnd): void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [loading, setLoading] = useState(true);
  const [ended, setEnded] = useState<SessionEnd | null>(null);

  const adopt = useCallback((s: Session | null) => {
    setCsrfToken(s?.csrfToken ?? null);
    setSession(s);
    if (s) setEnded(null);
  }, []);

  const endSession = useCallback(
    (why: SessionEnd) => {
      setEnded(why);
      adopt(null);
    },
    [adopt],
  );

  useEffect(() => {
    whenSignedOut(() => endSession({ reason: "expired" }));
    api<Session>("GET", "/api/session")
      .then(adopt)
      .catch((e: unknown) => {
        if (!(e instanceof ApiError) || e.status !== 401) console.error(e);
        adopt(null);
      })
      .finally(() => setLoading(false));
  }, [adopt, endSession]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const r = await api<Session | SecondFactorChallenge>("POST", "/api/session", {
        username,
        password,
      });
      if ("challenge" in r) return r;
      adopt(r);
      return null;
    },
    [adopt],
  );

  const completeSecondFactor = useCallback(
    async (challenge: string, code: string) => {
      adopt(await api<Session>("POST", "/api/session/second-factor", { challenge, code }));
    },
    [adopt],
  );

  const refresh = useCallback(async () => {
    adopt(await api<Session>("GET", "/api/session"));
  }, [adopt]);

  const signOut = useCallback(async () => {
    try {
      await api("DELETE", "/api/session");
    } finally {
      adopt(null);
    }
  }, [adopt]);

  return (
    <SessionContext.Provider
      value={{
        session,
        ended,
        loading,
        signIn,
        completeSecondFactor,
        refresh,
        signOut,
        endSession,
      }}
    >
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside SessionProvider");
  return state;
}

/** The signed-in session; only for pages under the signed-in layout. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error("useSignedIn without a session");
  return session;
}
