// eventline dashboard: plain JavaScript, no dependencies, nothing loaded from outside this server.
// Reads only the JSON API under /api. All text from the store is inserted as text, never as HTML.
"use strict";

const QUADS = {
  1: { label: "Verbal cooperation", color: "var(--q1)", raw: "#9ccf8f" },
  2: { label: "Material cooperation", color: "var(--q2)", raw: "#3b8c5a" },
  3: { label: "Verbal conflict", color: "var(--q3)", raw: "#f2a54a" },
  4: { label: "Material conflict", color: "var(--q4)", raw: "#c94a3f" },
};
// PLOVER categories from most cooperative to most conflictual, with a colour ramp green -> red.
const PLOVER = [
  ["AGREE", "#2e7d4f"], ["CONSULT", "#5aa469"], ["SUPPORT", "#7fbf7b"], ["CONCEDE", "#a6d96a"],
  ["COOPERATE", "#3b8c5a"], ["AID", "#1b5e3b"], ["RETREAT", "#c7e9c0"], ["REQUEST", "#d9d27a"],
  ["ACCUSE", "#fdb863"], ["REJECT", "#f59e42"], ["THREATEN", "#e66101"], ["PROTEST", "#f4a582"],
  ["SANCTION", "#d6604d"], ["MOBILIZE", "#b2182b"], ["COERCE", "#8e0f24"], ["ASSAULT", "#5c0a1a"],
  ["NONE", "#b9c0c8"],
];
const PLOVER_COLOR = Object.fromEntries(PLOVER);
const PLOVER_ORDER = PLOVER.map(([k]) => k);
const CODE_RE = /^[A-Za-z0-9]{3,15}$/;
const PAGE = 25;
const SVGNS = "http://www.w3.org/2000/svg";

const state = {
  a: "", b: "", start: "", end: "", by: "month", stack: "quad", normalise: false,
  series: null, shifts: [], offset: 0, total: 0, q: "", period: null,
};

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs = {}, parent = null) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  if (parent) parent.append(node);
  return node;
}

async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params)) {
    if (v !== "" && v !== null && v !== undefined && v !== false) url.searchParams.set(k, v);
  }
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) throw new Error((body && body.error) || `${res.status} ${res.statusText}`);
  return body;
}

function showMessage(text) {
  const box = $("#message");
  box.textContent = text || "";
  box.hidden = !text;
}

const fmt = {
  num(v, d = 0) {
    if (v === null || v === undefined || Number.isNaN(v)) return "–";
    return Number(v).toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
  },
  signed(v, d = 1) {
    if (v === null || v === undefined) return "–";
    return (v > 0 ? "+" : v < 0 ? "−" : "") + Math.abs(v).toFixed(d);
  },
  pct(v) { return v === null || v === undefined ? "–" : `${(100 * v).toFixed(1)}%`; },
  period(p, by) {
    if (by === "month" && /^\d{4}-\d{2}$/.test(p)) {
      const [y, m] = p.split("-").map(Number);
      return new Date(Date.UTC(y, m - 1, 1)).toLocaleString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
    }
    return p;
  },
};

function clip(text, n) {
  if (!text || text.length <= n) return text || "";
  const cut = text.slice(0, n);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), n - 20))}…`;
}

function entities(list) {
  if (!list) return [];
  if (!Array.isArray(list)) list = [list];
  return list.map((e) => (typeof e === "string" ? { text: e, code: e } : e || {}));
}
function entityLabel(list) {
  const ents = entities(list);
  if (!ents.length) return "—";
  return ents.map((e) => e.text || e.name || e.code || "?").join(", ");
}
function entityCodes(list) {
  return entities(list).map((e) => e.code || e.country || "").filter(Boolean).join(", ");
}

// ---- URL state ----------------------------------------------------------------------------------------------

function readHash() {
  const h = new URLSearchParams(window.location.hash.slice(1));
  for (const k of ["a", "b", "start", "end", "by", "stack"]) if (h.get(k)) state[k] = h.get(k);
  state.normalise = h.get("normalise") === "1";
  return Boolean(state.a && state.b);
}
function writeHash() {
  const h = new URLSearchParams();
  for (const k of ["a", "b", "start", "end", "by", "stack"]) if (state[k]) h.set(k, state[k]);
  if (state.normalise) h.set("normalise", "1");
  history.replaceState(null, "", `#${h}`);
}
function syncForm() {
  $("#code-a").value = state.a; $("#code-b").value = state.b;
  $("#start").value = state.start; $("#end").value = state.end;
  $("#by").value = state.by; $("#stack").value = state.stack; $("#normalise").checked = state.normalise;
}

