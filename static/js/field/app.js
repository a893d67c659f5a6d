// The tablet app: start-up, screens (enroll, pick an event, work tabs), and the sync triggers.
import * as checkin from "./checkin.js";
import * as db from "./db.js";
import * as enroll from "./enroll.js";
import * as fair from "./fair.js";
import * as give from "./give.js";
import * as i18n from "./i18n.js";
import * as kiosk from "./kiosk.js";
import * as lock from "./lock.js";
import { sealClearRecords } from "./outbox.js";
import * as people from "./people.js";
import * as postings from "./postings.js";
import * as register from "./register.js";
import * as status from "./status.js";
import * as sync from "./sync.js";
import { $, $$, ask, countyDay, dayTimeNode, el, hideConfirm, setZone, timeNode } from "./ui.js";
import * as vault from "./vault.js";
import * as visit from "./visit.js";

const config = document.querySelector("script[data-strings]").dataset;
let eventId = null;
let currentEvent = null;

function show(screen) {
  for (const id of ["enroll", "lock", "events", "work", "visit"]) $(`#${id}`).hidden = id !== screen;
  $("#event-name").hidden = screen !== "work";
  const who = vault.who();
  $("#lock-now").hidden = !who;
  $("#lock-who").textContent = who ? who.name || who.username : "";
  if (screen !== "lock") document.body.dataset.lock = "open";
}

/** Whether the event has ended (its end, or its start when it has none, has passed). */
function isOver(e, now = new Date()) {
  return new Date(e.ends_at || e.starts_at) < now;
}

/** The event's kind, place and start with its weekday as nodes (the time in a left-to-right <bdi>),
 * marked "over" once it has ended. */
function eventTitle(e) {
  const text = [`${i18n.label("event_kinds", e.kind)} · ${i18n.pick(e.place)} · `, dayTimeNode(e.starts_at)];
  return isOver(e) ? [el("b", { class: "fa-over" }, i18n.t("event_over")), ...text] : text;
}

/** Today by the county's calendar, whatever the tablet's own time zone. */
function isToday(e) {
  const start = new Date(e.starts_at);
  const end = new Date(e.ends_at || e.starts_at);
  const now = new Date();
  return countyDay(start) === countyDay(now) || (start <= now && now <= end);
}

async function showEvents() {
  const device = await db.getMeta("device");
  $("#device-name").textContent = device ? i18n.labelled(i18n.t("enrolled_as"), device.name) : "";
  // Today's and coming events; past ones stay in IndexedDB but are no longer offered.
  const today = countyDay();
  const events = (await db.all("events"))
    .filter((e) => (!e.status || e.status === "planned") && countyDay(e.ends_at || e.starts_at) >= today)
    .sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  const item = (e) => el("li", {}, el("button", { type: "button", class: "btn fa-event", dataset: { id: e.id },
    onclick: () => pickEvent(e) }, isToday(e) && !isOver(e) ? el("b", { class: "fa-today" }, i18n.t("today")) : null, el("span", {}, eventTitle(e))));
  $("#event-list").replaceChildren(...events.map(item));
  $("#no-events").hidden = events.length > 0;
  await visit.offer();
  show("events");
}

/** Open a picked event; one that is over only after the staff member confirms (e.g. to enter paper
 * notes afterwards), so that a tablet left on yesterday's list does not record today's work there. */
async function pickEvent(e) {
  if (isOver(e) && !(await ask(i18n.t("event_over_ask"), i18n.t("event_over_yes"), i18n.t("event_over_no")))) return;
  await openEvent(e.id);
}

async function openEvent(id) {
  const event = await db.get("events", id);
  if (!event) return showEvents();
  eventId = id;
  currentEvent = event;
  await db.setMeta("eventId", id);
  $("#event-name").replaceChildren(...eventTitle(event));
  show("work");
  await register.fillVillages();
  // The fair tab only at a job fair; leaving one for another event goes back to scanning.
  const fairTab = $("[data-tab=fair]");
  fairTab.hidden = !fair.isFair(event);
  if (fairTab.hidden && fairTab.getAttribute("aria-selected") === "true") selectTab("scan");
  await give.refresh();
  await postings.render();
  if (fair.isFair(event)) await fair.render();
}

