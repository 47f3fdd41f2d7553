// The front page until the portal and the staff workspace exist: says what is running and
// where the command line is. Static text only; nothing from the database is rendered here.
export function homePage(): string {
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tassei（達成）</title>
<style>
body { font-family: "Noto Sans JP", system-ui, sans-serif; line-height: 1.7; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1a1a1c; }
code { background: #f1f1f4; padding: 0.1em 0.3em; border-radius: 4px; }
</style>
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