// ---- picker -------------------------------------------------------------------------------------------------

let searchTimer = null;
function onActorInput(ev) {
  clearTimeout(searchTimer);
  const q = ev.target.value.trim();
  searchTimer = setTimeout(async () => {
    try {
      const { actors } = await api("/api/actors", { q, limit: 30 });
      const list = $("#actor-list");
      list.replaceChildren(...actors.map((a) => el("option", {
        value: a.code,
        label: `${a.name || a.example || a.code}${a.mentions ? ` · ${a.mentions} mentions` : ""}`,
      })));
    } catch (e) { /* the picker still accepts typed codes */ }
  }, 150);
}

async function resolveCode(value) {
  const v = value.trim();
  if (CODE_RE.test(v) && v === v.toUpperCase()) return v;
  const { actors } = await api("/api/actors", { q: v, limit: 5 });
  const exact = actors.find((a) => a.code.toLowerCase() === v.toLowerCase());
  if (exact) return exact.code;
  if (actors.length) return actors[0].code;
  if (CODE_RE.test(v)) return v.toUpperCase();
  throw new Error(`no actor matches "${v}"`);
}

async function loadQuickDyads() {
  try {
    const { pairs: dyads } = await api("/api/dyads", { limit: 8 });
    const box = $("#quick-dyads");
    box.replaceChildren(...dyads.map((d) => el("button", {
      type: "button", class: "chip", text: `${d.a} ⇄ ${d.b} (${d.events ?? d.count ?? ""})`,
      onclick: () => { state.a = d.a; state.b = d.b; syncForm(); showDyad(); },
    })));
    return dyads;
  } catch (e) { return []; }
}

// ---- dyad ---------------------------------------------------------------------------------------------------

async function showDyad() {
  showMessage("");
  state.offset = 0; state.period = null;
  writeHash();
  const params = { by: state.by, normalise: state.normalise, start: state.start, end: state.end, top: 3 };
  try {
    const [series, s1, s2] = await Promise.all([
      api(`/api/dyads/${encodeURIComponent(state.a)}/${encodeURIComponent(state.b)}/series`, params),
      api("/api/shifts", { actor: state.a, recipient: state.b, by: state.by }),
      api("/api/shifts", { actor: state.b, recipient: state.a, by: state.by }),
    ]);
    state.series = series;
    state.shifts = [
      ...s1.shifts.map((s) => ({ ...s, _dir: "A->B" })),
      ...s2.shifts.map((s) => ({ ...s, _dir: "B->A" })),
    ];
  } catch (e) {
    state.series = null; state.shifts = [];
    showMessage(e.message);
  }
  renderChart();
  renderShifts();
  await loadEvents();
}

function directionOf(p) {
  const d = String(p.direction || "");
  if (d === "A->B" || d.toUpperCase().startsWith(`${state.series.a}-`)) return "A->B";
  return "B->A";
}

