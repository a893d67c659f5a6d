// The always visible status: network, unsent records, last sync, progress, the receipt, problems,
// "Sync now" and "Export unsent records".
import * as correct from "./correct.js";
import * as db from "./db.js";
import { correctableReasons, correctableVisitReasons, current, label, labelled, t } from "./i18n.js";
import { recordFields } from "./outbox.js";
import * as people from "./people.js";
import * as sync from "./sync.js";
import { $, el, timeNode } from "./ui.js";
import * as vault from "./vault.js";

let renders = 0;

export async function render() {
  // Renders overlap (a save and a sync at once): only the latest one may write the screen.
  const mine = ++renders;
  const [outbox, problems, last, check, device] = await Promise.all([
    db.all("outbox"), db.all("problems"), db.getMeta("lastSync"), sync.receiptCheck(), db.getMeta("device")]);
  const items = await Promise.all(problems.sort((a, b) => a.seq - b.seq).map(problemItem));
  if (mine !== renders) return;
  const held = outbox.filter((r) => r.state === "held").length;
  const s = sync.state;
  // Three states, in words and colours: online; offline (no network, calm: records wait here); and the
  // server not answering although the network is there (a timeout, 5xx, a portal's page: red).
  const offline = !navigator.onLine || s.offline;
  // A revoked tablet is not "online" for its staff, whatever the network: it no longer syncs.
  const revoked = s.auth === "revoked";
  const net = revoked ? ["revoked_state", "fa-noanswer"]
    : (offline ? ["offline", "fa-off"] : (s.noAnswer ? ["no_answer", "fa-noanswer"] : ["online", "fa-on"]));
  $("#st-net").textContent = t(net[0]);
  $("#st-net").className = `fa-net ${net[1]}`;
  $("#st-pending").textContent = String(outbox.length);
  $("#st-held").textContent = String(held);
  $("#st-held-wrap").hidden = held === 0;
  $("#st-last").replaceChildren(last ? timeNode(last) : t("never"));
  const receipt = receiptLine(check, outbox.length, problems.length);
  $("#st-receipt").textContent = receipt.text;
  $("#st-receipt").dataset.confirmed = String(receipt.confirmed);
  $("#st-progress").textContent = s.running ? `${t("syncing")} ${s.done}/${s.total}` : "";
  const retry = s.nextTry ? [" ", `${t("retry_at")}: `, timeNode(s.nextTry)] : [];
  let message = [];
  let kind = "";
  const locked = !vault.unlocked();
  // Not enrolled yet: nothing is locked and there is nothing to export.
  const enrolled = Boolean(device);
  // Locked, the lock screen says the revocation itself: once is enough.
  if (revoked) [message, kind] = [locked ? [] : [t("revoked_wiped")], "fa-warn"];
  else if (!enrolled) [message, kind] = [[], ""];
  else if (locked) [message, kind] = [[t("locked_sync")], "fa-calm"];
  else if (s.auth === "reenroll") [message, kind] = [[t("reenroll")], "fa-warn"];
  else if (offline) [message, kind] = [[t("offline_safe")], "fa-calm"];
  else if (s.noAnswer) [message, kind] = [[t("no_answer_safe"), ...retry], "fa-warn"];
  else if (s.error) [message, kind] = [[t("sync_error"), ...retry], "fa-warn"];
  $("#st-message").replaceChildren(...message);
  $("#st-message").className = `fa-message ${kind}`.trim();
  document.body.dataset.sync = offline ? "offline" : (s.noAnswer ? "no-answer" : (kind === "fa-warn" ? "error" : "ok"));
  $("#sync-now").disabled = s.running;
  $("#sync-now").hidden = locked;  // nothing can be sent until someone unlocks
  $("#export").hidden = !enrolled;
  // Also when revoked: the office can re-enroll this very tablet with a new code.
  $("#reenroll").hidden = !s.auth || locked;
  const button = $("#st-problems");
  button.hidden = problems.length === 0;
  button.textContent = labelled(t("problems"), problems.length);
  $("#problem-list").replaceChildren(...items);
  if (problems.length === 0) $("#problems").hidden = true;
  document.body.dataset.pending = String(outbox.length);
  document.body.dataset.problems = String(problems.length);
}

