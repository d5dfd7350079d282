/* The edition site's search (tei-edition site writes it to assets/search.js; search.html
   loads it): Pagefind's index under pagefind/, filters from the pages' headers (year,
   sender, recipient, type), results with the words found marked. A result links to its
   page at the element nearest before the first hit, with ?highlight= so that site.js
   marks the words there. Pagefind fetches only files of this site. */
const root = new URL("../", import.meta.url);
const form = document.getElementById("site-search");
const input = document.getElementById("site-search-q");
const list = document.getElementById("site-search-results");
const status = document.getElementById("site-search-status");
const filterBox = document.getElementById("site-search-filters");
const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
await pagefind.init();

const labels = Object.fromEntries((filterBox.dataset.labels || "").split("|")
  .map((pair) => pair.split("=")));
const available = await pagefind.filters();
const selects = {};
for (const key of ["year", "sender", "recipient", "type"]) {
  const values = Object.keys(available[key] || {}).sort();
  if (values.length < 2) { continue; }
  const p = document.createElement("p");
  const label = document.createElement("label");
  label.htmlFor = `site-search-${key}`;
  label.textContent = labels[key] || key;
  const select = document.createElement("select");
  select.id = `site-search-${key}`;
  const all = new Option(filterBox.dataset.all || "all", "");
  select.append(all, ...values.map((v) => new Option(v, v)));
  select.addEventListener("change", run);
  p.append(label, select);
  filterBox.append(p);
  selects[key] = select;
}

/* Pagefind's excerpt marks hits with <mark>; keep only text and marks. */
function excerpt(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(document.createTextNode(node.textContent));
    }
  }
  return out;
}

function hitAnchor(data) {
  const first = (data.locations || [])[0];
  let best = null;
  for (const anchor of data.anchors || []) {
    if (!anchor.id || anchor.id.startsWith("tt-")) { continue; }
    if (first === undefined || anchor.location <= first) { best = anchor; }
  }
  return best ? best.id : "";
}

let generation = 0;
async function run(event) {
  if (event) { event.preventDefault(); }
  const query = input.value.trim();
  const mine = ++generation;
  const filters = {};
  for (const [key, select] of Object.entries(selects)) {
    if (select.value) { filters[key] = select.value; }
  }
  if (!query && !Object.keys(filters).length) { list.replaceChildren(); status.textContent = ""; return; }
  const search = await pagefind.search(query || null, { filters });
  const results = await Promise.all(search.results.slice(0, 50).map((r) => r.data()));
  if (mine !== generation) { return; }
  const params = new URLSearchParams(location.search);
  if (query) { params.set("q", query); } else { params.delete("q"); }
  history.replaceState(null, "", `${location.pathname}?${params}`);
  list.replaceChildren(...results.map((data) => {
    const li = document.createElement("li");
    const a = document.createElement("a");
    const url = new URL(data.url.replace(/^\//, ""), root);
    if (query) { url.searchParams.set("highlight", query); }
    url.hash = hitAnchor(data);
    a.href = url.href;
    a.className = "site-result-link";
    a.textContent = (data.meta && data.meta.title) || data.url;
    const p = document.createElement("p");
    p.className = "site-result-excerpt";
    p.append(excerpt(data.excerpt || ""));
    li.append(a, p);
    return li;
  }));
  status.textContent = results.length
    ? `${search.results.length} ${status.dataset.results}` : status.dataset.none;
}

form.addEventListener("submit", run);
input.addEventListener("input", () => { clearTimeout(run.timer); run.timer = setTimeout(run, 250); });
const initial = new URLSearchParams(location.search).get("q");
if (initial) { input.value = initial; run(); }