function periodsDomain(periods, by) {
  const keys = [...new Set(periods.map((p) => p.period))].sort();
  if (keys.length < 2 || !["month", "year"].includes(by)) return keys;
  const out = [];
  if (by === "year") {
    for (let y = Number(keys[0]); y <= Number(keys[keys.length - 1]); y++) out.push(String(y));
    return out;
  }
  let [y, m] = keys[0].split("-").map(Number);
  const [y1, m1] = keys[keys.length - 1].split("-").map(Number);
  while (y < y1 || (y === y1 && m <= m1)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1; if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

function stackOf(p) {
  // [[key, value, colour, label]] for one period, in stacking order.
  const norm = state.normalise && p.normalised ? p.normalised : null;
  if (state.stack === "quad") {
    const counts = (norm && norm.counts_by_quad) || p.counts_by_quad || {};
    return [1, 2, 3, 4].map((q) => [String(q), Number(counts[q] ?? counts[String(q)] ?? 0), QUADS[q].raw, QUADS[q].label]);
  }
  const counts = p.counts_by_event || {};
  const total = Object.values(counts).reduce((s, v) => s + Number(v), 0);
  const scale = norm && norm.events !== undefined && total ? Number(norm.events) / total : (norm ? 0 : 1);
  const keys = Object.keys(counts).sort((x, y) => PLOVER_ORDER.indexOf(x) - PLOVER_ORDER.indexOf(y));
  return keys.map((k) => [k, Number(counts[k]) * (norm ? scale : 1), PLOVER_COLOR[k] || "#999", k]);
}

function niceTicks(v, integer) {
  // Axis ticks from 0 to at least v with a round step (whole numbers for counts).
  if (!(v > 0)) return [0, 1];
  let step = 1;
  const raw = v / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const f of [1, 2, 2.5, 5, 10]) { step = f * mag; if (step >= raw) break; }
  if (integer) step = Math.max(1, Math.round(step));
  const ticks = [];
  for (let t = 0; t < v + step * 0.999; t += step) ticks.push(Number(t.toFixed(6)));
  return ticks;
}

function renderLegend(periods) {
  const legend = $("#legend");
  const items = [];
  if (state.stack === "quad") {
    for (const q of [1, 2, 3, 4]) items.push([QUADS[q].raw, QUADS[q].label]);
  } else {
    const seen = new Set();
    for (const p of periods) for (const k of Object.keys(p.counts_by_event || {})) seen.add(k);
    for (const k of PLOVER_ORDER) if (seen.has(k)) items.push([PLOVER_COLOR[k], k]);
  }
  const nodes = items.map(([c, label]) => {
    const i = el("i"); i.style.background = c;
    return el("span", {}, i, label);
  });
  nodes.push(el("span", {}, el("i", { class: "line" }), "mean Goldstein (right axis)"));
  nodes.push(el("span", {}, el("i", { class: "shift" }), "stance shift"));
  legend.replaceChildren(...nodes);
}

function renderChart() {
  const box = $("#chart");
  box.replaceChildren();
  delete box.dataset.points;
  const series = state.series;
  if (!series) { $("#chart-title").textContent = "Dyad"; $("#legend").replaceChildren(); return; }
  const { a, b } = series;
  const unit = state.normalise ? "share of all events in the period" : (series.unit || "events");
  $("#chart-title").replaceChildren(
    `${a} ⇄ ${b} `, el("span", { class: "muted small", text: `per ${series.by} · ${unit}` }),
  );
  const periods = series.periods || [];
  renderLegend(periods);

  const width = Math.max(640, box.clientWidth || 900);
  const m = { l: 52, r: 46, t: 30, b: 40 };
  const panelH = 190, gap = 46;
  const height = m.t + 2 * panelH + gap + m.b;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `${a} and ${b} per ${series.by}` }, box);
  const domain = periodsDomain(periods, series.by);
  if (!domain.length) {
    svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty", text: "No events between these two in this range." }, root);
    box.dataset.points = "0";
    return;
  }
  const innerW = width - m.l - m.r;
  const band = innerW / domain.length;
  const xOf = (k) => m.l + domain.indexOf(k) * band;
  const barW = Math.max(2, Math.min(46, band * 0.62));

  const byDir = { "A->B": new Map(), "B->A": new Map() };
  for (const p of periods) byDir[directionOf(p)].set(p.period, p);
  let ymax = 0;
  for (const p of periods) ymax = Math.max(ymax, stackOf(p).reduce((s, [, v]) => s + v, 0));
  const ticks = niceTicks(ymax, !state.normalise);
  ymax = ticks[ticks.length - 1];

  let points = 0;
  const panels = [["A->B", `${a} → ${b}`], ["B->A", `${b} → ${a}`]];
  panels.forEach(([dir, title], idx) => {
    const top = m.t + idx * (panelH + gap);
    const g = svg("g", { class: "panel", "data-direction": dir }, root);
    const yC = (v) => top + panelH - (v / ymax) * panelH;
    const yG = (v) => top + panelH / 2 - (v / 10) * (panelH / 2);
    svg("text", { x: m.l, y: top - 7, class: "panel-title", text: title }, g);
    const axis = svg("g", { class: "axis" }, g);
    for (const v of ticks) {
      svg("line", { x1: m.l, x2: width - m.r, y1: yC(v), y2: yC(v), class: "grid-line" }, axis);
      svg("text", { x: m.l - 6, y: yC(v) + 4, "text-anchor": "end", text: state.normalise ? fmt.num(v, 2) : fmt.num(v, v % 1 ? 1 : 0) }, axis);
    }
    for (const v of [-10, 0, 10]) {
      svg("text", { x: width - m.r + 6, y: yG(v) + 4, text: fmt.signed(v, 0).replace("+0", "0") }, axis);
    }
    svg("line", { x1: m.l, x2: width - m.r, y1: yG(0), y2: yG(0), class: "zero" }, g);

    const pts = [];
    for (const k of domain) {
      const p = byDir[dir].get(k);
      const x0 = xOf(k);
      const hover = svg("rect", { x: x0, y: top, width: band, height: panelH, fill: "transparent", class: "col" }, g);
      if (!p) continue;
      bindTip(hover, p, dir);
      let acc = 0;
      for (const [key, v, color, label] of stackOf(p)) {
        if (!v) continue;
        const r = svg("rect", {
          x: x0 + (band - barW) / 2, y: yC(acc + v), width: barW, height: Math.max(0.5, yC(acc) - yC(acc + v)),
          fill: color, class: "bar", "data-key": key,
        }, g);
        r.append(svg("title", { text: `${label}: ${state.normalise ? fmt.num(v, 3) : fmt.num(v)}` }));
        bindTip(r, p, dir);
        acc += v;
      }
      if (p.goldstein_mean !== null && p.goldstein_mean !== undefined) pts.push([x0 + band / 2, yG(p.goldstein_mean), p]);
    }
    // Solid between neighbouring periods; across periods without events, a faint dotted bridge.
    let solid = "", bridge = "";
    for (let i = 1; i < pts.length; i++) {
      const [x0, y0, p0] = pts[i - 1], [x1, y1, p1] = pts[i];
      const seg = `M${x0.toFixed(1)},${y0.toFixed(1)}L${x1.toFixed(1)},${y1.toFixed(1)}`;
      if (domain.indexOf(p1.period) - domain.indexOf(p0.period) === 1) solid += seg; else bridge += seg;
    }
    if (bridge) svg("path", { d: bridge, class: "gline gap" }, g);
    if (solid) svg("path", { d: solid, class: "gline" }, g);
    for (const [x, y, p] of pts) {
      const c = svg("circle", { cx: x, cy: y, r: 4, class: "gpoint", "data-period": p.period, "data-direction": dir }, g);
      bindTip(c, p, dir);
      points += 1;
    }
    // Shift markers: a dashed line where the after-period starts.
    state.shifts.filter((s) => s._dir === dir).forEach((s) => {
      const k = shiftPeriod(s);
      if (!k || !domain.includes(k)) return;
      const x = xOf(k);
      svg("line", { x1: x, x2: x, y1: top - 2, y2: top + panelH, class: "shift-line" }, g);
      const nearEnd = x > width - m.r - 60;
      const tag = svg("text", {
        x: nearEnd ? x - 4 : x + 4, y: top + 11, "text-anchor": nearEnd ? "end" : "start", class: "shift-tag",
        text: `shift ${shiftArrow(s)}`, "data-shift": shiftId(s),
      }, g);
      tag.addEventListener("click", () => focusShift(s));
    });
  });

  // x axis labels, thinned to fit.
  const axis = svg("g", { class: "axis" }, root);
  const every = Math.max(1, Math.ceil(domain.length / Math.floor(innerW / 70)));
  domain.forEach((k, i) => {
    if (i % every) return;
    svg("text", { x: xOf(k) + band / 2, y: height - m.b + 18, "text-anchor": "middle", text: fmt.period(k, series.by) }, axis);
  });
  svg("text", { x: 8, y: m.t + panelH + gap / 2 + 4, class: "label", text: state.normalise ? "share" : "events" }, root);
  box.dataset.points = String(points);
  box.dataset.dyad = `${a}-${b}`;
}

