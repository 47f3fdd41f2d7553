// The staff app's entry: the session decides between the sign-in page and the router.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import "@digital-go-jp/design-tokens/dist/tokens.css";
import "./styles/app.css";
import { routes } from "./app/routes.tsx";
import { SessionProvider, useSession } from "./app/session.tsx";
import { SignInPage } from "./pages/sign-in.tsx";

const router = createBrowserRouter(routes, { basename: "/staff" });

function App() {
  const { session, loading } = useSession();
  if (loading) {
    return (
      <p className="loading" role="status">
        読み込んでいます…
      </p>
    );
  }
  if (!session) return <SignInPage />;
  return <RouterProvider router={router} />;
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <SessionProvider>
        <App />
      </SessionProvider>
    </StrictMode>,
  );
}
