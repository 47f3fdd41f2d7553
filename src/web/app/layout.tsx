// The frame of every signed-in page: a skip link, the header with who is signed in, the
// navigation (only the entries the user's role can use) and the main landmark.
import { NavLink, Outlet } from "react-router";
import { ROLE_LABELS } from "../../domain/roles.ts";
import { Announcer } from "../components/announcer.tsx";
import { SecondFactorPage } from "../pages/second-factor.tsx";
import { TodoCount } from "../pages/todo/todo-panel.tsx";
import { useFocusOnNavigation } from "./page-focus.ts";
import { useSession, useSignedIn } from "./session.tsx";
import { SessionTimeout } from "./session-timeout.tsx";

export { focusHeadingAfterSignIn } from "./page-focus.ts";

export function Layout() {
  const { user, mustEnrol } = useSignedIn();
  useFocusOnNavigation();
  const { signOut } = useSession();
  const planning = user.role === "planning" || user.role === "admin";
  return (
    <>
      <a className="skip-link" href="#main">
        本文へ移動
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <NavLink to="/" className="brand">
            Tassei <span>部局マニフェスト 職員用</span>
          </NavLink>
          {/* A session that must first set up its second factor has nowhere else to go. */}
          {!mustEnrol && (
            <nav aria-label="メインメニュー">
              <ul>
                {planning ? (
                  <>
                    <li>
                      <NavLink to="/overview">全体状況</NavLink>
                    </li>
                    <li>
                      <NavLink to="/manifestos" end>
                        マニフェスト一覧
                      </NavLink>
                    </li>
                    <li>
                      <NavLink to="/dashboard">ダッシュボード</NavLink>
                    </li>
                  </>
                ) : (
                  <li>
                    <NavLink to="/" end>
                      マニフェスト
                    </NavLink>
                  </li>
                )}
                {user.role !== "viewer" && (
                  <li>
                    <NavLink to="/import">取り込み</NavLink>
                  </li>
                )}
                {user.municipalityCode !== null && (
                  <li>
                    <NavLink to="/todo">
                      対応待ち
                      <TodoCount />
                    </NavLink>
                  </li>
                )}
                {user.role === "admin" && (
                  <li>
                    <NavLink to="/users">ユーザー管理</NavLink>
                  </li>
                )}
                {user.role === "admin" && (
                  <li>
                    <NavLink to="/admin">自治体の管理</NavLink>
                  </li>
                )}
              </ul>
            </nav>
          )}
          <div className="who">
            <span>
              {user.displayName ?? user.username}（{ROLE_LABELS[user.role]}）
            </span>
            {!mustEnrol && <NavLink to="/notifications">通知設定</NavLink>}
            {!mustEnrol && <NavLink to="/password">パスワード変更</NavLink>}
            {!mustEnrol && <NavLink to="/second-factor">二要素認証</NavLink>}
            <button type="button" className="button-link" onClick={() => void signOut()}>
              ログアウト
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {mustEnrol ? <SecondFactorPage /> : <Outlet />}
      </main>
      <SessionTimeout />
      <Announcer />
    </>
  );
}