function bindTip(node, p, dir) {
  node.addEventListener("mousemove", (ev) => showTip(ev, p, dir));
  node.addEventListener("mouseleave", hideTip);
  node.addEventListener("click", () => filterPeriod(p.period, dir));
}

function showTip(ev, p, dir) {
  const tip = $("#tooltip");
  const s = state.series;
  const who = dir === "A->B" ? `${s.a} → ${s.b}` : `${s.b} → ${s.a}`;
  const lines = [el("div", {}, el("b", { text: `${who}, ${fmt.period(p.period, s.by)}` }))];
  const n = p.events ?? (p.event_ids || []).length;
  lines.push(el("div", { text: `${n} events · mean Goldstein ${fmt.signed(p.goldstein_mean, 2)}` }));
  for (const [, v, , label] of stackOf(p)) {
    if (v) lines.push(el("div", { text: `${label}: ${state.normalise ? fmt.num(v, 3) : fmt.num(v)}` }));
  }
  const top = (p.top_events || [])[0];
  if (top && top.text) lines.push(el("div", { class: "muted", text: `“${top.text.slice(0, 140)}”` }));
  lines.push(el("div", { class: "muted", text: "click: list these events" }));
  tip.replaceChildren(...lines);
  tip.hidden = false;
  const card = tip.parentElement.getBoundingClientRect();
  let x = ev.clientX - card.left + 14;
  if (x + 320 > card.width) x = ev.clientX - card.left - 330;
  tip.style.left = `${Math.max(4, x)}px`;
  tip.style.top = `${ev.clientY - card.top + 12}px`;
}
function hideTip() { $("#tooltip").hidden = true; }

