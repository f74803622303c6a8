// dateline explorer: a map, a timeline, an actor network and an event table over the JSON API.
// Everything from the store is rendered as text (textContent / text nodes), never as HTML.
"use strict";

(() => {
  const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "STATEMENT"];
  const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  const SVGNS = "http://www.w3.org/2000/svg";
  const PAGE = 50;
  const NETWORK_EDGES = 30;
  const NETWORK_LABELS = 18; // the busiest actors are labelled; the others have a tooltip
  const state = { filters: {}, offset: 0, sort: "-date", generation: 0, world: null, last: null };
  const $ = (id) => document.getElementById(id);

  // -- building DOM safely -----------------------------------------------------------------

  function build(node, attrs, children) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      node.setAttribute(key, String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child)); // strings become text nodes
    }
    return node;
  }
  const el = (tag, attrs, ...children) => build(document.createElement(tag), attrs, children);
  const svg = (tag, attrs, ...children) => build(document.createElementNS(SVGNS, tag), attrs, children);
  const clear = (node) => { while (node.firstChild) node.removeChild(node.firstChild); return node; };

  function safeLink(url, label) {
    // Only web links: a stored "javascript:" URL must never become clickable.
    if (typeof url !== "string" || !/^https?:\/\//i.test(url)) return label ? document.createTextNode(label) : null;
    return el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, label || url);
  }

  // -- the API ----------------------------------------------------------------------------------

  async function api(path, params) {
    const url = new URL(path, window.location.origin);
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== "" && value !== null && value !== undefined) url.searchParams.set(key, value);
    }
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    try { body = await response.json(); } catch (err) { body = null; }
    if (!response.ok) throw new Error((body && body.error) || `${response.status} ${response.statusText}`);
    return body;
  }

  function status(message) { $("status").textContent = message || ""; }

  // -- filters, shared by every view --------------------------------------------------------------

  function readForm() {
    const filters = {};
    for (const [key, value] of new FormData($("filters"))) {
      const text = String(value).trim();
      if (text) filters[key] = key === "include_flagged" ? "true" : text;
    }
    return filters;
  }

  function writeForm(filters) {
    for (const input of $("filters").elements) {
      if (!input.name) continue;
      if (input.type === "checkbox") input.checked = filters[input.name] === "true";
      else input.value = filters[input.name] || "";
    }
  }

  function setFilters(filters) {
    state.filters = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== "" && v != null));
    state.offset = 0;
    writeForm(state.filters);
    const hash = new URLSearchParams(state.filters).toString();
    window.history.replaceState(null, "", hash ? `#${hash}` : window.location.pathname);
    refresh();
  }

  const narrow = (changes) => setFilters({ ...state.filters, ...changes });

  // -- loading everything for the current filters ------------------------------------------------

  async function refresh() {
    const generation = ++state.generation;
    document.body.dataset.state = "loading";
    status("");
    try {
      const f = state.filters;
      const [events, stats, places, network] = await Promise.all([
        api("/events", { ...f, limit: PAGE, offset: state.offset, sort: state.sort }),
        api("/stats", f), api("/places", f), api("/network", { ...f, limit: NETWORK_EDGES }),
      ]);
      if (generation !== state.generation) return; // a newer request is on its way
      state.last = { events, stats, places: places.places, network };
      render();
      document.body.dataset.state = "ready";
    } catch (err) {
      if (generation !== state.generation) return;
      status(err.message);
      document.body.dataset.state = "error";
    }
  }

  function render() {
    const { events, stats, places, network } = state.last;
    const span = stats.total ? `, ${stats.first} to ${stats.last}` : "";
    $("summary").textContent = `${stats.total.toLocaleString()} events${span}`;
    renderTable(events);
    renderMap(places);
    renderTimeline(stats.by_day);
    renderNetwork(network);
  }

  // -- map ------------------------------------------------------------------------------------------

  const project = (lon, lat) => [(lon + 180) * 2, (90 - lat) * 2]; // equirectangular, 2 units a degree

  function worldLayer() {
    if (!state.world) return null;
    const layer = svg("g", { class: "countries" });
    for (const feature of state.world.features) {
      const d = feature.geometry.coordinates.map((polygon) => polygon.map((ring) =>
        "M" + ring.map(([lon, lat]) => project(lon, lat).map((n) => n.toFixed(1)).join(",")).join("L") + "Z"
      ).join("")).join("");
      layer.append(svg("path", { class: "country", d, "fill-rule": "evenodd" },
        svg("title", {}, feature.properties.name || "")));
    }
    return layer;
  }

  function fitView(places, width, height) {
    let [west, south, east, north] = [-170, -58, 190, 84];
    if (places.length) {
      west = Math.min(...places.map((p) => p.lon)); east = Math.max(...places.map((p) => p.lon));
      south = Math.min(...places.map((p) => p.lat)); north = Math.max(...places.map((p) => p.lat));
      const padLon = Math.max((east - west) * 0.25, 12), padLat = Math.max((north - south) * 0.25, 6);
      west -= padLon; east += padLon; south -= padLat; north += padLat;
    }
    let [x0, y0] = project(west, north), [x1, y1] = project(east, south);
    // Keep the element's aspect ratio so the map is not stretched.
    const aspect = width / height;
    if ((x1 - x0) / (y1 - y0) < aspect) {
      const grow = (y1 - y0) * aspect - (x1 - x0); x0 -= grow / 2; x1 += grow / 2;
    } else {
      const grow = (x1 - x0) / aspect - (y1 - y0); y0 -= grow / 2; y1 += grow / 2;
    }
    return [x0, y0, x1 - x0, y1 - y0];
  }

  function renderMap(places) {
    const map = clear($("map"));
    const width = map.clientWidth || 600, height = map.clientHeight || 340;
    const located = places.filter((p) => p.lat !== null && p.lon !== null);
    const view = fitView(located, width, height);
    map.setAttribute("viewBox", view.map((n) => n.toFixed(2)).join(" "));
    const world = worldLayer();
    if (world) map.append(world);
    const unit = view[2] / width; // viewBox units per screen pixel
    const marks = svg("g", { class: "marks" });
    const sorted = [...located].sort((a, b) => b.events - a.events);
    for (const place of sorted) {
      const quads = [1, 2, 3, 4].filter((q) => place[`q${q}`] > 0);
      const [cx, cy] = project(place.lon, place.lat);
      quads.forEach((q, i) => {
        const count = place[`q${q}`];
        const radius = Math.min(4 + 3 * Math.sqrt(count), 24);
        const angle = (i / quads.length) * 2 * Math.PI - Math.PI / 4;
        const shift = quads.length > 1 ? radius * 0.55 : 0;
        const label = `${place.name}${place.country ? ` (${place.country})` : ""}: ${count} ${QUADS[q]}`;
        const mark = svg("circle", {
          class: `event-mark q${q}`, r: (radius * unit).toFixed(3),
          cx: (cx + Math.cos(angle) * shift * unit).toFixed(3), cy: (cy + Math.sin(angle) * shift * unit).toFixed(3),
          "data-place": place.geonameid ?? place.name, "data-quad": q, "data-events": count,
        }, svg("title", {}, label));
        mark.addEventListener("click", () => narrow({ place: String(place.geonameid ?? place.name) }));
        marks.append(mark);
      });
    }
    map.append(marks);
  }

  function renderLegend() {
    const legend = $("legend");
    for (const q of [1, 2, 3, 4]) legend.append(el("li", { class: `key-q${q}`, "data-quad": q }, `${q} ${QUADS[q]}`));
  }

  // -- timeline -------------------------------------------------------------------------------------

  const DAY_MS = 86400000;
  const asDate = (text) => new Date(`${text}T00:00:00Z`);
  const isoDay = (date) => date.toISOString().slice(0, 10);

  function trimmed(byDay) {
    // Leave out up to 3% oldest and newest events when they stretch the axis (history recalled in news).
    const total = byDay.reduce((n, d) => n + d.events, 0);
    const cut = Math.floor(total * 0.03);
    let from = 0, to = byDay.length - 1, dropped = 0;
    while (from < to && dropped + byDay[from].events <= cut) dropped += byDay[from++].events;
    dropped = 0;
    while (to > from && dropped + byDay[to].events <= cut) dropped += byDay[to--].events;
    const kept = byDay.slice(from, to + 1);
    const hidden = total - kept.reduce((n, d) => n + d.events, 0);
    return { kept, hidden };
  }

  function buckets(byDay) {
    // Days for up to ~13 months, then months, then years; every bucket in the range, empty or not.
    const first = asDate(byDay[0].date), last = asDate(byDay[byDay.length - 1].date);
    const span = (last - first) / DAY_MS;
    const unit = span <= 400 ? "day" : span <= 366 * 15 ? "month" : "year";
    const keyOf = (text) => (unit === "day" ? text : unit === "month" ? text.slice(0, 7) : text.slice(0, 4));
    const counts = new Map();
    for (const d of byDay) {
      const bucket = counts.get(keyOf(d.date)) || { events: 0, q1: 0, q2: 0, q3: 0, q4: 0 };
      for (const k of ["events", "q1", "q2", "q3", "q4"]) bucket[k] += d[k];
      counts.set(keyOf(d.date), bucket);
    }
    const items = [];
    for (let at = new Date(first); at <= last && items.length < 2000;) {
      const start = new Date(at);
      if (unit === "day") at.setUTCDate(at.getUTCDate() + 1);
      else if (unit === "month") { at.setUTCDate(1); at.setUTCMonth(at.getUTCMonth() + 1); }
      else { at.setUTCMonth(0, 1); at.setUTCFullYear(at.getUTCFullYear() + 1); }
      const key = keyOf(isoDay(start));
      const end = new Date(at.getTime() - DAY_MS);
      items.push({ key, since: isoDay(start), until: isoDay(end),
        ...(counts.get(key) || { events: 0, q1: 0, q2: 0, q3: 0, q4: 0 }) });
    }
    return { unit, items };
  }

  function renderTimeline(byDay) {
    const chart = clear($("timeline"));
    const width = chart.clientWidth || 600, height = chart.clientHeight || 130;
    chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
    if (!byDay.length) {
      chart.append(svg("text", { x: 10, y: 24, class: "axis" }, "No events for these filters"));
      return;
    }
    const { kept, hidden } = trimmed(byDay);
    const { unit, items } = buckets(kept);
    const left = 28, bottom = 18, top = 8;
    const highest = Math.max(...items.map((d) => d.events), 1);
    const step = (width - left - 4) / items.length;
    const scale = (height - bottom - top) / highest;
    items.forEach((item, i) => {
      let y = height - bottom;
      const bar = svg("g", { class: "day", "data-date": item.key });
      for (const q of [1, 2, 3, 4]) {
        const n = item[`q${q}`];
        if (!n) continue;
        y -= n * scale;
        bar.append(svg("rect", { class: `q${q}`, x: (left + i * step + step * 0.1).toFixed(2), y: y.toFixed(2),
          width: Math.max(step * 0.8, 1).toFixed(2), height: (n * scale).toFixed(2) },
          svg("title", {}, `${item.key}: ${n} ${QUADS[q]}`)));
      }
      bar.addEventListener("click", () => narrow({ since: item.since, until: item.until }));
      chart.append(bar);
    });
    const note = hidden ? ` (${hidden} outside the range shown)` : "";
    chart.append(
      svg("line", { x1: left, x2: width - 4, y1: height - bottom, y2: height - bottom, class: "baseline" }),
      svg("text", { x: 2, y: top + 8, class: "axis" }, String(highest)),
      svg("text", { x: left, y: height - 4, class: "axis" }, `${items[0].key} · events per ${unit}${note}`),
      svg("text", { x: width - 4, y: height - 4, class: "axis", "text-anchor": "end" }, items[items.length - 1].key));
  }

  // -- actor network ----------------------------------------------------------------------------------

  function renderNetwork(network) {
    const chart = clear($("network"));
    const width = chart.clientWidth || 500, height = chart.clientHeight || 340;
    chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
    const defs = svg("defs");
    for (const q of [1, 2, 3, 4]) {
      defs.append(svg("marker", { id: `arrow-q${q}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9,
        markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, svg("path", { d: "M0,0L10,5L0,10Z", class: `q${q}` })));
    }
    chart.append(defs);
    if (!network.nodes.length) {
      chart.append(svg("text", { x: 10, y: 24, class: "axis" }, "No actor pairs for these filters"));
      return;
    }
    const cx = width / 2, cy = height / 2, ring = Math.max(Math.min(width / 2 - 120, height / 2 - 28), 40);
    const spots = new Map();
    const labelled = new Set([...network.nodes].sort((a, b) => b.events - a.events)
      .slice(0, NETWORK_LABELS).map((n) => n.actor));
    // Around the ring by actor code, so that one country's actors sit together.
    const nodes = [...network.nodes].sort((a, b) => a.actor.localeCompare(b.actor));
    nodes.forEach((node, i) => {
      const angle = (i / nodes.length) * 2 * Math.PI - Math.PI / 2;
      spots.set(node.actor, { x: cx + ring * Math.cos(angle), y: cy + ring * Math.sin(angle), angle, node });
    });
    const heaviest = Math.max(...network.edges.map((e) => e.events), 1);
    for (const edge of network.edges) {
      const a = spots.get(edge.source), b = spots.get(edge.target);
      if (!a || !b) continue;
      const quad = [1, 2, 3, 4].reduce((best, q) => (edge[`q${q}`] > edge[`q${best}`] ? q : best), 1);
      const widthPx = 1 + 6 * Math.sqrt(edge.events / heaviest);
      let d;
      if (a === b) { // an actor acting on its own side: a small loop outside the ring
        const ox = a.x + 22 * Math.cos(a.angle), oy = a.y + 22 * Math.sin(a.angle);
        d = `M${a.x},${a.y} C${ox + 14},${oy - 14} ${ox - 14},${oy + 14} ${a.x},${a.y}`;
      } else { // curved, so that A->B and B->A do not overlap
        const mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2, dx = b.x - a.x, dy = b.y - a.y;
        const len = Math.hypot(dx, dy) || 1, trim = 10 / len;
        d = `M${a.x + dx * trim},${a.y + dy * trim} Q${mx - dy * 0.15},${my + dx * 0.15} ${b.x - dx * trim},${b.y - dy * trim}`;
      }
      chart.append(svg("path", { class: `edge q${quad}`, d, "stroke-width": widthPx.toFixed(2),
        "marker-end": `url(#arrow-q${quad})`, "data-source": edge.source, "data-target": edge.target,
        "data-events": edge.events }, svg("title", {}, `${edge.source} → ${edge.target}: ${edge.events} events`)));
    }
    for (const { x, y, angle, node } of spots.values()) {
      const outward = Math.cos(angle) >= 0 ? "start" : "end";
      const group = svg("g", { class: "node", "data-actor": node.actor },
        svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: Math.min(4 + 1.5 * Math.sqrt(node.events), 14).toFixed(1) },
          svg("title", {}, `${node.name} (${node.actor}): ${node.events} events`)),
        labelled.has(node.actor) ? svg("text", { x: (x + 12 * Math.cos(angle)).toFixed(1),
          y: (y + 12 * Math.sin(angle) + 4).toFixed(1), "text-anchor": outward },
        clip(node.actor === node.name ? node.name : `${node.name} · ${node.actor}`, 26)) : null);
      group.addEventListener("click", () => narrow({ actor: node.actor }));
      chart.append(group);
    }
  }

  // -- event table ------------------------------------------------------------------------------------

  const clip = (text, n) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

  function actorLabel(name, code) {
    if (!name) return "—";
    return code && code !== name ? `${name} (${code})` : name;
  }

  function renderTable(page) {
    const body = clear($("events").tBodies[0]);
    for (const e of page.events) {
      const flags = [e.negated && "negated", e.hypothetical && "hypothetical"].filter(Boolean).join(", ");
      const sentence = e.sentence && e.sentence.length > 180 ? `${e.sentence.slice(0, 177)}…` : e.sentence;
      const row = el("tr", { "data-event-id": e.event_id },
        el("td", { class: "date" }, e.date),
        el("td", {}, el("span", { class: `type q${e.quad_class}` }, e.event_type),
          e.mode ? ` ${e.mode}` : "", flags ? el("span", { class: "flag" }, flags) : null),
        el("td", {}, actorLabel(e.source_name, e.source_code), " → ", actorLabel(e.target_name, e.target_code)),
        el("td", {}, e.place_name ? `${e.place_name}${e.place_country ? ` (${e.place_country})` : ""}` : "—"),
        el("td", {}, `${e.num_sources} / ${e.num_mentions}`),
        el("td", {}, Number(e.confidence).toFixed(2)),
        el("td", { class: "sentence" }, sentence || ""));
      row.addEventListener("click", () => openEvent(e.event_id));
      body.append(row);
    }
    const shown = page.events.length;
    $("table-count").textContent = `${page.total.toLocaleString()} events; sorted by ${page.sort}`;
    $("page").textContent = shown ? `${page.offset + 1}–${page.offset + shown} of ${page.total.toLocaleString()}` : "none";
    $("prev").disabled = page.offset === 0;
    $("next").disabled = page.offset + shown >= page.total;
  }

  // -- event detail and its article -------------------------------------------------------------------

  async function openEvent(id) {
    try {
      const e = await api(`/events/${encodeURIComponent(id)}`);
      for (const row of $("events").tBodies[0].rows) row.classList.toggle("selected", row.dataset.eventId === String(id));
      $("detail").hidden = false;
      $("detail").dataset.eventId = String(id);
      $("detail-title").textContent = `${e.event_type}${e.mode ? ` (${e.mode})` : ""}: ` +
        `${actorLabel(e.source_name, e.source_code)} → ${actorLabel(e.target_name, e.target_code)}`;
      const fields = clear($("detail-fields"));
      const place = e.place_name ? [e.place_name, e.admin1, e.place_country].filter(Boolean).join(", ") +
        (e.geonameid ? ` (GeoNames ${e.geonameid})` : "") : "not stated";
      const rows = [
        ["Date", e.date], ["CAMEO", e.cameo], ["Quad class", `${e.quad_class} ${QUADS[e.quad_class]}`],
        ["Intensity", e.intensity], ["Place", place],
        ["Reported", `${plural(e.num_sources, "outlet")}, ${plural(e.num_articles, "article")}, ` +
          plural(e.num_mentions, "mention")],
        ["Confidence", Number(e.confidence).toFixed(2)],
      ];
      if (e.negated || e.hypothetical) rows.push(["Flags", [e.negated && "negated", e.hypothetical && "hypothetical"].filter(Boolean).join(", ")]);
      for (const [label, value] of rows) fields.append(el("dt", {}, label), el("dd", {}, value ?? "—"));
      const list = clear($("mentions"));
      e.mentions.forEach((m, i) => {
        const item = el("li", { "data-mention-id": m.mention_id },
          el("a", { href: "#", class: "mention-link" }, `${m.article_source || m.article_id}, ${m.published}`),
          el("span", { class: "mention-sentence" }, m.sentence));
        item.querySelector("a").addEventListener("click", (ev) => { ev.preventDefault(); showArticle(m, item); });
        list.append(item);
        if (i === 0) showArticle(m, item);
      });
    } catch (err) {
      status(err.message);
    }
  }

  async function showArticle(mention, item) {
    for (const li of $("mentions").children) li.classList.toggle("current", li === item);
    const article = await api(`/articles/${encodeURIComponent(mention.article_id)}`);
    $("article-title").textContent = article.title || article.article_id;
    const meta = clear($("article-meta"));
    meta.append([article.source, article.date].filter(Boolean).join(", "));
    const link = safeLink(article.url, "open original");
    if (link) meta.append(" · ", link);
    const spans = [
      [mention.sentence_start, mention.sentence_start + Array.from(mention.sentence || "").length, "sentence"],
      [mention.trigger_start, mention.trigger_end, "trigger"],
      [mention.source_start, mention.source_end, "actor"],
      [mention.target_start, mention.target_end, "actor"],
      [mention.place_start, mention.place_end, "place"],
    ].filter(([start, end]) => Number.isInteger(start) && Number.isInteger(end) && end > start);
    highlight(clear($("article")), article.text, spans);
    const trigger = $("article").querySelector(".trigger");
    if (trigger) trigger.scrollIntoView({ block: "center" });
  }

  function highlight(container, text, spans) {
    // Offsets count code points (as Python does), so slice code points, not UTF-16 units.
    const points = Array.from(text);
    const cuts = new Set([0, points.length]);
    for (const [start, end] of spans) { cuts.add(Math.min(start, points.length)); cuts.add(Math.min(end, points.length)); }
    const bounds = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < bounds.length; i++) {
      const [a, b] = [bounds[i], bounds[i + 1]];
      const piece = points.slice(a, b).join("");
      const roles = spans.filter(([start, end]) => start <= a && b <= end).map(([, , role]) => role);
      if (!roles.length) { container.append(piece); continue; }
      const marked = roles.some((r) => r !== "sentence");
      const roleList = [...new Set(roles)];
      container.append(el(marked ? "mark" : "span", { class: roleList.join(" "), "data-role": roleList.join(" ") }, piece));
    }
  }

  // -- wiring ------------------------------------------------------------------------------------------

  function start() {
    const select = $("filters").elements.event_type;
    for (const type of TYPES) select.append(el("option", { value: type }, type));
    renderLegend();
    $("filters").addEventListener("submit", (ev) => { ev.preventDefault(); setFilters(readForm()); });
    $("filters").addEventListener("reset", () => setTimeout(() => setFilters({}), 0));
    $("prev").addEventListener("click", () => { state.offset = Math.max(state.offset - PAGE, 0); refresh(); });
    $("next").addEventListener("click", () => { state.offset += PAGE; refresh(); });
    for (const th of document.querySelectorAll("th[data-sort]")) {
      th.addEventListener("click", () => {
        const key = th.dataset.sort;
        state.sort = state.sort === `-${key}` ? key : `-${key}`;
        state.offset = 0;
        refresh();
      });
    }
    $("close-detail").addEventListener("click", () => { $("detail").hidden = true; });
    document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") $("detail").hidden = true; });
    let resizing = null;
    window.addEventListener("resize", () => {
      clearTimeout(resizing);
      resizing = setTimeout(() => { if (state.last) render(); }, 150);
    });
    const initial = Object.fromEntries(new URLSearchParams(window.location.hash.slice(1)));
    state.filters = initial;
    writeForm(initial);
    fetch("/web/world.json").then((r) => r.json()).then((world) => {
      state.world = world;
      if (state.last) renderMap(state.last.places);
    }).catch(() => status("basemap not available"));
    refresh();
  }

  start();
})();
