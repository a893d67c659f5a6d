// What was given: job information (which postings), training information, policy advice and interest
// in postings and training courses for the person last checked in; tally buttons for visitors who do not
// register.
import * as db from "./db.js";
import { boothLabel, fairEmployers } from "./fair.js";
import { pick, t } from "./i18n.js";
import { SaveError, addRecords, formToken, undoTally } from "./outbox.js";
import { $, $$, busy, el } from "./ui.js";

let ctx = null;
let person = null;
let form = formToken();  // the services form as shown: its ticks are saved once
let tallyForm = formToken();  // the tally buttons as ready: one tap, one record
let lastTap = null;  // {record, timer}: the tally tap that "undo" takes back
/** How long the tally buttons take no tap after one: a double tap (two taps within this) counts once. */
const TALLY_SETTLE_MS = 600;
/** How long "undo" is offered after a tally tap (or until the next tap). */
const UNDO_MS = 10000;

function choice(name, value, text, tag = "") {
  // A tag (a course among postings) follows the language: data-t.
  const tagged = tag ? [" ", el("span", { class: "fa-tag", dataset: { t: tag } }, t(tag))] : [];
  return el("label", { class: "fa-choice" }, el("input", { type: "checkbox", name, value }), " ", el("span", {}, text), ...tagged);
}

/** Fill the choices from the current event's postings and notices; `keep` keeps what is ticked (the same
 * form shown in another language). */
export async function refresh({ keep = false } = {}) {
  const event = await ctx.event();
  $("#give-person").textContent = person ? person.name : "";
  $("#give-nobody").hidden = Boolean(person);
  $("#give-form").hidden = !person;
  if (!event) return;
  const ticked = new Set($$("input:checked", $("#give-form")).map((i) => `${i.name}|${i.value}`));
  const postings = (await Promise.all((event.posting_ids || []).map((id) => db.get("postings", id)))).filter(Boolean);
  const notices = (await Promise.all((event.notice_ids || []).map((id) => db.get("notices", id)))).filter(Boolean);
  const title = (x) => pick(Object.fromEntries(Object.entries(x.texts || {}).map(([k, v]) => [k, v.title])));
  $("#give-jobs").replaceChildren(...postings.map((p) => choice("job", p.id, title(p))));
  const training = notices.filter((n) => n.kind === "training");
  // Interest in a posting or in a training course: the same record type, naming one or the other.
  $("#give-interest").replaceChildren(...await interestChoices(event, postings, title),
    ...training.map((n) => choice("course_interest", n.id, title(n), "course")));
  const policy = notices.filter((n) => n.kind === "policy");
  $("#give-training").replaceChildren(choice("training", "", t("training_info")), ...training.map((n) => choice("training", n.id, title(n))));
  $("#give-policy").replaceChildren(choice("policy", "", t("policy_advice")), ...policy.map((n) => choice("policy", n.id, title(n))));
  if (keep) for (const box of $$("input[type=checkbox]", $("#give-form"))) box.checked = ticked.has(`${box.name}|${box.value}`);
  await showTallies();
}

/** The interest choices: at a job fair, under each employer by booth (staff pick the employer, then the
 * posting), every published posting of that employer; then the event's other postings. */
async function interestChoices(event, postings, title) {
  const rows = await fairEmployers(event);
  if (!rows.length) return postings.map((p) => choice("interest", p.id, title(p)));
  const published = (await db.all("postings")).filter((p) => !p.status || p.status === "published")
    .sort((a, b) => (a.code || "").localeCompare(b.code || ""));
  const atFair = new Set(rows.map((row) => row.employer_id));
  const groups = rows.map((row) => [row, published.filter((p) => p.employer_id === row.employer_id)])
    .filter(([, own]) => own.length)
    .map(([row, own]) => el("div", { class: "fa-fair-group", dataset: { employer: row.employer_id } },
      el("p", { class: "fa-fair-head" }, ...boothLabel(row)),
      el("div", { class: "fa-choices" }, ...own.map((p) => choice("interest", p.id, title(p))))));
  return [...groups, ...postings.filter((p) => !atFair.has(p.employer_id)).map((p) => choice("interest", p.id, title(p)))];
}