// ---- shifts -------------------------------------------------------------------------------------------------

function shiftPeriod(s) {
  const v = s.period || s.at || s.start || (s.after && (s.after.period || s.after.start)) || s.date;
  return v ? String(v) : null;
}
function shiftId(s) { return `${s._dir}:${shiftPeriod(s)}`; }
function shiftChange(s) {
  if (typeof s.change === "number") return s.change;
  const b = s.before && s.before.goldstein_mean, a = s.after && s.after.goldstein_mean;
  return typeof a === "number" && typeof b === "number" ? a - b : null;
}
function shiftArrow(s) { const c = shiftChange(s); return c === null ? "" : c < 0 ? "▼" : "▲"; }
function evidenceOf(side) {
  if (!side) return [];
  const list = side.evidence || side.events || side.top_events || [];
  return Array.isArray(list) ? list : [];
}

function renderShifts() {
  const box = $("#shifts");
  const s = state.series;
  $("#shift-count").textContent = state.shifts.length ? `(${state.shifts.length})` : "";
  if (!s) { box.replaceChildren(el("p", { class: "muted", text: "Pick a dyad." })); return; }
  if (!state.shifts.length) {
    box.replaceChildren(el("p", { class: "muted", text: "No stance shift found for this dyad." }));
    return;
  }
  box.replaceChildren(...state.shifts.map((sh) => {
    const change = shiftChange(sh);
    const who = sh._dir === "A->B" ? `${s.a} → ${s.b}` : `${s.b} → ${s.a}`;
    const kind = change === null ? "" : change < 0 ? "toward-conflict" : "toward-cooperation";
    const side = (label, part) => {
      const mean = part && part.goldstein_mean;
      const n = part && (part.events ?? part.n);
      return el("div", { class: "small" },
        el("b", { text: `${label}: ` }),
        `mean Goldstein ${fmt.signed(mean, 1)}${n !== undefined && n !== null ? ` over ${typeof n === "number" ? n : n.length} events` : ""}`,
        el("ul", { class: "evidence" }, ...evidenceOf(part).slice(0, 3).map((e) => el("li", {
          title: "open the document",
          onclick: () => e.doc_id && openDocument(e.doc_id, (e.mentions && e.mentions[0]) || e.id || e.event_id),
        }, el("span", { class: "tag", text: e.date || "" }), clip(e.text || e.cameo || "", 150)))),
      );
    };
    return el("div", { class: `shift ${kind}`, "data-shift": shiftId(sh) },
      el("div", { class: "shift-head" }, `${who} from ${fmt.period(shiftPeriod(sh), s.by)} `,
        el("span", { class: "delta", text: change === null ? "" : `${shiftArrow(sh)} ${fmt.signed(change, 1)}` })),
      side("before", sh.before), side("after", sh.after));
  }));
}

function focusShift(s) {
  const node = document.querySelector(`.shift[data-shift="${CSS.escape(shiftId(s))}"]`);
  if (node) {
    node.scrollIntoView({ block: "nearest", behavior: "smooth" });
    node.animate([{ background: "#f3e8fa" }, { background: "transparent" }], 1200);
  }
}

// ---- events table -------------------------------------------------------------------------------------------

function isoWeekRange(key) {
  const m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!m) return [key, key];
  const y = Number(m[1]), w = Number(m[2]);
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 864e5 + (w - 1) * 7 * 864e5);
  const sunday = new Date(monday.getTime() + 6 * 864e5);
  return [monday.toISOString().slice(0, 10), sunday.toISOString().slice(0, 10)];
}

function filterPeriod(period, dir) {
  state.period = { period, dir };
  state.offset = 0;
  loadEvents();
  $("#events").scrollIntoView({ block: "nearest", behavior: "smooth" });
}

