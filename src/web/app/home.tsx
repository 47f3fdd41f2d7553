// The page "/" opens: the planning division and administrators start from the overview of
// the fiscal year; department roles and viewers from the list of their manifestos.
import { Navigate } from "react-router";
import { ManifestoListPage } from "../pages/manifesto-list.tsx";
import { useSignedIn } from "./session.tsx";

export function HomePage() {
  const { user } = useSignedIn();
  if (user.role === "planning" || user.role === "admin") {
    return <Navigate to="/overview" replace />;
  }
  return <ManifestoListPage />;
}