/** Joins the parts of one line in the tablet's language. */
function joined(parts) {
  return parts.join({ zh: "，", ug: "، " }[current()] || ", ");
}

/**
 * The receipt line: "confirmed" only when the server holds every record this tablet made (the numbers
 * match and the digest of the ids matches); otherwise what differs, counting what the tablet still holds.
 * `unsent`: records in the outbox (held ones included); `refused`: records kept as problems.
 */
export function receiptLine(check, unsent, refused) {
  const { made, receipt, match } = check;
  if (!receipt) return { text: made ? t("receipt_none", { made }) : "", confirmed: false };
  const held = receipt.device_records;
  const base = t("receipt", { made, held });
  if (match && made === held && unsent === 0 && refused === 0) {
    return { text: `${base} ✓ ${t("receipt_ok")}`, confirmed: true };
  }
  const parts = [];
  if (unsent) parts.push(t("receipt_to_send", { count: unsent }));
  if (refused) parts.push(t("receipt_refused", { count: refused }));
  // What the tablet holds does not explain the difference, or the ids differ: another sync will tell.
  if (!match || made - held !== unsent + refused) parts.push(t("receipt_differs"));
  return { text: `${base}${current() === "zh" ? "：" : ": "}${joined(parts)}`, confirmed: false };
}

/** The words for a reason's field, from the strings the screens already use. */
const FIELD_WORDS = { name: "name", phone: "field_phone", village_id: "village", group: "group", skills: "skills",
  wishes: "wishes", event_id: "field_event", attendee_id: "kind_attendee", posting_id: "field_posting",
  notice_id: "field_notice", cancels_id: "field_cancels",
  // An employer visit's fields, and its lines' (vacancies.<n>.<field>): the visit form's words.
  round_id: "visit_round", employer_id: "visit_employer", visited_on: "visit_date", staff_name: "visit_staff",
  contact_name: "visit_contact", contact_phone: "visit_phone", planned_hires: "visit_planned", plans: "visit_plans",
  training_needs: "visit_training", notes: "visit_notes", vacancies: "visit_lines" };
const LINE_WORDS = { occupation: "visit_occupation", count: "visit_count", wage_min: "visit_wage_min",
  wage_max: "visit_wage_max", wage_unit: "visit_wage_unit", requirements: "visit_requirements" };

/** A reason's field in words: "Line 2: Number of vacancies" for a vacancy line's field. */
function fieldWords(field) {
  const line = /^vacancies\.(\d+)\.(\w+)$/.exec(field);
  if (line && LINE_WORDS[line[2]]) return t("visit_line_field", { num: Number(line[1]) + 1, field: t(LINE_WORDS[line[2]]) });
  return FIELD_WORDS[field] ? t(FIELD_WORDS[field]) : field;
}

/** Whether a problem is a refused registration that the tablet can correct and send again (by the server's
 * rule, served with the strings: the reasons a correction of the person's own fields mends). */
export function correctable(problem) {
  const [code, field = ""] = (problem.reason || "").split(":");
  if (problem.state !== "rejected") return false;
  if (problem.type === "employer_visit") {  // its own field, or a vacancy line's
    const rule = correctableVisitReasons();
    return Boolean(rule) && rule.codes.includes(code) && rule.fields.includes(field.split(".")[0]);
  }
  const rule = correctableReasons();
  return Boolean(rule) && problem.type === "attendee" && rule.codes.includes(code) && rule.fields.includes(field);
}

/** The server's reason code ("too_long:name") as a sentence in the tablet's language; unknown codes as sent. */
export function reasonText(reason = "") {
  const [code, field = ""] = reason.split(":");
  const text = label("reasons", code);
  if (text === code) return reason;
  return text.replace("%(field)s", fieldWords(field));
}

