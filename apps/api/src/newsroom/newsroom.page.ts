/** The newsroom page: a static shell; the script fills it from the public JSON api. */
export const NEWSROOM_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Newswire desk</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/newsroom/app.css">
<script src="/newsroom/app.js" defer></script>
</head>
<body>
<header class="bar">
  <h1>Newswire desk</h1>
  <form id="search-form" role="search" autocomplete="off">
    <input id="q" name="q" type="search" placeholder='Search: Libya -Moscow, "oil prices", headline:OPEC, byline:Doe' aria-label="Search stories">
    <select id="sort" aria-label="Sort"><option value="relevance">Relevance</option><option value="newest">Newest</option></select>
    <select id="since" aria-label="Published"><option value="">Any time</option><option value="1">Last hour</option><option value="24">Last 24 hours</option><option value="168">Last 7 days</option></select>
    <label class="check"><input id="all-wires" type="checkbox"> every wire's copy</label>
  </form>
  <span id="live" class="live off" title="Live updates">&#9679; connecting</span>
</header>
<p id="query-error" class="error" role="alert" hidden></p>
<div class="layout">
  <aside id="facets" aria-label="Filters">
    <div id="active-filters"></div>
    <div id="facet-groups"></div>
  </aside>
  <main>
    <section id="just-in" aria-label="Just in" hidden><h2>Just in</h2><ol id="just-in-list"></ol></section>
    <p id="summary" class="summary"></p>
    <ol id="results" class="results"></ol>
    <button id="more" type="button" hidden>More results</button>
  </main>
  <section id="story" class="story" aria-label="Story" hidden></section>
</div>
</body>
</html>
`;
