// The employer visit of the demand survey, recorded offline: the round (open rounds of the tablet's area,
// pulled), the employer (searched by name among the pulled employers of the round's area), the work
// contact, vacancy lines, plans and needs. Saved to the outbox as one `employer_visit` record; the server
// checks it by the office form's rule and answers a refusal into the problems list like any record. A refused
// visit opens here again to be corrected (from the problems list): saved, it goes back to the outbox under the
// same id, as a corrected registration does (correct.js).
import * as db from "./db.js";
import { label, labelled, pick, t, visitRules } from "./i18n.js";
import { SaveError, addRecords, formToken } from "./outbox.js";
import { reasonText } from "./status.js";
import { $, $$, busy, countyDay, el } from "./ui.js";
import * as vault from "./vault.js";

const LINE_FIELDS = ["occupation", "count", "wage_min", "wage_max", "wage_unit", "requirements"];
const NUMBERS = ["count", "wage_min", "wage_max"];
const WAGE_UNITS = ["month", "day", "hour", "piece"];
const MAX_LINES = 30;
let form = formToken();  // the visit form as shown: saved once however often "save" is pressed
let rounds = [];
let employers = [];  // those of the chosen round's area, sorted by name
let started = false;  // a form is open and not saved yet: leaving it (back, a lock) keeps what was typed
let correcting = null;  // the refused visit the form holds, if it holds one: {id, reason}
let showScreen = () => {};

