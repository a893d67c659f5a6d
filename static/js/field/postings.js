// The event's postings as large cards, with filters by sector, place and wage; works from IndexedDB.
import * as db from "./db.js";
import { label, labelled, pick, t } from "./i18n.js";
import { $, el } from "./ui.js";

const ICONS = new URL("../../icons/", import.meta.url).pathname;
let ctx = null;

export function postingText(posting, field, code) {
  return pick(Object.fromEntries(Object.entries(posting.texts || {}).map(([k, v]) => [k, v[field]])), code);
}

/** The wage as nodes: the amount kept left-to-right (also inside Uyghur text), then the unit. */
export function wage(p, code) {
  if (p.wage_min == null && p.wage_max == null) return [t("wage_negotiable", {}, code)];
  const range = p.wage_min != null && p.wage_max != null && p.wage_max !== p.wage_min
    ? `${p.wage_min}–${p.wage_max}` : String(p.wage_min ?? p.wage_max);
  return [el("bdi", { dir: "ltr" }, `¥${range}`), ` ${label("wage_units", p.wage_unit, code)}`];
}

/** The event's postings with their employer and area, as stored by pull. */
export async function eventPostings(event) {
  if (!event) return [];
  const postings = (await Promise.all((event.posting_ids || []).map((id) => db.get("postings", id))))
    .filter((p) => p && (!p.status || p.status === "published"));
  const employers = new Map((await db.all("employers")).map((e) => [e.id, e]));
  const areas = new Map((await db.all("areas")).map((a) => [a.id, a]));
  return postings.map((p) => ({ ...p, employer: employers.get(p.employer_id), area: areas.get(p.area_id) }));
}

function perk(name, on, code) {
  return el("li", { class: on ? "fa-perk" : "fa-perk fa-perk-no" },
    el("img", { src: `${ICONS}${name}.svg`, alt: "", width: 28, height: 28 }),
    el("span", {}, t(`${name}_${on ? "yes" : "no"}`, {}, code)));
}

/** A posting card in the language `code`. */
export function card(p, code, { big = false } = {}) {
  const place = postingText(p, "work_place", code) || pick(p.area?.name, code);
  return el("article", { class: big ? "fa-card fa-card-big" : "fa-card", lang: code, dataset: { id: p.id } },
    el("h3", {}, postingText(p, "title", code)),
    el("p", { class: "fa-employer" }, pick(p.employer?.name, code)),
    el("p", { class: "fa-wage" }, wage(p, code)),
    el("p", { class: "fa-place" }, labelled(t("filter_place", {}, code), place, code)),
    el("p", { class: "fa-openings" }, labelled(t("openings", {}, code), p.openings ?? "", code)),
    el("ul", { class: "fa-perks" }, perk("housing", p.housing, code), perk("meals", p.meals, code),
      perk("transport", p.transport, code)),
    big ? el("p", { class: "fa-desc" }, postingText(p, "description", code)) : null);
}

function options(select, entries, keep) {
  select.replaceChildren(el("option", { value: "" }, t("all")),
    ...entries.map(([value, text]) => el("option", { value, selected: value === keep }, text)));
}

/** Render the cards that pass the filters. */
export async function render() {
  const all = await eventPostings(await ctx.event());
  const sector = $("#f-sector").value;
  const place = $("#f-place").value;
  const wage = $("#f-wage").value;
  const sectors = [...new Set(all.map((p) => p.sector))].map((s) => [s, label("sectors", s)]);
  const places = [...new Map(all.filter((p) => p.area).map((p) => [p.area.id, pick(p.area.name)]))];
  const wages = [...new Map(all.filter((p) => p.wage_min != null)
    .sort((a, b) => a.wage_min - b.wage_min)
    .map((p) => [`${p.wage_unit}:${p.wage_min}`, `≥ ¥${p.wage_min} ${label("wage_units", p.wage_unit)}`]))];
  options($("#f-sector"), sectors, sector);
  options($("#f-place"), places, place);
  options($("#f-wage"), wages, wage);
  const [unit, min] = wage ? wage.split(":") : [null, 0];
  const shown = all.filter((p) => (!sector || p.sector === sector) && (!place || p.area_id === place)
    && (!wage || (p.wage_unit === unit && (p.wage_max ?? p.wage_min ?? 0) >= Number(min))));
  const code = document.documentElement.lang;
  $("#cards").replaceChildren(...shown.map((p) => card(p, code)));
  $("#no-postings").hidden = shown.length > 0;
  return shown;
}

export function setup(options_) {
  ctx = options_;
  for (const id of ["#f-sector", "#f-place", "#f-wage"]) $(id).addEventListener("change", render);
  document.addEventListener("caravan:lang", render);
}
