// Every page of the staff app and its address under /staff/. One line per page; the pages
// live in ../pages, one file each.
import type { RouteObject } from "react-router";
import { DepartmentsPage } from "../pages/admin/departments-page.tsx";
import { IndicatorsPage } from "../pages/admin/indicators-page.tsx";
import { PlanPage } from "../pages/admin/plan-page.tsx";
import { ScalePage } from "../pages/admin/scale-page.tsx";
import { SettingsPage } from "../pages/admin/settings-page.tsx";
import { SetupPage } from "../pages/admin/setup-page.tsx";
import { ImportPage } from "../pages/import-page.tsx";
import { HistoryPage } from "../pages/manifesto/history-page.tsx";
import { ManifestoPage } from "../pages/manifesto/manifesto-page.tsx";
import { ManifestoListPage } from "../pages/manifesto-list.tsx";
import { NotFoundPage } from "../pages/not-found.tsx";
import { PasswordPage } from "../pages/password.tsx";
import { DashboardPage } from "../pages/planning/dashboard-page.tsx";
import { OverviewPage } from "../pages/planning/overview-page.tsx";
import { ProgressPage } from "../pages/progress/progress-page.tsx";
import { SecondFactorPage } from "../pages/second-factor.tsx";
import { NotificationSettingsPage } from "../pages/todo/notification-settings-page.tsx";
import { TodoPage } from "../pages/todo/todo-panel.tsx";
import { UsersPage } from "../pages/users/users-page.tsx";
import { HomePage } from "./home.tsx";
import { Layout } from "./layout.tsx";

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "manifestos", element: <ManifestoListPage /> },
      { path: "overview", element: <OverviewPage /> },
      { path: "dashboard", element: <DashboardPage /> },
      { path: "users", element: <UsersPage /> },
      { path: "password", element: <PasswordPage /> },
      { path: "second-factor", element: <SecondFactorPage /> },
      { path: "todo", element: <TodoPage /> },
      { path: "notifications", element: <NotificationSettingsPage /> },
      { path: "manifestos/:id", element: <ManifestoPage /> },
      { path: "manifestos/:id/history", element: <HistoryPage /> },
      { path: "manifestos/:id/progress", element: <ProgressPage /> },
      { path: "import", element: <ImportPage /> },
      { path: "setup", element: <SetupPage /> },
      { path: "admin", element: <SettingsPage /> },
      { path: "admin/scale", element: <ScalePage /> },
      { path: "admin/departments", element: <DepartmentsPage /> },
      { path: "admin/plan", element: <PlanPage /> },
      { path: "admin/indicators", element: <IndicatorsPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
