// The search page: the whole state is in the address (q, filters, sort, page), so a
// search can be shared and the back button works; every view is drawn from
// /api/search, /api/show and /api/trend. French or English by the browser's language.
"use strict";

const FILTERS = ["country", "agenda", "doc", "session", "year", "lang"];
// Facet (as the API names it) -> the filter it sets.
const FACETS = [
  ["country", "country"],
  ["agenda_item", "agenda"],
  ["doc", "doc"],
  ["session", "session"],
  ["year", "year"],
  ["language", "lang"],
];
const SHOWN_VALUES = 12;

const WORDS = {
  en: {
    go: "Search", syntax: 'Words are all required · "a phrase" · OR between alternatives · -word excludes · press / to type',
    sort: "Sort", relevance: "relevance", date: "newest first", document: "reading order",
    hits: (n) => `${n.toLocaleString("en")} paragraph${n === 1 ? "" : "s"}`,
    none: "No paragraph matches.", start: "Type words to search the reports by paragraph.",
    country: "Delegations", agenda_item: "Agenda items", doc: "Documents", session: "Sessions",
    year: "Years", language: "Languages", filter: "filter…", more: "more", item: "item",
    export: "Export:", copy: "Copy citation", copied: "Copied", context: "In context",
    versions: "Other languages", trend: "Paragraphs per year, by delegation",
    translatedAs: "translated as", translationOf: "translation of",
    login: "This server needs its token.", signin: "Sign in", wrong: "Wrong token.",
    prev: "‹", next: "›", close: "close",
  },
  fr: {
    go: "Rechercher", syntax: "Tous les mots sont requis · « une expression » entre guillemets · OR entre variantes · -mot exclut · touche / pour saisir",
    sort: "Tri", relevance: "pertinence", date: "plus récents", document: "ordre de lecture",
    hits: (n) => `${n.toLocaleString("fr")} paragraphe${n > 1 ? "s" : ""}`,
    none: "Aucun paragraphe ne correspond.", start: "Saisissez des mots pour chercher dans les rapports, paragraphe par paragraphe.",
    country: "Délégations", agenda_item: "Points de l’ordre du jour", doc: "Documents", session: "Sessions",
    year: "Années", language: "Langues", filter: "filtrer…", more: "de plus", item: "point",
    export: "Exporter :", copy: "Copier la référence", copied: "Copié", context: "En contexte",
    versions: "Autres langues", trend: "Paragraphes par année, par délégation",
    translatedAs: "traduit en", translationOf: "traduction de",
    login: "Ce serveur demande son jeton.", signin: "Se connecter", wrong: "Jeton incorrect.",
    prev: "‹", next: "›", close: "fermer",
  },
};
const LANG = (navigator.language || "en").toLowerCase().startsWith("fr") ? "fr" : "en";
const T = WORDS[LANG];
document.documentElement.lang = LANG;

const $ = (id) => document.getElementById(id);
const facetSearch = {};
// Delegation names by code, from the last search's facet (in the report's language).
let countryNames = {};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function state() {
  return new URLSearchParams(location.search);
}

function go(params, replace = false) {
  const url = params.toString() ? `/?${params}` : "/";
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  render();
}

function apiParams(params) {
  const out = new URLSearchParams();
  for (const [key, value] of params) {
    if (key === "q" || FILTERS.includes(key) || key === "sort" || key === "page") out.append(key, value);
  }
  return out;
}

async function api(path) {
  const response = await fetch(path, { credentials: "same-origin" });
  if (response.status === 401) {
    showLogin();
    throw new Error("unauthorized");
  }
  const body = await response.json().catch(() => ({ message: response.statusText }));
  if (!response.ok) throw new Error(body.message || response.statusText);
  return body;
}

// The snippet with its highlighted byte ranges (UTF-8 offsets) as <mark> elements.
function highlighted(snippet) {
  const bytes = new TextEncoder().encode(snippet.text);
  const decoder = new TextDecoder();
  const parts = [];
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    parts.push(decoder.decode(bytes.slice(at, start)));
    parts.push(el("mark", {}, decoder.decode(bytes.slice(start, end))));
    at = end;
  }
  parts.push(decoder.decode(bytes.slice(at)));
  return parts;
}

function speakers(unit) {
  return (unit.speakers || [])
    .map((s) => (s.country && countryNames[s.country]) || s.country || s.organization || s.role || s.name)
    .filter(Boolean)
    .join(", ");
}

