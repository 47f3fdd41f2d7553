// Every page of the staff app and its address under /staff/. One line per page; the pages
// live in ../pages, one file each.
import type { RouteObject } from "react-router";
import { ManifestoListPage } from "../pages/manifesto-list.tsx";
import { NotFoundPage } from "../pages/not-found.tsx";
import { PasswordPage } from "../pages/password.tsx";
import { Layout } from "./layout.tsx";

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <ManifestoListPage /> },
      { path: "password", element: <PasswordPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