/** Who a problem record is about: the name of a registration, or of the person a record refers to. */
async function personName(problem) {
  if (!vault.unlocked()) return "";  // names are sealed: shown only to an unlocked app
  if (problem.type === "attendee") return (await recordFields(problem)).name;
  const id = problem.data?.attendee_id;
  return id ? ((await people.get(id))?.name || "") : "";
}

/** A record type in words ("Registration"); a type this app does not know, as sent. */
function kindWord(type) {
  const text = t(`kind_${type}`);
  return text === `kind_${type}` ? String(type || "?") : text;
}

/** One problem as the staff read it: the kind of record, who, the reason as a sentence, what to do. */
async function problemItem(problem) {
  const name = await personName(problem);
  const fix = correctable(problem) && vault.unlocked();  // correcting opens sealed fields
  const todo = fix ? (problem.type === "employer_visit" ? "todo_correct_visit" : "todo_correct")
    : (problem.state === "conflict" ? "todo_conflict" : "todo_office");
  return el("li", { class: "fa-problem", dataset: { id: problem.id, state: problem.state } },
    el("p", {}, el("b", {}, kindWord(problem.type)), name ? [" · ", el("bdi", {}, name)] : null,
      " · ", t(`state_${problem.state}`)),
    el("p", { class: "fa-reason" }, reasonText(problem.reason)),
    el("p", { class: "fa-todo" }, t(todo)),
    fix ? el("button", { type: "button", class: "btn btn-primary", dataset: { correct: problem.id } }, t("correct")) : null,
    el("small", {}, timeNode(problem.at), " · ", el("bdi", { dir: "ltr" }, problem.id.slice(0, 8))));
}

/** Download every unconfirmed record (outbox and problems) as a file the office can import. Needs no
 * unlock: records stay sealed, and the data key rides along wrapped by the tablet's recovery key, which
 * only the server can derive (version 2). A tablet that never had a staff sign-in has nothing sealed
 * and writes version 1. */
export async function exportUnsent() {
  const [device, keys] = [await db.getMeta("device"), await vault.keys()];
  const records = [...await db.all("outbox"), ...await db.all("problems")]
    .sort((a, b) => a.seq - b.seq)
    .map(({ type, id, seq, at, by, data, state, reason }) => ({
      type, id, seq, at, ...(by ? { by } : {}), data, state, ...(reason ? { reason } : {}) }));
  const file = { format: "caravan-outbox", version: keys ? 2 : 1, device_id: device?.id || null,
    exported_at: new Date().toISOString(), ...(keys ? { key: keys.recovery } : {}), records };
  // An exported record may reach the server through the office's import: undoing a tally in it must send
  // a cancelling record, not delete it (outbox.undoTally), as if a push had been handed it.
  const top = Math.max(0, ...records.map((r) => r.seq || 0));
  if (top > ((await db.getMeta("offered")) || 0)) await db.setMeta("offered", top);
  const blob = new Blob([JSON.stringify(file, null, 1)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const stamp = file.exported_at.replace(/[:.]/g, "-");
  const a = el("a", { href: url, download: `caravan-outbox-${stamp}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return file;
}

export function setup() {
  sync.events.addEventListener("change", render);
  addEventListener("online", render);
  addEventListener("offline", render);
  $("#sync-now").addEventListener("click", () => sync.syncNow());
  $("#export").addEventListener("click", exportUnsent);
  $("#st-problems").addEventListener("click", () => { $("#problems").hidden = !$("#problems").hidden; });
  $("#problem-list").addEventListener("click", (e) => {
    const id = e.target.closest("[data-correct]")?.dataset.correct;
    if (id) correct.open(id);
  });
  correct.setup();
  document.addEventListener("caravan:lang", render);
  document.addEventListener("caravan:saved", render);
  for (const type of ["lock", "unlock", "wiped"]) vault.events.addEventListener(type, render);
}
