// At a job fair: the fair's employers by zone and booth (pulled with the event), each with its arrival:
// "Arrived" records a fair_arrival through the outbox, like every record, online or not. The interests
// per employer are recorded on the give tab, where the postings are grouped by these employers.
import * as db from "./db.js";
import { label, pick, t } from "./i18n.js";
import { SaveError, addRecords, formToken } from "./outbox.js";
import { $, busy, el, timeNode } from "./ui.js";

let ctx = null;

/** Whether `event` is a job fair (only those have employers at booths). */
export function isFair(event) {
  return event?.kind === "job_fair";
}

/** The fair's employers in booth order, each with its employer row and its confirmed postings' ids:
 * [{employer_id, booth, zone, status, arrived_at, employer}]. */
export async function fairEmployers(event) {
  if (!isFair(event)) return [];
  const rows = event.fair || [];
  const employers = await Promise.all(rows.map((row) => db.get("employers", row.employer_id)));
  return rows.map((row, i) => ({ ...row, employer: employers[i] }));
}

/** The first arrival this tablet recorded for each employer of `eventId` (sent or not): id -> ISO time. */
async function localArrivals(eventId) {
  const found = {};
  for (const store of ["outbox", "sent"]) {
    for (const r of await db.all(store)) {
      if (r.type !== "fair_arrival" || r.data.event_id !== eventId) continue;
      const known = found[r.data.employer_id];
      if (!known || r.at < known) found[r.data.employer_id] = r.at;
    }
  }
  return found;
}

/** The booth and employer's name as one heading: "A1 · name" (the booth kept left to right). */
export function boothLabel(row) {
  const name = pick(row.employer?.name) || "";
  return row.booth ? [el("bdi", { dir: "ltr", class: "fa-booth" }, row.booth), ` · ${name}`] : [name];
}

async function arrive(row, button) {
  try {
    await addRecords([{ type: "fair_arrival", data: { event_id: ctx.eventId(), employer_id: row.employer_id } }],
      { form: button.dataset.form });
  } catch (err) {
    if (!(err instanceof SaveError)) throw err;
    console.warn(err.cause);
    $("#fair-message").dataset.t = "save_failed";
    $("#fair-message").textContent = t("save_failed");
    return;
  }
  await render();
}

/** Draw the fair tab: zones (main hall first), employers by booth, arrival time or an "Arrived" button. */
export async function render() {
  const event = await ctx.event();
  const rows = await fairEmployers(event);
  const local = await localArrivals(ctx.eventId());
  const items = [];
  let zone;
  for (const row of rows) {
    if (row.zone !== zone || !items.length) {
      zone = row.zone;
      items.push(el("li", { class: "fa-zone" }, zone ? t("fair_zone", { group: label("groups", zone) }) : t("fair_main_hall")));
    }
    const arrived = [row.arrived_at, local[row.employer_id]].filter(Boolean).sort()[0];
    const action = arrived
      ? el("span", { class: "fa-ok", dataset: { arrived: row.employer_id } }, `${t("fair_arrived_at")} `, timeNode(arrived))
      : el("button", { type: "button", class: "btn btn-primary fa-big", dataset: { arrive: row.employer_id, form: formToken() },
        onclick: (e) => busy(e.currentTarget, () => arrive(row, e.currentTarget)) }, t("fair_arrived"));
    items.push(el("li", { class: "fa-fair-employer", dataset: { employer: row.employer_id } },
      el("span", { class: "fa-fair-name" }, ...boothLabel(row),
        row.status === "invited" ? el("small", {}, ` (${t("fair_invited")})`) : null),
      action));
  }
  $("#fair-list").replaceChildren(...items);
  $("#fair-none").hidden = rows.length > 0;
}

export function setup(options) {
  ctx = options;
  document.addEventListener("caravan:lang", () => { if (ctx.eventId()) render(); });
}
