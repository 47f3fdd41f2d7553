// The page "/" opens: the planning division and administrators start from the overview of
// the fiscal year; department roles and viewers from the list of their manifestos. An
// administrator of an installation or municipality not set up yet starts with 初期設定.
import { Navigate } from "react-router";
import { useApi } from "../api/use-api.ts";
import type { MunicipalityList } from "../pages/admin/admin-types.ts";
import { ManifestoListPage } from "../pages/manifesto-list.tsx";
import { TodoPanel } from "../pages/todo/todo-panel.tsx";
import { useSignedIn } from "./session.tsx";

function AdminHome() {
  const { data, error } = useApi<MunicipalityList>("/api/admin/municipalities");
  if (error) return <Navigate to="/overview" replace />;
  if (data === null) {
    return (
      <p className="loading" role="status">
        読み込んでいます…
      </p>
    );
  }
  const nothingYet = data.unregistered !== null || data.municipalities.length === 0;
  return <Navigate to={nothingYet ? "/setup" : "/overview"} replace />;
}

export function HomePage() {
  const { user } = useSignedIn();
  if (user.role === "admin") return <AdminHome />;
  if (user.role === "planning") {
    return <Navigate to="/overview" replace />;
  }
  return <ManifestoListPage before={<TodoPanel />} />;
}