export function setPerson(attendee) {
  if (person?.id !== attendee?.id) form = formToken();  // another person: another form
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
  for (const id of checked("course_interest")) {
    records.push({ type: "interest", data: { attendee_id: person.id, notice_id: id, event_id: eventId } });
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

/** Save what is ticked, once per form: the form is emptied (and gets a new token) only once saved. */
async function saveGiven(giveForm) {
  const records = recordsFromForm(giveForm, ctx.eventId());
  if (!records.length) return;
  const shown = $("#give-saved");
  try {
    if (!(await addRecords(records, { form }))) return;  // saved already by the first tap
  } catch (err) {
    if (!(err instanceof SaveError)) throw err;
    console.warn(err.cause);
    shown.className = "fa-error";
    delete shown.dataset.saved;
    shown.dataset.t = "save_failed";
    shown.textContent = t("save_failed");
    return;
  }
  giveForm.reset();
  form = formToken();
  shown.className = "fa-ok";
  delete shown.dataset.t;
  shown.dataset.saved = String(records.length);
  savedNote();
}

/** "Saved (n)" in the tablet's language, after the last save of the form. */
function savedNote() {
  const shown = $("#give-saved");
  if (shown.dataset.saved) shown.textContent = `${t("saved")} (${shown.dataset.saved})`;
}

/** Offer "undo" for the tally tap just saved, until the next tap or UNDO_MS. */
function offerUndo(record) {
  clearTimeout(lastTap?.timer);
  lastTap = { record, timer: setTimeout(() => { lastTap = null; $("#tally-undo").hidden = true; }, UNDO_MS) };
  const button = $("#tally-undo");
  // data-t: the label follows a change of the tablet's language.
  const tallyKey = `tally_${record.data.kind}`;
  // One child: the button lays its children out with a gap, which would part the colon from "undo".
  button.replaceChildren(el("span", {}, el("span", { dataset: { t: "undo" } }, t("undo")), ": ",
    el("span", { dataset: { t: tallyKey } }, t(tallyKey))));
  button.hidden = false;
  tallyMessage("");
}

/** Say `key` (or nothing) under the tally buttons, in the tablet's language and following a change of it. */
function tallyMessage(key) {
  const message = $("#tally-message");
  if (key) message.dataset.t = key;
  else delete message.dataset.t;
  message.textContent = key ? t(key) : "";
}

async function tap(button) {
  let saved;
  try {
    saved = await addRecords([{ type: "tally", data: { event_id: ctx.eventId(), kind: button.dataset.tally, count: 1 } }],
      { form: tallyForm });
  } catch (err) {
    if (!(err instanceof SaveError)) throw err;
    console.warn(err.cause);
    tallyMessage("save_failed");
    return;
  }
  if (!saved) return;
  tallyForm = formToken();
  offerUndo(saved[0]);
  await showTallies();
}

async function undo() {
  if (!lastTap) return;
  const { record, timer } = lastTap;
  clearTimeout(timer);
  try {
    await undoTally(record);
  } catch (err) {
    if (!(err instanceof SaveError)) throw err;
    console.warn(err.cause);
    tallyMessage("save_failed");
    return;
  }
  lastTap = null;
  $("#tally-undo").hidden = true;
  tallyMessage("undone");
  await showTallies();
}

export function setup(options) {
  ctx = options;
  const giveForm = $("#give-form");
  const submit = $("button[type=submit]", giveForm);
  giveForm.addEventListener("submit", (e) => {
    e.preventDefault();
    busy(submit, () => saveGiven(giveForm));
  });
  const tallies = $$("[data-tally]");
  for (const button of tallies) {
    // One tap at a time over all tally buttons; a double tap counts once (the undo covers a wrong tap).
    button.addEventListener("click", () => {
      if (tallies.some((b) => b.dataset.busy)) return;
      for (const other of tallies) if (other !== button) other.disabled = true;
      busy(button, () => tap(button), TALLY_SETTLE_MS).finally(() => {
        for (const other of tallies) other.disabled = false;
      });
    });
  }
  $("#tally-undo").addEventListener("click", () => busy($("#tally-undo"), undo));
  // Choices and titles are the app's own text: they follow the language, keeping what is ticked.
  document.addEventListener("caravan:lang", () => {
    savedNote();
    if (ctx.eventId()) refresh({ keep: true });
  });
}
