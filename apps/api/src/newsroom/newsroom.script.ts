// The browser side of the newsroom page, plain ES2017 served as is (the page has no build step).
export const NEWSROOM_SCRIPT = String.raw`'use strict';
(function () {
  var FACETS = [
    { key: 'people', param: 'person', title: 'People' },
    { key: 'organisations', param: 'org', title: 'Organisations' },
    { key: 'places', param: 'place', title: 'Places' },
    { key: 'topics', param: 'topic', title: 'Topics' },
    { key: 'sources', param: 'source', title: 'Sources' }
  ];
  var PARAM_OF_KIND = { person: 'person', organisation: 'org', place: 'place', topic: 'topic', subject: 'tag' };
  var state = { filters: [], cursor: null, request: null, shown: new Map(), storyTrail: [] };
  var el = function (id) { return document.getElementById(id); };

  /** Builds an element; children are nodes or strings (always text, never markup). */
  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === undefined || value === null || value === false) return;
      if (name.indexOf('on') === 0) node.addEventListener(name.slice(2), value);
      else if (name === 'className') node.className = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    });
    return node;
  }

  /** Highlighted text from the api: escaped text plus <mark>; only text and mark survive. */
  function highlighted(html) {
    var parsed = new DOMParser().parseFromString('<body>' + html + '</body>', 'text/html').body;
    var out = document.createDocumentFragment();
    parsed.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) out.appendChild(document.createTextNode(node.textContent));
      else if (node.nodeName === 'MARK') out.appendChild(h('mark', {}, [node.textContent]));
      else out.appendChild(document.createTextNode(node.textContent || ''));
    });
    return out;
  }

  function ago(iso) {
    if (!iso) return '';
    var minutes = Math.round((Date.now() - Date.parse(iso)) / 60000);
    if (minutes < 1) return 'just now';
    if (minutes < 60) return minutes + ' min ago';
    if (minutes < 48 * 60) return Math.round(minutes / 60) + ' h ago';
    return new Date(iso).toISOString().slice(0, 10);
  }

  function badge(kind, text) { return h('span', { className: 'badge ' + kind }, [text]); }

  function searchParams() {
    var params = new URLSearchParams();
    var q = el('q').value.trim();
    if (q) params.set('q', q);
    params.set('sort', el('sort').value);
    if (el('all-wires').checked) params.set('collapse', 'false');
    var hours = Number(el('since').value);
    if (hours) params.set('from', new Date(Date.now() - hours * 3600000).toISOString());
    state.filters.forEach(function (f) { params.append(f.param, (f.exclude ? '-' : '') + f.value); });
    return params;
  }

  function rememberInUrl() {
    var params = searchParams();
    params.delete('from');
    history.replaceState(null, '', params.toString() ? '?' + params.toString() : location.pathname);
  }

  function restoreFromUrl() {
    var params = new URLSearchParams(location.search);
    el('q').value = params.get('q') || '';
    if (params.get('sort')) el('sort').value = params.get('sort');
    el('all-wires').checked = params.get('collapse') === 'false';
    FACETS.concat([{ param: 'tag' }]).forEach(function (facet) {
      params.getAll(facet.param).forEach(function (value) {
        var exclude = value.charAt(0) === '-';
        state.filters.push({ param: facet.param, value: exclude ? value.slice(1) : value, label: exclude ? value.slice(1) : value, exclude: exclude });
      });
    });
  }

  async function runSearch(append) {
    if (state.request) state.request.abort();
    var controller = new AbortController();
    state.request = controller;
    var params = searchParams();
    if (append && state.cursor) params.set('cursor', state.cursor);
    var response;
    try {
      response = await fetch('/v1/search?' + params.toString(), { signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) return;
      throw error;
    }
    var body = await response.json();
    if (controller.signal.aborted) return;
    var problem = el('query-error');
    if (!response.ok) {
      problem.textContent = body.message || 'The search could not be run';
      problem.hidden = false;
      return;
    }
    problem.hidden = true;
    if (!append) {
      el('results').replaceChildren();
      // Which search the list shows; lets a reader (or a test) tell a finished search from a pending one.
      el('results').setAttribute('data-query', params.toString());
      state.shown.clear();
      renderFacets(body.facets);
      rememberInUrl();
    }
    body.items.forEach(function (item) { el('results').appendChild(renderCard(item)); });
    var groups = body.groups !== undefined && body.groups !== body.total ? ' in ' + body.groups + ' groups' : '';
    el('summary').textContent = body.total + (body.total === 1 ? ' story' : ' stories') + groups;
    state.cursor = body.cursor;
    el('more').hidden = !body.cursor;
  }

  function renderCard(item) {
    var headline = h('button', { className: 'headline', type: 'button', onclick: function () { openStory(item.uri, true); } }, []);
    headline.appendChild(item.highlight.headline ? highlighted(item.highlight.headline) : document.createTextNode(item.headline));
    var badges = h('span', { className: 'badges' }, [item.version > 1 ? badge('updated', 'v' + item.version) : null]);
    var tags = h('div', { className: 'tags' }, item.tags.slice(0, 8).map(function (tag) {
      return h('button', { className: 'chip', type: 'button', title: 'Filter by ' + tag.name, onclick: function () { addFilter(PARAM_OF_KIND[tag.kind] || 'tag', tag.id, tag.name, false); } }, [tag.name]);
    }));
    var copies = null;
    if (item.copies && item.copies.total > 1) {
      var others = item.copies.items.filter(function (c) { return c.uri !== item.uri; });
      copies = h('div', { className: 'copies' }, ['+' + (item.copies.total - 1) + ' other wire' + (item.copies.total > 2 ? 's' : '') + ': '].concat(
        others.map(function (c) { return h('button', { type: 'button', onclick: function () { openStory(c.uri, true); } }, [c.provider || c.source || c.uri]); })
      ));
    }
    var card = h('li', { className: 'card', 'data-uri': item.uri }, [
      headline,
      badges,
      h('div', { className: 'meta' }, [[item.provider, item.source, item.located, ago(item.versioncreated)].filter(Boolean).join(' \u00b7 ')]),
      item.highlight.snippets.length ? h('p', { className: 'snippet' }, [highlighted(item.highlight.snippets.join(' \u2026 '))]) : (item.description ? h('p', { className: 'snippet' }, [item.description]) : null),
      tags,
      copies
    ]);
    state.shown.set(item.uri, card);
    return card;
  }

  function renderFacets(facets) {
    var groups = el('facet-groups');
    groups.replaceChildren();
    FACETS.forEach(function (facet) {
      var buckets = facets[facet.key] || [];
      if (!buckets.length) return;
      groups.appendChild(h('h3', {}, [facet.title]));
      buckets.forEach(function (b) {
        groups.appendChild(h('div', { className: 'facet', 'data-facet': facet.key }, [
          h('button', { className: 'pick', type: 'button', onclick: function () { addFilter(facet.param, b.id, b.name, false); } }, [b.name, h('span', { className: 'count' }, [String(b.count)])]),
          h('button', { className: 'exclude', type: 'button', title: 'Exclude ' + b.name, 'aria-label': 'Exclude ' + b.name, onclick: function () { addFilter(facet.param, b.id, b.name, true); } }, ['\u2212'])
        ]));
      });
    });
    renderActiveFilters();
  }

  function renderActiveFilters() {
    el('active-filters').replaceChildren.apply(el('active-filters'), state.filters.map(function (f, i) {
      return h('button', { className: 'chip active' + (f.exclude ? ' excluded' : ''), type: 'button', title: 'Remove filter', onclick: function () { state.filters.splice(i, 1); void runSearch(false); } }, [f.label + ' \u00d7']);
    }));
  }

  function addFilter(param, value, label, exclude) {
    if (state.filters.some(function (f) { return f.param === param && f.value === value; })) return;
    state.filters.push({ param: param, value: value, label: label, exclude: exclude });
    void runSearch(false);
  }

  async function openStory(uri, fresh) {
    var panel = el('story');
    if (fresh) state.storyTrail = [];
    state.storyTrail.push(uri);
    var response = await fetch('/v1/stories/' + encodeURIComponent(uri));
    var story = await response.json();
    panel.hidden = false;
    document.querySelector('.layout').classList.add('reading');
    if (!response.ok) { panel.replaceChildren(h('p', { className: 'error' }, [story.message || 'Story not found'])); return; }
    panel.replaceChildren.apply(panel, renderStory(story).filter(Boolean));
    panel.scrollTop = 0;
  }

  function renderStory(s) {
    var back = state.storyTrail.length > 1 ? h('button', { type: 'button', className: 'chip', onclick: function () { state.storyTrail.pop(); var prev = state.storyTrail.pop(); void openStory(prev, false); } }, ['\u2190 back']) : null;
    var badges = [
      s.status === 'killed' ? badge('killed', 'Killed') : null,
      s.status === 'pending' ? badge('pending', 'Not searchable yet') : null,
      s.isCorrected ? badge('corrected', 'Corrected') : null,
      s.version > 1 && !s.isCorrected && s.status !== 'killed' ? badge('updated', 'Updated \u00b7 v' + s.version) : null
    ];
    var paragraphs = (s.body_text || '').split(/\n+/).filter(Boolean).map(function (p) { return h('p', {}, [p]); });
    var byKind = {};
    s.tags.forEach(function (t) { (byKind[t.kind] = byKind[t.kind] || []).push(t); });
    var tagList = Object.keys(byKind).map(function (kind) {
      return h('div', {}, [h('span', { className: 'meta' }, [kind + ': '])].concat(byKind[kind].map(function (t) {
        return h('button', { className: 'chip', type: 'button', onclick: function () { addFilter(PARAM_OF_KIND[t.kind] || 'tag', t.id, t.name, false); } }, [t.name]);
      })));
    });
    return [
      h('button', { className: 'close', type: 'button', 'aria-label': 'Close story', onclick: closeStory }, ['\u00d7']),
      back,
      h('div', { className: 'badges' }, badges),
      h('h2', { id: 'story-headline' }, [s.headline]),
      h('div', { className: 'meta' }, [[s.byline, s.located, s.provider, s.source, ago(s.versioncreated), 'v' + s.version].filter(Boolean).join(' \u00b7 ')]),
      s.status === 'killed' ? h('p', { className: 'kill-note' }, ['Withdrawn by the agency (' + s.pubstatus + '). Do not use.']) : null,
      s.description ? h('p', { className: 'lede' }, [s.description]) : null
    ].concat(paragraphs).concat([
      tagList.length ? h('h3', {}, ['Tags']) : null,
      h('div', { className: 'story-tags' }, tagList),
      h('h3', {}, ['Related']),
      s.related.length ? h('ul', { className: 'related' }, s.related.map(function (r) {
        return h('li', {}, [
          h('button', { className: 'link', type: 'button', onclick: function () { void openStory(r.uri, false); } }, [r.headline || r.uri]),
          r.reason.kind === 'same-story' ? badge('updated', 'same story') : null,
          h('div', { className: 'reason' }, [r.reason.text + (r.source ? ' \u00b7 ' + r.source : '')])
        ]);
      })) : h('p', { className: 'meta' }, ['No related stories.']),
      h('h3', {}, ['Versions']),
      h('ol', { className: 'history' }, s.history.map(renderVersion))
    ]);
  }

  function renderVersion(v) {
    var label = { first: 'First version', update: 'Update', correction: 'Correction', kill: 'Kill', reinstatement: 'Reinstated' }[v.kind] || v.kind;
    var changes = v.changes.map(function (c) {
      if (c.field === 'body_text' && (c.removed || c.added)) {
        return h('div', { className: 'change' }, ['body: '].concat(
          (c.removed || []).map(function (t) { return h('del', {}, [t]); }),
          [' '],
          (c.added || []).map(function (t) { return h('ins', {}, [t]); })
        ));
      }
      return h('div', { className: 'change' }, [c.field + ': ', h('del', {}, [String(c.before === null ? '' : c.before)]), ' \u2192 ', h('ins', {}, [String(c.after === null ? '' : c.after)])]);
    });
    return h('li', { 'data-kind': v.kind }, [
      h('strong', {}, ['v' + v.version + ' \u00b7 ' + label]),
      v.kind === 'correction' ? badge('corrected', 'correction') : null,
      v.kind === 'kill' ? badge('killed', 'kill') : null,
      h('span', { className: 'meta' }, [' ' + ago(v.receivedAt)])
    ].concat(changes));
  }

  function closeStory() {
    el('story').hidden = true;
    document.querySelector('.layout').classList.remove('reading');
  }

  function onStoryEvent(event) {
    var data = JSON.parse(event.data);
    var list = el('just-in-list');
    var kinds = { indexed: ['new', 'New'], updated: ['updated', 'Updated'], killed: ['killed', 'Killed'] };
    var entry = h('li', { 'data-uri': data.uri, 'data-type': data.type }, [
      badge(kinds[data.type][0], kinds[data.type][1]),
      ' ',
      h('button', { type: 'button', onclick: function () { void openStory(data.uri, true); } }, [data.headline]),
      h('span', { className: 'meta' }, [' ' + [data.provider, data.source].filter(Boolean).join(' \u00b7 ')])
    ]);
    list.insertBefore(entry, list.firstChild);
    while (list.children.length > 8) list.removeChild(list.lastChild);
    el('just-in').hidden = false;
    var card = state.shown.get(data.uri);
    if (card) {
      var badges = card.querySelector('.badges');
      if (data.type === 'killed') { card.classList.add('killed'); badges.replaceChildren(badge('killed', 'Killed')); }
      if (data.type === 'updated') badges.replaceChildren(badge('updated', 'Updated \u00b7 v' + data.version));
    }
  }

  function connectStream() {
    var source = new EventSource('/v1/stream');
    var live = el('live');
    source.addEventListener('ready', function () { live.textContent = '\u25cf live'; live.classList.remove('off'); });
    source.addEventListener('error', function () { live.textContent = '\u25cf reconnecting'; live.classList.add('off'); });
    ['indexed', 'updated', 'killed'].forEach(function (type) { source.addEventListener(type, onStoryEvent); });
  }

  var debounce = null;
  function searchSoon() {
    clearTimeout(debounce);
    debounce = setTimeout(function () { void runSearch(false); }, 200);
  }

  document.addEventListener('DOMContentLoaded', function () {
    restoreFromUrl();
    el('q').addEventListener('input', searchSoon);
    el('search-form').addEventListener('submit', function (e) { e.preventDefault(); void runSearch(false); });
    ['sort', 'since', 'all-wires'].forEach(function (id) { el(id).addEventListener('change', function () { void runSearch(false); }); });
    el('more').addEventListener('click', function () { void runSearch(true); });
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape') closeStory(); if (e.key === '/' && document.activeElement !== el('q')) { e.preventDefault(); el('q').focus(); } });
    void runSearch(false);
    connectStream();
  });
})();
`;