async function loadEvents() {
  const tbody = $("#events tbody");
  if (!state.a || !state.b) { tbody.replaceChildren(); return; }
  const params = { limit: PAGE, offset: state.offset, q: state.q, start: state.start, end: state.end };
  let scope;
  if (state.period) {
    const [s, e] = isoWeekRange(state.period.period);
    params.start = s; params.end = e;
    const [x, y] = state.period.dir === "A->B" ? [state.a, state.b] : [state.b, state.a];
    params.actor = x; params.recipient = y;
    scope = `${x} → ${y}, ${fmt.period(state.period.period, state.by)}`;
  } else {
    params.actor = state.a; params.recipient = state.b; params.both = true;
    scope = `${state.a} ⇄ ${state.b}`;
  }
  const scopeNode = $("#events-scope");
  scopeNode.replaceChildren(scope);
  if (state.period) {
    scopeNode.append(" ", el("button", { type: "button", class: "ghost small", text: "show all", onclick: () => { state.period = null; state.offset = 0; loadEvents(); } }));
  }
  let data;
  try {
    data = await api("/api/events", params);
  } catch (e) {
    showMessage(e.message);
    tbody.replaceChildren();
    return;
  }
  state.total = data.total;
  tbody.replaceChildren(...data.events.map(eventRow));
  if (!data.events.length) tbody.append(el("tr", {}, el("td", { colspan: 9, class: "muted", text: "No events." })));
  const last = Math.min(data.offset + data.events.length, data.total);
  $("#page-info").textContent = data.total ? `${data.offset + 1}–${last} of ${data.total}` : "0";
  $("#prev").disabled = data.offset === 0;
  $("#next").disabled = last >= data.total;
  $("#events").dataset.loaded = String(data.total);
}

function eventRow(r) {
  const quad = r.quad_class;
  return el("tr", { "data-event": r.id, "data-doc": r.doc_id, onclick: () => openDocument(r.doc_id, r.id), title: "open the document" },
    el("td", { class: "nowrap", text: r.date }),
    el("td", {}, el("div", { text: `${entityLabel(r.actor)} → ${entityLabel(r.recipient)}` }),
      el("div", { class: "muted small code", text: `${entityCodes(r.actor)} → ${entityCodes(r.recipient) || "—"}` })),
    el("td", { class: "code", text: r.cameo }),
    el("td", {}, el("span", { class: `pill q${quad}`, text: r.event || "—" })),
    el("td", { text: r.modality }),
    el("td", {}, r.negated ? el("span", { class: "neg", text: "not" }) : ""),
    el("td", { text: entities(r.said_by).length ? entityLabel(r.said_by) : "" }),
    el("td", { class: "num", text: fmt.num(r.confidence, 2) }),
    el("td", { class: "sentence", text: clip(r.text, 180) }),
  );
}

// ---- document viewer ----------------------------------------------------------------------------------------

function locate(text, item, within) {
  // [start, end) of item in text: its own offsets when they point at its words, else a search inside `within`.
  if (!item) return null;
  const words = item.text;
  if (Number.isInteger(item.start) && Number.isInteger(item.end) && item.end > item.start) {
    if (!words || text.slice(item.start, item.end) === words) return [item.start, item.end];
  }
  if (!words) return null;
  const [s, e] = within || [0, text.length];
  const i = text.slice(s, e).indexOf(words);
  return i < 0 ? null : [s + i, s + i + words.length];
}

function marked(text, from, to, marks) {
  // Text nodes and spans for text[from, to), one span per run of characters under the same marks.
  const cuts = new Set([from, to]);
  for (const [s, e] of marks) { if (s > from && s < to) cuts.add(s); if (e > from && e < to) cuts.add(e); }
  const points = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [s, e] = [points[i], points[i + 1]];
    const classes = marks.filter(([ms, me]) => ms <= s && me >= e).map(([, , c]) => c);
    const piece = text.slice(s, e);
    if (!classes.length) { out.push(document.createTextNode(piece)); continue; }
    const outer = el("span", { class: classes[0] });
    let node = outer;
    for (const c of classes.slice(1)) { const inner = el("span", { class: c }); node.append(inner); node = inner; }
    node.textContent = piece;
    out.push(outer);
  }
  return out;
}

