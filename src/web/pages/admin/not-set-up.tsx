// A municipality not registered yet is not a failure to retry but a set-up to do: said so,
// with the way to 初期設定 for an administrator (全体状況, ユーザー管理).
import { Link } from "react-router";

export function NotSetUp({ admin }: { admin: boolean }) {
  return (
    <div className="alert alert-warning" role="status">
      <p>この自治体の初期設定がまだ済んでいません。</p>
      {admin ? (
        <p>
          <Link to="/setup">初期設定を始める</Link>
        </p>
      ) : (
        <p>自治体の管理者に初期設定を依頼してください。</p>
      )}
    </div>
  );
}
