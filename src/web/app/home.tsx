// The page "/" opens: the planning division and administrators start from the overview of
// the fiscal year; department roles and viewers from the list of their manifestos. An
// administrator of an installation or municipality not set up yet starts with 初期設定.
import { useLayoutEffect } from "react";
import { useNavigate } from "react-router";
import { useApi } from "../api/use-api.ts";
import type { MunicipalityList } from "../pages/admin/admin-types.ts";
import { ManifestoListPage } from "../pages/manifesto-list.tsx";
import { TodoPanel } from "../pages/todo/todo-panel.tsx";
import { useSignedIn } from "./session.tsx";

/**
 * Moves on to `to`, replacing "/" in the history. React Router's <Navigate> moves in a passive
 * effect, a frame after its render: a menu link clicked in that frame was undone by the move.
 * A layout effect moves in the render's own task, before any click can come, so a click wins.
 */
function MoveOn({ to }: { to: string }) {
  const navigate = useNavigate();
  useLayoutEffect(() => {
    void navigate(to, { replace: true });
  }, [navigate, to]);
  return null;
}

function AdminHome() {
  const { data, error } = useApi<MunicipalityList>("/api/admin/municipalities");
  if (error) return <MoveOn to="/overview" />;
  if (data === null) {
    return (
      <p className="loading" role="status">
        読み込んでいます…
      </p>
    );
  }
  const nothingYet = data.unregistered !== null || data.municipalities.length === 0;
  return <MoveOn to={nothingYet ? "/setup" : "/overview"} />;
}

export function HomePage() {
  const { user } = useSignedIn();
  if (user.role === "admin") return <AdminHome />;
  if (user.role === "planning") {
    return <MoveOn to="/overview" />;
  }
  return <ManifestoListPage before={<TodoPanel />} />;
}
