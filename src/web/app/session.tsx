// Who is signed in. The app asks the server once at start (GET /api/session); a 401 from any
// later call (expired session, signed out in another tab) brings the sign-in page back.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { ApiError, api, setCsrfToken, whenSignedOut } from "../api/client.ts";
import type { SecondFactorChallenge, Session } from "../api/types.ts";

interface SessionState {
  session: Session | null;
  /** True until the first probe has answered. */
  loading: boolean;
  /** Resolves to a challenge when the account has a second factor, else signs in. */
  signIn(username: string, password: string): Promise<SecondFactorChallenge | null>;
  completeSecondFactor(challenge: string, code: string): Promise<void>;
  /** Asks the server again (after enrolment the session may do everything). */
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [loading, setLoading] = useState(true);

  const adopt = useCallback((s: Session | null) => {
    setCsrfToken(s?.csrfToken ?? null);
    setSession(s);
  }, []);

  useEffect(() => {
    whenSignedOut(() => adopt(null));
    api<Session>("GET", "/api/session")
      .then(adopt)
      .catch((e: unknown) => {
        if (!(e instanceof ApiError) || e.status !== 401) console.error(e);
        adopt(null);
      })
      .finally(() => setLoading(false));
  }, [adopt]);

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
      value={{ session, loading, signIn, completeSecondFactor, refresh, signOut }}
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
