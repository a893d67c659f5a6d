// The tablet app: start-up, screens (enroll, pick an event, work tabs), and the sync triggers.
import * as checkin from "./checkin.js";
import * as db from "./db.js";
import * as enroll from "./enroll.js";
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
import { $, $$, countyDay, el, hideConfirm, setZone, timeNode } from "./ui.js";
import * as vault from "./vault.js";

const config = document.querySelector("script[data-strings]").dataset;
let eventId = null;
let currentEvent = null;

function show(screen) {
  for (const id of ["enroll", "lock", "events", "work"]) $(`#${id}`).hidden = id !== screen;
  $("#event-name").hidden = screen !== "work";
  const who = vault.who();
  $("#lock-now").hidden = !who;
  $("#lock-who").textContent = who ? who.name || who.username : "";
  if (screen !== "lock") document.body.dataset.lock = "open";
}

/** The event's kind, place and start as nodes (the time in a left-to-right <bdi>). */
function eventTitle(e) {
  return [`${i18n.label("event_kinds", e.kind)} · ${i18n.pick(e.place)} · `, timeNode(e.starts_at)];
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
  $("#device-name").textContent = device ? `${i18n.t("enrolled_as")}: ${device.name}` : "";
  // Today's and coming events; past ones stay in IndexedDB but are no longer offered.
  const today = countyDay();
  const events = (await db.all("events"))
    .filter((e) => (!e.status || e.status === "planned") && countyDay(e.ends_at || e.starts_at) >= today)
    .sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  const item = (e) => el("li", {}, el("button", { type: "button", class: "btn fa-event", dataset: { id: e.id },
    onclick: () => openEvent(e.id) }, isToday(e) ? el("b", { class: "fa-today" }, i18n.t("today")) : null, el("span", {}, eventTitle(e))));
  $("#event-list").replaceChildren(...events.map(item));
  $("#no-events").hidden = events.length > 0;
  show("events");
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
  await give.refresh();
  await postings.render();
}

function selectTab(name) {
  for (const b of $$("[data-tab]")) b.setAttribute("aria-selected", String(b.dataset.tab === name));
  for (const panel of $$(".fa-tab")) panel.hidden = panel.id !== `tab-${name}`;
  if (name !== "scan") checkin.stopCamera();
  if (name === "postings") postings.render();
  if (name === "give") give.refresh();
}

async function route() {
  const device = await db.getMeta("device");
  if (!device) return show("enroll");
  if (!vault.unlocked() || (await lock.needsSignin())) {
    show("lock");
    return lock.render();
  }
  const saved = await db.getMeta("eventId");
  if (saved && (await db.get("events", saved))) return openEvent(saved);
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
  document.addEventListener("caravan:lang", () => {
    if (!$("#events").hidden) showEvents();
    if (currentEvent) $("#event-name").replaceChildren(...eventTitle(currentEvent));
  });
  document.addEventListener("caravan:saved", () => { if (navigator.onLine) sync.syncNow(); });
  // After a sync, new events or postings may have arrived.
  sync.events.addEventListener("change", async () => {
    if (sync.state.running) return;
    if (!$("#events").hidden) showEvents();
    else if (!$("#enroll").hidden && (await db.getMeta("device"))) route();
    else if (!$("#lock").hidden && document.body.dataset.lock !== "pin") lock.render();
  });
  selectTab("scan");
  await route();
  await status.render();
  sync.start();
  document.body.dataset.ready = "true";
}

main();