function agendaText(unit) {
  if (unit.agenda_item === null || unit.agenda_item === undefined) return null;
  const title = unit.agenda_title ? ` — ${unit.agenda_title}` : "";
  return `${T.item} ${unit.agenda_item}${title}`;
}

// A meeting record's printed translation of the unit, or the unit it translates.
function translationNote(unit) {
  if (unit.translated_as) return `${T.translatedAs} ${unit.translated_as}`;
  if (unit.translation_of) return `${T.translationOf} ${unit.translation_of}`;
  return null;
}

function hitView(hit) {
  const who = speakers(hit);
  const agenda = agendaText(hit);
  const translation = translationNote(hit);
  return el("li", { class: "hit" },
    el("div", { class: "hit-head" },
      el("a", { class: "citation", href: "#", onclick: (e) => { e.preventDefault(); openUnit(hit); } }, hit.citation),
      who ? el("span", { class: "who" }, who) : null,
      translation ? el("span", { class: "translation" }, translation) : null),
    agenda ? el("div", { class: "agenda" }, agenda) : null,
    el("p", { class: "snippet" }, "…", highlighted(hit.snippet), "…"));
}

function toggle(filter, value) {
  const params = state();
  const values = params.getAll(filter);
  params.delete(filter);
  const kept = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  kept.forEach((v) => params.append(filter, v));
  params.delete("page");
  go(params);
}

function facetView(name, filter, facet, active) {
  if (!facet || facet.values.length === 0) return null;
  const search = facetSearch[name] || "";
  const label = (v) => v.name || (v.title ? `${v.value} — ${v.title}` : v.value);
  const matching = facet.values.filter((v) => label(v).toLowerCase().includes(search.toLowerCase()));
  const shown = matching.slice(0, search ? 50 : SHOWN_VALUES);
  const list = el("ul", {},
    shown.map((v) => el("li", {},
      el("label", { class: active.includes(String(v.value)) ? "on" : "" },
        el("input", {
          type: "checkbox", "data-facet": name, "data-value": String(v.value),
          ...(active.includes(String(v.value)) ? { checked: "" } : {}),
          onchange: () => toggle(filter, String(v.value)),
        }),
        el("span", { class: "facet-label", title: label(v) }, label(v)),
        el("span", { class: "count" }, v.count.toLocaleString(LANG))))));
  const box = el("section", { class: "facet", id: `facet-${name}` }, el("h2", {}, T[name]));
  if (facet.values.length > SHOWN_VALUES) {
    const input = el("input", { type: "search", class: "facet-search", placeholder: T.filter, value: search });
    input.addEventListener("input", () => {
      facetSearch[name] = input.value;
      const fresh = facetView(name, filter, facet, active);
      box.replaceWith(fresh);
      const again = fresh.querySelector(".facet-search");
      again.focus();
      again.setSelectionRange(again.value.length, again.value.length);
    });
    box.append(input);
  }
  box.append(list);
  if (matching.length > shown.length) box.append(el("p", { class: "more" }, `+${matching.length - shown.length} ${T.more}`));
  return box;
}

function chipsView(params) {
  return FILTERS.flatMap((filter) => params.getAll(filter).map((value) =>
    el("button", { class: "chip", type: "button", title: T.close, onclick: () => toggle(filter, value) }, `${filter}: ${value} ×`)));
}

function pagesView(page, pages, params) {
  if (pages <= 1) return [];
  const link = (n, text) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    return el("a", { href: `/?${next}`, class: n === page ? "current" : "", onclick: (e) => { e.preventDefault(); go(next); } }, text);
  };
  const numbers = [];
  const first = Math.max(1, page - 3);
  const last = Math.min(pages, page + 3);
  if (page > 1) numbers.push(link(page - 1, T.prev));
  for (let n = first; n <= last; n += 1) numbers.push(link(n, String(n)));
  if (page < pages) numbers.push(link(page + 1, T.next));
  return numbers;
}

