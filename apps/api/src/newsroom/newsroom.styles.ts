export const NEWSROOM_STYLES = `
:root { --ink: #1d232b; --muted: #5d6875; --line: #dde2e8; --accent: #0b5cad; --mark: #fff0a8; --kill: #b3261e; --fix: #8a5a00; --ok: #1e7d32; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #f6f7f9; }
.bar { display: flex; gap: 16px; align-items: center; padding: 10px 16px; background: #fff; border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 2; }
.bar h1 { font-size: 17px; margin: 0; white-space: nowrap; }
#search-form { display: flex; gap: 8px; flex: 1; align-items: center; }
#q { flex: 1; padding: 8px 10px; font-size: 15px; border: 1px solid #b9c2cc; border-radius: 6px; }
select { padding: 7px; border: 1px solid #b9c2cc; border-radius: 6px; background: #fff; }
.check { color: var(--muted); font-size: 13px; white-space: nowrap; }
.live { font-size: 13px; white-space: nowrap; color: var(--ok); }
.live.off { color: var(--muted); }
.error { margin: 0; padding: 6px 16px; background: #fdecea; color: var(--kill); }
.layout { display: grid; grid-template-columns: 250px minmax(0, 1fr) minmax(0, 1.1fr); gap: 16px; padding: 16px; align-items: start; }
.layout:not(.reading) { grid-template-columns: 250px minmax(0, 1fr); }
aside h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 14px 0 4px; }
.facet { display: flex; align-items: center; gap: 4px; }
.facet button.pick { flex: 1; text-align: left; background: none; border: 0; padding: 3px 4px; cursor: pointer; color: var(--ink); border-radius: 4px; font: inherit; }
.facet button.pick:hover { background: #e8eef5; }
.facet .count { color: var(--muted); font-size: 12px; margin-left: 4px; }
.facet button.exclude { border: 0; background: none; color: var(--muted); cursor: pointer; font-size: 15px; }
.chip { display: inline-flex; align-items: center; gap: 4px; margin: 2px 4px 2px 0; padding: 2px 8px; border-radius: 12px; background: #e3ecf7; color: var(--accent); border: 0; font: inherit; font-size: 12px; cursor: pointer; }
.chip.excluded { background: #f6e1e0; color: var(--kill); text-decoration: line-through; }
.summary { color: var(--muted); margin: 0 0 8px; }
.results { list-style: none; margin: 0; padding: 0; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; margin-bottom: 10px; }
.card.killed { opacity: .6; }
.card.killed .headline { text-decoration: line-through; }
.card .headline { font-size: 16px; font-weight: 600; color: var(--accent); background: none; border: 0; padding: 0; text-align: left; cursor: pointer; font-family: inherit; }
.meta { color: var(--muted); font-size: 12.5px; margin: 4px 0; }
.snippet { margin: 4px 0; font-size: 14px; }
mark { background: var(--mark); padding: 0 1px; }
.badge { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; padding: 1px 6px; border-radius: 4px; margin-left: 6px; vertical-align: middle; }
.badge.killed { background: var(--kill); color: #fff; }
.badge.corrected { background: #fbeccd; color: var(--fix); }
.badge.updated { background: #e3ecf7; color: var(--accent); }
.badge.new { background: #dff3e2; color: var(--ok); }
.badge.pending { background: #eee; color: var(--muted); }
.copies { font-size: 12.5px; color: var(--muted); }
.copies button { background: none; border: 0; color: var(--accent); cursor: pointer; padding: 0 2px; font: inherit; }
#more { width: 100%; padding: 8px; border: 1px solid var(--line); background: #fff; border-radius: 6px; cursor: pointer; }
#just-in { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--ok); border-radius: 8px; padding: 6px 12px; margin-bottom: 12px; }
#just-in h2 { font-size: 13px; margin: 4px 0; color: var(--ok); }
#just-in ol { list-style: none; margin: 0; padding: 0; font-size: 13.5px; }
#just-in li { padding: 2px 0; }
#just-in button { background: none; border: 0; padding: 0; color: var(--ink); cursor: pointer; font: inherit; text-align: left; }
.story { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; position: sticky; top: 70px; max-height: calc(100vh - 90px); overflow: auto; }
.story h2 { margin: 4px 0 6px; font-size: 21px; line-height: 1.25; }
.story .close { float: right; border: 0; background: none; font-size: 20px; cursor: pointer; color: var(--muted); }
.story .lede { font-weight: 500; }
.story h3 { font-size: 13px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 18px 0 6px; border-top: 1px solid var(--line); padding-top: 10px; }
.story ul { padding-left: 18px; margin: 4px 0; }
.related li { margin-bottom: 8px; }
.related .link { color: var(--accent); background: none; border: 0; padding: 0; cursor: pointer; font: inherit; font-weight: 600; text-align: left; }
.reason { color: var(--muted); font-size: 13px; }
.history li { margin-bottom: 8px; font-size: 13.5px; }
.change del { background: #fbe4e4; text-decoration: line-through; }
.change ins { background: #e0f4e3; text-decoration: none; }
.kill-note { background: #fdecea; color: var(--kill); padding: 8px 10px; border-radius: 6px; font-weight: 600; }
`;
