// The review comments of a manifesto, loaded once and shared by every thread on the page (one
// per goal and one for the whole manifesto): a comment written or resolved in one place shows
// in all, and a page with fifty goals asks the server once, not fifty times.
import { useCallback, useEffect, useSyncExternalStore } from "react";
import { ApiError, api } from "../../api/client.ts";
import type { ReviewComment } from "../../api/workflow-types.ts";

export interface CommentsState {
  comments: ReviewComment[] | null;
  error: ApiError | null;
}

interface Store {
  state: CommentsState;
  listeners: Set<() => void>;
  loading: Promise<void> | null;
}

const stores = new Map<number, Store>();

function storeOf(manifestoId: number): Store {
  let store = stores.get(manifestoId);
  if (!store) {
    store = { state: { comments: null, error: null }, listeners: new Set(), loading: null };
    stores.set(manifestoId, store);
  }
  return store;
}

function publish(store: Store, state: CommentsState) {
  store.state = state;
  for (const listener of store.listeners) listener();
}

/** Asks the server again; callers that ask while a load runs share it. */
export function reloadComments(manifestoId: number): Promise<void> {
  const store = storeOf(manifestoId);
  if (store.loading) return store.loading;
  store.loading = api<{ comments: ReviewComment[] }>(
    "GET",
    `/api/manifestos/${manifestoId}/comments`,
  )
    .then(({ comments }) => publish(store, { comments, error: null }))
    .catch((e: unknown) => {
      const error = e instanceof ApiError ? e : new ApiError(0, "unknown", String(e));
      // Offline or a server hiccup: keep what was shown. Gone or not allowed: show nothing.
      const keep = error.offline || error.status >= 500;
      publish(store, { comments: keep ? store.state.comments : null, error });
    })
    .finally(() => {
      store.loading = null;
    });
  return store.loading;
}

export function useComments(manifestoId: number): CommentsState & { reload(): Promise<void> } {
  const subscribe = useCallback(
    (listener: () => void) => {
      const store = storeOf(manifestoId);
      store.listeners.add(listener);
      return () => {
        store.listeners.delete(listener);
        // Nobody shows these comments any more: forget them (another user may sign in next).
        if (store.listeners.size === 0 && !store.loading) stores.delete(manifestoId);
      };
    },
    [manifestoId],
  );
  const state = useSyncExternalStore(subscribe, () => storeOf(manifestoId).state);
  // Fresh comments whenever a page with threads opens (another reviewer may have written).
  // Threads mounting together share the one request (see reloadComments).
  useEffect(() => {
    void reloadComments(manifestoId);
  }, [manifestoId]);
  const reload = useCallback(() => reloadComments(manifestoId), [manifestoId]);
  return { ...state, reload };
}
