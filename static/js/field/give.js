// What was given: job information (which postings), training information, policy advice and interest
// in postings for the person last checked in; tally buttons for visitors who do not register.
import * as db from "./db.js";
import { pick, t } from "./i18n.js";
import { addRecords } from "./outbox.js";
import { $, $$, el } from "./ui.js";

let ctx = null;
let person = null;

function choice(name, value, text) {
  return el("label", { class: "fa-choice" }, el("input", { type: "checkbox", name, value }), " ", el("span", {}, text));
}

/** Fill the choices from the current event's postings and notices. */
export async function refresh() {
  const event = await ctx.event();
  $("#give-person").textContent = person ? person.name : "";
  $("#give-nobody").hidden = Boolean(person);
  $("#give-form").hidden = !person;
  if (!event) return;
  const postings = (await Promise.all((event.posting_ids || []).map((id) => db.get("postings", id)))).filter(Boolean);
  const notices = (await Promise.all((event.notice_ids || []).map((id) => db.get("notices", id)))).filter(Boolean);
  const title = (x) => pick(Object.fromEntries(Object.entries(x.texts || {}).map(([k, v]) => [k, v.title])));
  $("#give-jobs").replaceChildren(...postings.map((p) => choice("job", p.id, title(p))));
  $("#give-interest").replaceChildren(...postings.map((p) => choice("interest", p.id, title(p))));
  const training = notices.filter((n) => n.kind === "training");
  const policy = notices.filter((n) => n.kind === "policy");
  $("#give-training").replaceChildren(choice("training", "", t("training_info")), ...training.map((n) => choice("training", n.id, title(n))));
  $("#give-policy").replaceChildren(choice("policy", "", t("policy_advice")), ...policy.map((n) => choice("policy", n.id, title(n))));
  await showTallies();
}

export function setPerson(attendee) {
  person = attendee;
  refresh();
}

/** The records for what is ticked in the form. */
function recordsFromForm(form, eventId) {
  const checked = (name) => $$(`input[name=${name}]:checked`, form).map((i) => i.value);
  const base = { event_id: eventId, attendee_id: person.id };
  const records = [];
  for (const id of checked("job")) records.push({ type: "service", data: { ...base, kind: "job_info", posting_id: id } });
  for (const id of checked("training")) {
    records.push({ type: "service", data: { ...base, kind: "training_info", ...(id ? { notice_id: id } : {}) } });
  }
  for (const id of checked("policy")) {
    records.push({ type: "service", data: { ...base, kind: "policy_advice", ...(id ? { notice_id: id } : {}) } });
  }
  for (const id of checked("interest")) {
    records.push({ type: "interest", data: { attendee_id: person.id, posting_id: id, event_id: eventId } });
  }
  return records;
}

async function showTallies() {
  const eventId = ctx.eventId();
  const counts = {};
  for (const store of ["outbox", "sent"]) {
    for (const r of await db.all(store)) {
      if (r.type === "tally" && r.data.event_id === eventId) counts[r.data.kind] = (counts[r.data.kind] || 0) + r.data.count;
    }
  }
  for (const b of $$("[data-count]")) b.textContent = String(counts[b.dataset.count] || 0);
}

export function setup(options) {
  ctx = options;
  $("#give-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const records = recordsFromForm(e.target, ctx.eventId());
    if (!records.length) return;
    await addRecords(records);
    e.target.reset();
    $("#give-saved").textContent = `${t("saved")} (${records.length})`;
  });
  for (const button of $$("[data-tally]")) {
    button.addEventListener("click", async () => {
      await addRecords([{ type: "tally", data: { event_id: ctx.eventId(), kind: button.dataset.tally, count: 1 } }]);
      await showTallies();
    });
  }
}