function highlight(text, event) {
  // The event's sentence as one highlighted span, with its actor, recipient, said-by and trigger marked inside.
  let span = Array.isArray(event.span) && event.span.length === 2 ? event.span : null;
  if (!span || (event.text && text.slice(span[0], span[1]) !== event.text)) span = locate(text, { text: event.text }) || span;
  if (!span) return [document.createTextNode(text)];
  const [s0, s1] = [Math.max(0, span[0]), Math.min(text.length, span[1])];
  const marks = [];
  for (const [list, cls] of [[event.said_by, "hl-source"], [event.actor, "hl-actor"], [event.recipient, "hl-recipient"]]) {
    for (const ent of entities(list)) {
      const at = locate(text, ent, [s0, s1]);
      if (at && at[0] >= s0 && at[1] <= s1) marks.push([at[0], at[1], cls]);
    }
  }
  const trig = locate(text, event.trigger, [s0, s1]);
  if (trig && trig[0] >= s0 && trig[1] <= s1) marks.push([trig[0], trig[1], "hl-trigger"]);
  const sentence = el("span", { class: "hl-sentence", "data-event": event.id }, ...marked(text, s0, s1, marks));
  return [document.createTextNode(text.slice(0, s0)), sentence, document.createTextNode(text.slice(s1))];
}

let currentDoc = null;

