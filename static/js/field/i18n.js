// The app's texts in zh, ug and en (from /field/app/strings.json, kept for offline use) and the
// tablet's chosen language, applied to every element with data-t / data-label (and data-colon).
import { getMeta, setMeta } from "./db.js";

export const LANGS = ["zh", "ug", "en"];
let catalog = {};
let lang = "zh";

/** Load the catalogue from the server (or the service worker's copy), else from IndexedDB. */
export async function load(url) {
  let fetched = null;
  try {
    const res = await fetch(url, { credentials: "same-origin" });
    if (!res.ok) throw new Error(String(res.status));
    fetched = await res.json();
  } catch {
    // Offline: the copy kept in IndexedDB below.
  }
  // Storage that fails must not cost the texts: the app still says in the tablet's language what is wrong.
  if (fetched) {
    catalog = fetched;
    await setMeta("strings", catalog).catch((err) => console.warn("texts not kept", err));
  } else {
    catalog = (await getMeta("strings").catch(() => null)) || {};
  }
  const saved = await getMeta("lang").catch(() => null);
  lang = LANGS.includes(saved) ? saved : (LANGS.includes(document.documentElement.lang) ? document.documentElement.lang : "zh");
}

export function current() {
  return lang;
}

export function dirOf(code) {
  return code === "ug" ? "rtl" : "ltr";
}

/** The text for `key` in `code` (default: the tablet's language), with %(name)s (and %(num)d) filled from vars. */
export function t(key, vars = {}, code = lang) {
  const text = catalog[code]?.[key] ?? catalog.zh?.[key] ?? key;
  return text.replace(/%\((\w+)\)[sd]/g, (_, name) => String(vars[name] ?? ""));
}

/** The colon between a label and its value: Chinese takes the full-width "：" without a space. */
export function colon(code = lang) {
  return code === "zh" ? "：" : ": ";
}

/** "label: value" with the language's colon. */
export function labelled(labelText, value, code = lang) {
  return `${labelText}${colon(code)}${value}`;
}

/** An enum label: label("sectors", "agriculture"). */
export function label(table, key, code = lang) {
  return catalog[code]?.[table]?.[key] ?? catalog.zh?.[table]?.[key] ?? key;
}

/** A pulled {zh, ug, en} value in the language, falling back to Chinese, then any. */
export function pick(values, code = lang) {
  if (!values) return "";
  return values[code] || values.zh || values.en || Object.values(values).find(Boolean) || "";
}

export function apply(root = document) {
  for (const el of root.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
  for (const el of root.querySelectorAll("[data-label]")) {
    const [table, key] = el.dataset.label.split(".");
    el.textContent = label(table, key);
  }
  for (const el of root.querySelectorAll("[data-t-label]")) el.setAttribute("aria-label", t(el.dataset.tLabel));
  for (const el of root.querySelectorAll("[data-colon]")) el.textContent = colon();
}

export async function setLang(code) {
  if (!LANGS.includes(code)) return;
  lang = code;
  document.documentElement.lang = code;
  document.documentElement.dir = dirOf(code);
  apply();
  for (const b of document.querySelectorAll("[data-lang]")) b.setAttribute("aria-pressed", String(b.dataset.lang === code));
  await setMeta("lang", code).catch((err) => console.warn("language not kept", err));
  document.dispatchEvent(new CustomEvent("caravan:lang"));
}

/** The rules a resident's fields follow (a JSON Schema from the server's strings file), or null when the
 * tablet holds a strings file from before they were served. */
export function residentRules() {
  return catalog[lang]?.resident_rules || catalog.zh?.resident_rules || null;
}

/** The message of a resident rule's error (`field:code`, else `code`), with %(max)d filled in. */
export function ruleMessage(field, code, vars = {}) {
  const table = catalog[lang]?.rule_messages || catalog.zh?.rule_messages || {};
  const text = table[`${field}:${code}`] ?? table[code] ?? table.other ?? code;
  return text.replace(/%\((\w+)\)[sd]/g, (_, name) => String(vars[name] ?? ""));
}

/** Which refused registrations can be corrected on the tablet: {codes, fields} from the server's strings
 * file (caravan.services.sync.reasons), or null from an older file. */
export function correctableReasons() {
  return catalog[lang]?.correctable || catalog.zh?.correctable || null;
}

/** A vacancy line's rules, from the server's strings file (caravan.services.surveys.vacancy_rules):
 * {numbers: {field: {min, max}}, required: [field], ordered: [[low, high]]}, or null from an older file. */
export function visitRules() {
  return catalog[lang]?.visit_rules || catalog.zh?.visit_rules || null;
}

/** The same for refused employer visits (a field, or a vacancy line's "vacancies.<n>.<field>"), or null. */
export function correctableVisitReasons() {
  return catalog[lang]?.correctable_visit || catalog.zh?.correctable_visit || null;
}
