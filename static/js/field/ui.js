// Small DOM helpers, the big confirmation that follows a check-in, a yes/no question, single-flight
// buttons, and dates and times in the county's zone.
import { label } from "./i18n.js";

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

/** Make an element: el("li", {class: "x", dataset: {id}}, "text", child). Text is always text, never HTML. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

let confirmTimer = null;

/**
 * Show a large confirmation over the screen: kind "ok" (checked in), "again" (already), "bad".
 * Resolves after the browser has painted it.
 */
export function confirm(kind, title, name = "") {
  const box = $("#confirm-box");
  box.className = `fa-confirm fa-${kind}`;
  box.replaceChildren(el("p", { class: "fa-confirm-title" }, title), name ? el("p", { class: "fa-confirm-name" }, name) : "");
  $("#confirm").hidden = false;
  clearTimeout(confirmTimer);
  confirmTimer = setTimeout(() => { $("#confirm").hidden = true; }, kind === "bad" ? 3500 : 2200);
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

export function hideConfirm() {
  $("#confirm").hidden = true;
}

/**
 * Single flight: run `fn` with `button` disabled, at least `minMs` long; a tap while it runs does nothing
 * (also one that reaches the handler, e.g. Enter in a form). Resolves with fn's result, or undefined when
 * the button was busy.
 */
export async function busy(button, fn, minMs = 0) {
  if (button.dataset.busy) return undefined;
  button.dataset.busy = "true";
  button.disabled = true;
  const started = Date.now();
  try {
    return await fn();
  } finally {
    const rest = minMs - (Date.now() - started);
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    delete button.dataset.busy;
    button.disabled = false;
  }
}

/** Ask a yes/no question over the screen (the texts in the tablet's language); resolves true for yes. */
export function ask(question, yes, no) {
  return new Promise((resolve) => {
    const box = $("#ask");
    const answer = (value) => { box.hidden = true; resolve(value); };
    $("#ask-box").replaceChildren(el("p", { class: "fa-ask-text" }, question), el("div", { class: "fa-row" },
      el("button", { type: "button", class: "btn btn-primary fa-big", id: "ask-yes", onclick: () => answer(true) }, yes),
      el("button", { type: "button", class: "btn fa-big", id: "ask-no", onclick: () => answer(false) }, no)));
    box.hidden = false;
    $("#ask-no").focus();
  });
}

// Times are the county's (BABEL_DEFAULT_TIMEZONE, given by the shell), never the device's: a tablet
// set to Beijing time or UTC must still show an event at the hour printed on the poster.
let zone = "Asia/Urumqi";

export function setZone(tz) {
  if (!tz) return;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    zone = tz;
  } catch {
    console.warn("unknown time zone", tz);
  }
}

function parts(date, options) {
  const fmt = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", numberingSystem: "latn", ...options });
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
}

/** The county's calendar date of an instant, "YYYY-MM-DD" (compares as a string). */
export function countyDay(value = new Date()) {
  const p = parts(new Date(value), { year: "numeric", month: "2-digit", day: "2-digit" });
  return `${p.year}-${p.month}-${p.day}`;
}

/** "MM-DD HH:mm" in the county's zone, 24-hour and numeric in every language (Chromium has no
 * Uyghur date formats; a numeric form reads the same in zh, ug and en). */
export function formatTime(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const p = parts(date, { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  return `${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** The weekday of an instant in the county's zone, in the tablet's language ("周三", "چارشەنبە", "Wed"):
 * the names come from caravan/field/strings.py, since Chromium has no Uyghur date names. */
export function weekday(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const key = parts(date, { weekday: "short" }).weekday.toLowerCase();
  return WEEKDAYS.includes(key) ? label("weekdays", key) : "";
}

/** An event's start as nodes: the weekday in the tablet's language, then the numeric date and time. */
export function dayTimeNode(iso) {
  return el("span", { class: "fa-when" }, el("span", { class: "fa-weekday" }, weekday(iso)), " ", timeNode(iso));
}

/** The same as a <bdi dir="ltr">, so the digits keep their order inside right-to-left Uyghur text. */
export function timeNode(iso) {
  return el("bdi", { dir: "ltr", class: "fa-time" }, formatTime(iso));
}