async function render() {
  const params = state();
  const q = params.get("q") || "";
  $("q").value = q;
  $("sort").value = params.get("sort") || "relevance";
  $("chips").replaceChildren(...chipsView(params));
  if (!q.trim()) {
    $("toolbar").hidden = true;
    $("trend").hidden = true;
    $("facets").replaceChildren();
    $("hits").replaceChildren();
    $("pages").replaceChildren();
    $("message").textContent = T.start;
    return;
  }
  const query = apiParams(params);
  let body;
  try {
    body = await api(`/api/search?${query}`);
  } catch (error) {
    if (error.message !== "unauthorized") $("message").textContent = error.message;
    return;
  }
  $("message").textContent = body.total === 0 ? T.none : "";
  for (const v of body.facets.country.values) if (v.name) countryNames[v.value] = v.name;
  $("toolbar").hidden = false;
  $("total").textContent = T.hits(body.total);
  const exports = ["csv", "md", "cite"].map((format) => {
    const p = new URLSearchParams(query);
    p.delete("page");
    p.set("format", format);
    return el("a", { href: `/api/export?${p}`, download: "", class: "export-link" }, format);
  });
  $("export").replaceChildren(T.export, " ", ...exports);
  $("hits").replaceChildren(...body.hits.map(hitView));
  $("pages").replaceChildren(...pagesView(body.page, body.pages, params));
  $("facets").replaceChildren(...FACETS.map(([name, filter]) =>
    facetView(name, filter, body.facets[name], params.getAll(filter))).filter(Boolean));
  if (body.total > 0) {
    const p = new URLSearchParams(query);
    p.delete("page");
    p.delete("sort");
    p.set("format", "svg");
    p.set("split", "country");
    $("trend-img").src = `/api/trend?${p}`;
    $("trend-img").alt = T.trend;
    $("trend-caption").textContent = T.trend;
    $("trend").hidden = false;
  } else {
    $("trend").hidden = true;
  }
}

async function openUnit(hit) {
  const p = new URLSearchParams({ doc: hit.doc, ref: hit.reference, lang: hit.language, context: "2" });
  let body;
  try {
    body = await api(`/api/show?${p}`);
  } catch (error) {
    $("message").textContent = error.message;
    return;
  }
  const unit = body.unit;
  $("unit-citation").textContent = unit.citation;
  $("copy").onclick = async () => {
    try { await navigator.clipboard.writeText(unit.citation); } catch (_) { /* no clipboard: the citation is selectable */ }
    $("copy").textContent = T.copied;
  };
  $("copy").textContent = T.copy;
  const agenda = agendaText(unit);
  const who = speakers(unit);
  const context = body.context.map((u) => el("div", { class: u.asked ? "context asked" : "context" },
    el("span", { class: "label" }, u.label), " ", u.text));
  const versions = body.versions.map((v) => el("div", { class: "version" },
    el("h3", {}, `${v.language}: ${v.citation}`), el("p", {}, v.text)));
  $("unit-body").replaceChildren(
    el("p", { class: "meta" }, [unit.title, agenda, who].filter(Boolean).join(" · ")),
    el("h3", {}, T.context), ...context,
    versions.length ? el("h3", {}, T.versions) : null, ...versions);
  $("unit").showModal();
}

function showLogin() {
  $("main").hidden = true;
  $("login").hidden = false;
  $("token").focus();
}

function setup() {
  $("go").textContent = T.go;
  $("syntax").textContent = T.syntax;
  $("sort-label").textContent = `${T.sort} `;
  for (const option of $("sort").options) option.textContent = T[option.value];
  $("login-text").textContent = T.login;
  $("login-go").textContent = T.signin;
  $("close").onclick = () => $("unit").close();
  $("search").addEventListener("submit", (e) => {
    e.preventDefault();
    const params = state();
    params.set("q", $("q").value.trim());
    params.delete("page");
    go(params);
  });
  $("sort").addEventListener("change", () => {
    const params = state();
    params.set("sort", $("sort").value);
    params.delete("page");
    go(params);
  });
  $("login").addEventListener("submit", async (e) => {
    e.preventDefault();
    const response = await fetch("/login", { method: "POST", body: `token=${encodeURIComponent($("token").value)}`, headers: { "content-type": "application/x-www-form-urlencoded" } });
    if (response.ok) {
      $("login").hidden = true;
      $("main").hidden = false;
      render();
    } else {
      $("login-error").textContent = T.wrong;
      $("login-error").hidden = false;
    }
  });
  document.addEventListener("keydown", (e) => {
    const typing = ["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement.tagName);
    if (e.key === "/" && !typing) {
      e.preventDefault();
      $("q").focus();
      $("q").select();
    }
  });
  window.addEventListener("popstate", render);
  render();
}

setup();