async function openDocument(docId, eventId) {
  if (!docId) return;
  let data;
  try {
    data = await api(`/api/documents/${encodeURIComponent(docId)}`);
  } catch (e) { showMessage(e.message); return; }
  currentDoc = data;
  const d = data.document;
  $("#doc-title").textContent = d.title || d.id;
  const meta = [d.publisher, d.pub_date, d.id].filter(Boolean).join(" · ");
  $("#doc-meta").replaceChildren(meta);
  if (d.url && /^https?:\/\//.test(d.url)) $("#doc-meta").append(" · ", el("a", { href: d.url, target: "_blank", rel: "noopener noreferrer", text: "source" }));
  if (d.duplicate_of) $("#doc-meta").append(` · copy of ${d.duplicate_of}`);
  const list = $("#doc-events");
  list.replaceChildren(el("h2", { text: `${data.events.length} events in this document` }),
    ...data.events.map((ev) => el("div", { class: "ev", "data-event": ev.id, onclick: () => selectDocEvent(ev.id) },
      el("div", {}, el("span", { class: `pill q${ev.quad_class}`, text: ev.event || ev.cameo }), " ",
        el("span", { class: "code", text: ev.cameo })),
      el("div", { text: `${entityLabel(ev.actor)} → ${entityLabel(ev.recipient)}` }),
      el("div", { class: "muted", text: `“${(ev.trigger && ev.trigger.text) || ""}” · ${ev.modality}${ev.negated ? " · negated" : ""}` }))));
  $("#doc-modal").hidden = false;
  selectDocEvent(eventId || (data.events[0] && data.events[0].id));
}

function selectDocEvent(eventId) {
  const data = currentDoc;
  const text = data.document.text || "";
  const event = data.events.find((e) => e.id === eventId);
  const body = $("#doc-text");
  body.replaceChildren(...(event ? highlight(text, event) : [document.createTextNode(text)]));
  for (const node of document.querySelectorAll("#doc-events .ev")) node.classList.toggle("active", node.dataset.event === eventId);
  const mark = body.querySelector(".hl-sentence");
  // Scroll the text panel only (scrollIntoView would also move the page behind the dialog).
  body.scrollTop = mark ? Math.max(0, mark.offsetTop - body.clientHeight / 3) : 0;
}

function closeDocument() { $("#doc-modal").hidden = true; currentDoc = null; }

// ---- claims and quality -------------------------------------------------------------------------------------

function claimantOf(c) {
  const w = c.claimant || c.claimants || c.said_by;
  const ents = entities(w);
  if (!ents.length) return { label: "(unattributed)", code: "" };
  return { label: ents.map((e) => e.text || e.name || e.code).join(", "), code: entityCodes(ents) };
}

async function loadClaims() {
  const box = $("#claims");
  let groups;
  try { ({ groups } = await api("/api/claims")); } catch (e) { box.replaceChildren(el("p", { class: "muted", text: e.message })); return; }
  if (!groups.length) { box.replaceChildren(el("p", { class: "muted", text: "No numeric claims in this store." })); return; }
  box.replaceChildren(...groups.slice(0, 12).map((g) => {
    const claims = g.claims || g.members || [];
    const max = Math.max(1e-9, ...claims.map((c) => Math.abs(Number(c.value) || 0)));
    const title = g.counted || (claims[0] && claims[0].counted) || g.subject || g.subject_key || g.key || "claims";
    const key = g.subject || g.subject_key;
    return el("div", { class: "claim-group", "data-disputed": g.disputed ? "1" : "0" },
      el("h3", {}, title, g.disputed ? el("span", { class: "badge", text: "disputed" }) : null,
        key && key !== title ? el("span", { class: "muted small code", text: `  ${key}` }) : null),
      ...claims.map((c) => {
        const who = claimantOf(c);
        const bar = el("i"); bar.style.width = `${(100 * Math.abs(Number(c.value) || 0)) / max}%`;
        return el("div", { class: "claim-row", title: c.text || "", onclick: () => c.doc_id && openDocument(c.doc_id) },
          el("span", { class: "who", text: who.label, title: who.code }), el("span", { class: "bar" }, bar),
          el("span", { class: "val", text: `${c.qualifier ? `${c.qualifier} ` : ""}${fmt.num(c.value, Number(c.value) % 1 ? 1 : 0)}` }));
      }));
  }));
}

const QUALITY_LABELS = [
  ["documents", "documents"], ["duplicates", "duplicate documents (merged)"], ["events", "event records (mentions)"],
  ["merged_events", "merged events"], ["claims", "numeric claims"],
  ["share_dated_by_publication", "dated by publication date only"], ["share_unknown_actor", "with an unknown actor"],
];
const QUALITY_SKIP = new Set(["mentions"]);

async function loadQuality() {
  const dl = $("#quality");
  let q;
  try { q = await api("/api/quality"); } catch (e) { dl.replaceChildren(el("dd", { text: e.message })); return; }
  const rows = [];
  const used = new Set();
  const add = (key, label, value) => {
    used.add(key);
    const isShare = /share|ratio|rate/.test(key);
    const warn = isShare && key.includes("publication") && value > 0.5;
    rows.push(el("dt", { text: label }), el("dd", { class: warn ? "warn" : null, "data-key": key, text: isShare ? fmt.pct(value) : fmt.num(value, value % 1 ? 2 : 0) }));
  };
  for (const [key, label] of QUALITY_LABELS) if (typeof q[key] === "number") add(key, label, q[key]);
  for (const [key, value] of Object.entries(q)) {
    if (!used.has(key) && !QUALITY_SKIP.has(key) && typeof value === "number") add(key, key.replaceAll("_", " "), value);
  }
  dl.replaceChildren(...rows);
}

async function loadHealth() {
  try {
    const h = await api("/api/health");
    $("#store-name").textContent = `${h.store} · ${fmt.num(h.counts.events)} records · ${fmt.num(h.counts.documents)} documents`;
  } catch (e) { showMessage(e.message); }
}

// ---- wiring -------------------------------------------------------------------------------------------------

async function onSubmit(ev) {
  ev.preventDefault();
  try {
    state.a = await resolveCode($("#code-a").value);
    state.b = await resolveCode($("#code-b").value);
  } catch (e) { showMessage(e.message); return; }
  state.start = $("#start").value; state.end = $("#end").value;
  state.by = $("#by").value; state.stack = $("#stack").value; state.normalise = $("#normalise").checked;
  syncForm();
  await showDyad();
}

function init() {
  $("#controls").addEventListener("submit", onSubmit);
  $("#code-a").addEventListener("input", onActorInput);
  $("#code-b").addEventListener("input", onActorInput);
  $("#swap").addEventListener("click", () => {
    const a = $("#code-a").value; $("#code-a").value = $("#code-b").value; $("#code-b").value = a;
  });
  // Display-only options redraw at once; the others need the Show button.
  $("#stack").addEventListener("change", () => { state.stack = $("#stack").value; writeHash(); renderChart(); });
  $("#normalise").addEventListener("change", async () => {
    state.normalise = $("#normalise").checked;
    if (state.a && state.b) await showDyad();
  });
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(); });
  $("#next").addEventListener("click", () => { state.offset += PAGE; loadEvents(); });
  let qTimer = null;
  $("#events-q").addEventListener("input", (ev) => {
    clearTimeout(qTimer);
    qTimer = setTimeout(() => { state.q = ev.target.value.trim(); state.offset = 0; loadEvents(); }, 250);
  });
  $("#doc-close").addEventListener("click", closeDocument);
  $("#doc-modal").addEventListener("click", (ev) => { if (ev.target.id === "doc-modal") closeDocument(); });
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape" && !$("#doc-modal").hidden) closeDocument(); });
  let resizeTimer = null;
  window.addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(renderChart, 150); });

  loadHealth(); loadQuality(); loadClaims();
  const fromHash = readHash();
  loadQuickDyads().then((dyads) => {
    if (!fromHash && dyads.length) { state.a = dyads[0].a; state.b = dyads[0].b; }
    syncForm();
    if (state.a && state.b) showDyad();
  });
}

document.addEventListener("DOMContentLoaded", init);
