// The front page until the portal and the staff workspace exist: says what is running and
// where the command line is. Static text only; nothing from the database is rendered here.
// No inline style: the content security policy allows only the server's own stylesheets.
export function homePage(): string {
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tassei（達成）</title>
</head>
<body>
<main>
<h1>Tassei（達成）</h1>
<p>部局マニフェストの作成・評価・公表のためのシステムです。サーバーは稼働しています。</p>
<p>データの取り込み・書き出し・評価の点検はコマンドラインから行えます（<code>npm run tassei -- --help</code>）。</p>
<p><a href="/healthz">稼働状況（/healthz）</a></p>
</main>
</body>
</html>
`;
}