/** The survey rounds a visit may be recorded in today: pulled (so within the tablet's area), and open. */
export async function openRounds() {
  const today = countyDay();
  return (await db.all("survey_rounds")).filter((r) => r.starts_on <= today && today <= r.ends_on)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Show the "employer visit" offer on the events screen when some round is open. */
export async function offer() {
  $("#visit-offer").hidden = (await openRounds()).length === 0;
}

/** The ids of `areaId` and every area below it, from the pulled areas. */
async function areasWithin(areaId) {
  const children = new Map();
  for (const a of await db.all("areas")) {
    if (!children.has(a.parent_id)) children.set(a.parent_id, []);
    children.get(a.parent_id).push(a.id);
  }
  const found = new Set([areaId]);
  const queue = [areaId];
  while (queue.length) for (const child of children.get(queue.pop()) || []) if (!found.has(child)) { found.add(child); queue.push(child); }
  return found;
}

async function chooseRound(roundId, keepDate = false) {
  const round = rounds.find((r) => r.id === roundId);
  const within = round ? await areasWithin(round.area_id) : new Set();
  employers = (await db.all("employers")).filter((e) => within.has(e.area_id))
    .sort((a, b) => pick(a.name).localeCompare(pick(b.name)));
  const f = $("#visit-form").elements;
  if (!employers.some((e) => e.id === f.employer_id.value)) chooseEmployer(null);
  if (!keepDate && round && f.visited_on.value && !(round.starts_on <= f.visited_on.value && f.visited_on.value <= round.ends_on)) {
    f.visited_on.value = countyDay();
  }
  if (round) { f.visited_on.min = round.starts_on; f.visited_on.max = [round.ends_on, countyDay()].sort()[0]; }
  showMatches();
}

function chooseEmployer(employer) {
  const f = $("#visit-form").elements;
  f.employer_id.value = employer ? employer.id : "";
  if (employer) unmark($("#visit-employer-search"));
  $("#visit-employer-name").textContent = employer ? pick(employer.name) : "";
  $("#visit-employer-chosen").hidden = !employer;
  $("#visit-employer-search").hidden = Boolean(employer);
  $("#visit-employers").replaceChildren();
  if (!employer) $("#visit-employer-search").value = "";
}

/** The employers whose name (in any language) holds what was typed; a few, to tap. */
function showMatches() {
  const list = $("#visit-employers");
  const typed = $("#visit-employer-search").value.trim().toLowerCase();
  if (!typed || $("#visit-form").elements.employer_id.value) return void list.replaceChildren();
  const hits = employers.filter((e) => Object.values(e.name || {}).some((n) => (n || "").toLowerCase().includes(typed)));
  list.replaceChildren(...hits.slice(0, 8).map((e) => el("li", {}, el("button", { type: "button", class: "btn fa-person",
    dataset: { employer: e.id }, onclick: () => chooseEmployer(e) }, pick(e.name)))),
  hits.length ? null : el("li", { class: "empty" }, t("visit_no_match")));
}

/** The lines as typed (so that adding, removing or a change of language keeps them). */
function readLines() {
  return $$(".fa-visit-line").map((box) => Object.fromEntries(LINE_FIELDS.map((k) => [k, $(`[name=${k}]`, box).value])));
}

function lineField(n, key, value, attrs = {}) {
  return el("label", {}, el("span", {}, t(`visit_${key}`)),
    el("input", { name: key, value, autocomplete: "off", ...attrs, dataset: { line: n } }));
}

function renderLines(lines) {
  $("#visit-lines").replaceChildren(...lines.map((line, n) => el("fieldset", { class: "fa-visit-line", dataset: { line: n } },
    el("legend", {}, t("visit_line", { num: n + 1 })),
    lineField(n, "occupation", line.occupation || "", { maxlength: 100 }),
    lineField(n, "count", line.count || "", { type: "number", min: 1, inputmode: "numeric", dir: "ltr" }),
    lineField(n, "wage_min", line.wage_min || "", { type: "number", min: 0, inputmode: "numeric", dir: "ltr" }),
    lineField(n, "wage_max", line.wage_max || "", { type: "number", min: 0, inputmode: "numeric", dir: "ltr" }),
    el("label", {}, el("span", {}, t("visit_wage_unit")), el("select", { name: "wage_unit" },
      ...WAGE_UNITS.map((u) => el("option", { value: u, selected: (line.wage_unit || "month") === u }, label("wage_units", u))))),
    lineField(n, "requirements", line.requirements || "", { maxlength: 1000 }),
    el("button", { type: "button", class: "btn", dataset: { remove: n },
      onclick: () => { const kept = readLines(); kept.splice(n, 1); renderLines(kept); } }, t("visit_remove_line", { num: n + 1 })))));
  $("#visit-no-lines").hidden = lines.length > 0;
  $("#visit-add-line").hidden = lines.length >= MAX_LINES;
}

/** Open the form, empty: the first open round, today, the signed-in staff member's name, one line. */
export async function open() {
  rounds = await openRounds();
  const f = $("#visit-form");
  f.reset();
  unmark();
  form = formToken();
  $("#visit-round").replaceChildren(...rounds.map((r) => el("option", { value: r.id }, r.name)));
  f.elements.visited_on.value = countyDay();
  const who = vault.who();
  f.elements.staff_name.value = who ? who.name || who.username || "" : "";
  $("#visit-error").textContent = "";
  $("#visit-saved").textContent = "";
  $("#visit-employer-search").placeholder = t("visit_search");
  chooseEmployer(null);
  renderLines([{}]);
  await chooseRound(f.elements.round_id.value);
  correcting = null;
  $("#visit-correcting").hidden = true;
  started = true;
}

/** Open the refused visit `record` (from the problems list) in the form, as it was sent, its reason above. */
async function openCorrection(record) {
  await open();
  const data = record.data || {};
  const f = $("#visit-form");
  // Its round, even if no longer open here (the round's dates may be the reason it was refused).
  const own = (await db.all("survey_rounds")).find((r) => r.id === data.round_id);
  if (own && !rounds.some((r) => r.id === own.id)) rounds = [...rounds, own];
  $("#visit-round").replaceChildren(...rounds.map((r) => el("option", { value: r.id }, r.name)));
  f.elements.round_id.value = data.round_id;
  for (const key of ["visited_on", "staff_name", "contact_name", "contact_phone", "planned_hires", "plans", "training_needs", "notes"]) {
    f.elements[key].value = String(data[key] ?? "");
  }
  await chooseRound(data.round_id, true);
  chooseEmployer(employers.find((e) => e.id === data.employer_id) || null);
  const lines = (data.vacancies || []).map((line) => Object.fromEntries(LINE_FIELDS.map((k) => [k, String(line[k] ?? "")])));
  renderLines(lines);
  correcting = { id: record.id, reason: record.reason };
  showReason();
  $("#visit-correcting").hidden = false;
  showScreen();
}

/** Above the form of a correction: why the server refused the visit, in the app's language. */
function showReason() {
  if (correcting) $("#visit-correcting").textContent = labelled(t("visit_correcting"), reasonText(correcting.reason));
}

/** Put the corrected visit back in the outbox under its id, in one transaction with leaving the problems;
 * null when it is no longer a problem (settled meanwhile, e.g. corrected at the office). */
function saveCorrection(id, data) {
  return db.tx(["problems", "outbox"], "readwrite", async (tx) => {
    const record = await db.req(tx.objectStore("problems").get(id));
    if (!record) return null;
    const { reason, ...kept } = record;
    const corrected = { ...kept, data, state: "pending" };
    tx.objectStore("problems").delete(id);
    tx.objectStore("outbox").put(corrected);
    return corrected;
  });
}

/** The record's data from the form; numbers as numbers, what is empty left out. */
function collect() {
  const f = $("#visit-form").elements;
  const data = { round_id: f.round_id.value, employer_id: f.employer_id.value };
  for (const key of ["visited_on", "staff_name", "contact_name", "contact_phone", "plans", "training_needs", "notes"]) {
    const value = f[key].value.trim();
    if (value) data[key] = value;
  }
  const planned = f.planned_hires.value.trim();
  if (planned) data.planned_hires = /^\d+$/.test(planned) ? Number(planned) : planned;
  data.vacancies = readLines().filter((line) => LINE_FIELDS.some((k) => k !== "wage_unit" && line[k].trim()))
    .map((line) => Object.fromEntries(LINE_FIELDS.filter((k) => line[k].trim()).map((k) => {
      const value = line[k].trim();
      return [k, NUMBERS.includes(k) && /^\d+$/.test(value) ? Number(value) : value];
    })));
  return data;
}

/** What the server would refuse and the tablet can foresee: [{input, message}], in the form's order. A
 * vacancy line follows the rules the server serves (caravan.services.surveys.vacancy_rules); without them
 * (an older strings file) only the required fields are checked. The server checks every rule again. */
function problems() {
  const form = $("#visit-form");
  const f = form.elements;
  const found = [];
  const required = t("visit_required");
  for (const [key, input] of [["round_id", f.round_id], ["employer_id", $("#visit-employer-search")],
    ["visited_on", f.visited_on], ["staff_name", f.staff_name]]) {
    if (!f[key].value.trim()) found.push({ input, message: required });
  }
  const rules = visitRules() || { numbers: {}, required: ["occupation", "count"], ordered: [] };
  for (const box of $$(".fa-visit-line", form)) {
    const input = (k) => $(`[name=${k}]`, box);
    const value = (k) => input(k).value.trim();
    if (!LINE_FIELDS.some((k) => k !== "wage_unit" && value(k))) continue;  // an empty line is left out
    const bad = new Set();
    for (const k of LINE_FIELDS) {
      const range = rules.numbers[k];
      let message = null;
      // A number field holding what is not a number reads as empty: "enter a whole number", not "fill in".
      if (!value(k)) message = rules.required.includes(k) ? (input(k).validity?.badInput ? t("visit_number") : required) : null;
      else if (range && !/^-?\d+$/.test(value(k))) message = t("visit_number");
      else if (range && !(range.min <= Number(value(k)) && Number(value(k)) <= range.max)) {
        message = t("visit_range", { low: range.min, high: range.max });
      }
      if (message) { bad.add(k); found.push({ input: input(k), message }); }
    }
    for (const [low, high] of rules.ordered) {
      if (value(low) && value(high) && !bad.has(low) && !bad.has(high) && Number(value(high)) < Number(value(low))) {
        found.push({ input: input(high), message: t("visit_wage_order") });
      }
    }
  }
  return found;
}

/** Take the marks of an earlier check away (all of them, or one field's). */
function unmark(input = null) {
  for (const field of input ? [input] : $$("#visit-form [aria-invalid]")) {
    field.removeAttribute("aria-invalid");
    field.removeAttribute("aria-describedby");
    field.closest("label")?.querySelector(".fa-field-error")?.remove();
  }
}

/** Mark each field in `found` with its message beside it, and (unless told not to) bring the first into
 * view with the focus. */
function mark(found, focus = true) {
  unmark();
  for (const [n, { input, message }] of found.entries()) {
    const id = `visit-problem-${n}`;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", id);
    input.closest("label").append(el("span", { class: "fa-field-error", id }, message));
  }
  if (!focus || !found.length) return;
  found[0].input.scrollIntoView({ block: "center" });
  found[0].input.focus({ preventScroll: true });
}

async function save() {
  const error = $("#visit-error");
  $("#visit-saved").textContent = "";
  const found = problems();
  if (found.length) {
    mark(found);
    error.textContent = t("visit_fix");
    return;
  }
  unmark();
  error.textContent = "";
  const data = collect();
  let saved;
  try {
    if (correcting) {
      const corrected = await saveCorrection(correcting.id, data).catch((err) => { throw new SaveError(err); });
      saved = corrected ? [corrected] : [];
      if (corrected) document.dispatchEvent(new CustomEvent("caravan:saved", { detail: saved }));
    } else {
      saved = await addRecords([{ type: "employer_visit", data }], { form });
    }
  } catch (e) {
    if (!(e instanceof SaveError)) throw e;
    console.warn(e.cause);
    error.textContent = t("save_failed");  // the form keeps what was typed
    return;
  }
  if (saved === null) return;  // this form was saved already
  await open();
  $("#visit-saved").textContent = t("visit_saved");
}

export function setup({ show, back }) {
  showScreen = show;
  $("#visit-open").addEventListener("click", async () => {
    if (!started || correcting) await open();  // a new visit, not the correction left open
    show();
  });
  document.addEventListener("caravan:correct-visit", (e) => openCorrection(e.detail));
  $("#visit-back").addEventListener("click", back);
  $("#visit-round").addEventListener("change", (e) => chooseRound(e.target.value));
  $("#visit-employer-search").addEventListener("input", showMatches);
  $("#visit-employer-change").addEventListener("click", () => { chooseEmployer(null); $("#visit-employer-search").focus(); });
  $("#visit-add-line").addEventListener("click", () => renderLines([...readLines(), {}]));
  const visitForm = $("#visit-form");
  // A marked field loses its mark once it is changed (the next save checks it again).
  visitForm.addEventListener("input", (e) => { if (e.target.hasAttribute?.("aria-invalid")) unmark(e.target); });
  const submit = $("button[type=submit]", visitForm);
  visitForm.addEventListener("submit", (e) => {
    e.preventDefault();
    busy(submit, save);
  });
  document.addEventListener("caravan:lang", () => {
    const marked = $$("#visit-form [aria-invalid]").length > 0;
    renderLines(readLines());
    if (marked) {  // the marks and their messages again, in the language chosen
      const found = problems();
      mark(found, false);
      $("#visit-error").textContent = found.length ? t("visit_fix") : "";
    }
    showReason();
    $("#visit-employer-search").placeholder = t("visit_search");
    const chosen = employers.find((x) => x.id === visitForm.elements.employer_id.value);
    if (chosen) $("#visit-employer-name").textContent = pick(chosen.name);
    showMatches();
  });
}