function selectTab(name) {
  for (const b of $$("[data-tab]")) b.setAttribute("aria-selected", String(b.dataset.tab === name));
  for (const panel of $$(".fa-tab")) panel.hidden = panel.id !== `tab-${name}`;
  if (name !== "scan") checkin.stopCamera();
  if (name === "postings") postings.render();
  if (name === "give") give.refresh();
  if (name === "fair") fair.render();
}

async function route() {
  const device = await db.getMeta("device");
  if (!device) return show("enroll");
  if (!vault.unlocked() || (await lock.needsSignin())) {
    show("lock");
    return lock.render();
  }
  const saved = await db.getMeta("eventId");
  const event = saved && (await db.get("events", saved));
  // An event that has ended is not reopened by itself: the list shows it marked, to be confirmed again.
  if (event && !isOver(event)) return openEvent(saved);
  return showEvents();
}

/** After an unlock: seal what a version-1 store kept in clear, open the residents into memory, sync. */
async function unlocked() {
  const started = performance.now();
  await people.sealClearRows();
  await sealClearRecords();
  const count = await people.load();
  performance.measure("open-residents", { start: started, detail: { count } });
  await route();
  await status.render();
  sync.syncNow();
}

/** On lock: nothing of a resident may stay on the screen or in memory. */
function locked() {
  people.forgetAll();
  checkin.stopCamera();
  kiosk.close();
  hideConfirm();
  $("#pass").hidden = true;
  $("#name-search").value = "";
  $("#search-results").replaceChildren();
  $("#scan-result").hidden = true;
  give.setPerson(null);
  route();
  status.render();
}

async function main() {
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(config.sw, { scope: "/" }).catch((err) => console.warn("service worker", err));
  }
  // Ask the browser not to evict the outbox under storage pressure.
  navigator.storage?.persist?.().catch(() => {});
  setZone(config.tz);
  await i18n.load(config.strings);
  await i18n.setLang(i18n.current());
  sync.configure(config.api);
  const context = { eventId: () => eventId, event: async () => currentEvent, wasm: config.wasm,
    onPerson: (attendee) => give.setPerson(attendee) };
  checkin.setup(context);
  register.setup(context);
  give.setup(context);
  postings.setup(context);
  fair.setup(context);
  visit.setup({ show: () => show("visit"), back: showEvents });
  kiosk.setup();
  status.setup();
  lock.setup(config.api);
  vault.events.addEventListener("unlock", unlocked);
  vault.events.addEventListener("lock", locked);
  enroll.setup(config.api, async () => {
    await sync.reset();
    await route();
  }, config.wasm);
  for (const b of $$("[data-lang]")) b.addEventListener("click", () => i18n.setLang(b.dataset.lang));
  for (const b of $$("[data-tab]")) b.addEventListener("click", () => selectTab(b.dataset.tab));
  $("#event-name").addEventListener("click", showEvents);
  $("#reenroll").addEventListener("click", () => show("enroll"));
  $("#kiosk-open").addEventListener("click", () => kiosk.open(currentEvent, i18n.t));
  const retitle = () => { if (currentEvent) $("#event-name").replaceChildren(...eventTitle(currentEvent)); };
  document.addEventListener("caravan:lang", () => {
    if (!$("#events").hidden) showEvents();
    retitle();
  });
  // The open event's title is marked "over" when its end passes while the tablet works on it.
  setInterval(retitle, 60000);
  document.addEventListener("caravan:saved", () => { if (navigator.onLine) sync.syncNow(); });
  // After a sync, new events or postings may have arrived.
  sync.events.addEventListener("change", async () => {
    if (sync.state.running) return;
    if (!$("#events").hidden) showEvents();
    else if (!$("#enroll").hidden && (await db.getMeta("device"))) route();
    else if (!$("#lock").hidden && document.body.dataset.lock !== "pin") lock.render();
  });
  selectTab("scan");
  // Residents pulled before pass codes existed get theirs now, so that a typed code finds them.
  await people.fillCodes().catch((err) => console.warn("pass codes", err));
  await route();
  await status.render();
  sync.start();
  document.body.dataset.ready = "true";
}

main().catch((err) => {
  // IndexedDB unavailable (a private window, storage switched off, a broken profile): say so, in the
  // tablet's language, instead of a screen that silently does nothing.
  if (!(err instanceof DOMException)) throw err;
  console.error(err);
  const box = $("#app-error");
  box.dataset.t = "storage_unavailable";  // follows a change of language (i18n.apply)
  box.textContent = i18n.t("storage_unavailable");
  box.hidden = false;
  document.body.dataset.ready = "failed";
});
