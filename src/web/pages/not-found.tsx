import { Link } from "react-router";
import { usePageTitle } from "../components/page-title.tsx";

export function NotFoundPage() {
  usePageTitle("ページが見つかりません");
  return (
    <>
      <h1>ページが見つかりません</h1>
      <p>
        アドレスが正しいかご確認ください。<Link to="/">マニフェスト一覧へ戻る</Link>
      </p>
    </>
  );
}
