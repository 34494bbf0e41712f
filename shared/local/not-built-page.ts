import { escapeHtml } from '../render/html-escape.ts';

/** What `ancrage serve` shows until the front end is built: the API works, the page does not exist yet. */
export function notBuiltPage(staticDir: string | undefined): string {
  const where = staticDir
    ? `<p>Aucune page dans <code>${escapeHtml(staticDir)}</code>. / No page in that folder.</p>`
    : '';
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ancrage — portail non construit</title></head>
<body>
<main>
<h1>Le portail n’est pas construit</h1>
<p>L’API répond sous <code>/api</code> et les rapports publiés sont sous <a href="/reports/">/reports/</a>.</p>
<p lang="en">The portal is not built. The API answers under <code>/api</code>; the published reports are under
<a href="/reports/">/reports/</a>.</p>
${where}
</main>
</body>
</html>
`;
}
