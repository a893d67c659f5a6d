// Registering a newcomer: attendee and check-in records in one transaction, the pass token made here,
// and the pass QR shown at once, large, for the person to photograph.
import * as db from "./db.js";
import { dirOf, pick, ruleMessage, t } from "./i18n.js";
import { addRecords } from "./outbox.js";
import { newPassToken, passUrl, sha256Hex } from "./pass.js";
import * as people from "./people.js";
import { drawQr } from "./qr.js";
import { checkResident } from "./rules.js";
import { $, $$, el } from "./ui.js";

/** The consent version the server expects (caravan.config CONSENT_VERSION, given by the shell). */
export const CONSENT_VERSION = document.querySelector("script[data-strings]")?.dataset.consentVersion || "2026-11";
const CONSENT_PARAGRAPHS = ["consent_p1", "consent_p2", "consent_p3"];
let ctx = null;

function showConsent(code) {
  const text = $("#consent-text");
  text.replaceChildren(...CONSENT_PARAGRAPHS.map((key) => el("p", {}, t(key, {}, code))),
    el("p", { class: "meta" }, ...versionLine(code)));
  text.lang = code;
  text.dir = dirOf(code);
  for (const b of $$("[data-consent-lang]")) b.setAttribute("aria-pressed", String(b.dataset.consentLang === code));
}

/** "Consent text version 2026-11" with the version in a <bdi dir="ltr">, as on the resident page. */
function versionLine(code) {
  const [before, after = ""] = t("consent_version", { version: "\u0000" }, code).split("\u0000");
  return [before, el("bdi", { dir: "ltr" }, CONSENT_VERSION), after];
}

export async function fillVillages() {
  const select = $("#reg-village");
  const villages = (await db.all("areas")).filter((a) => a.level === "village")
    .sort((a, b) => (a.code || "").localeCompare(b.code || ""));
  select.replaceChildren(el("option", { value: "" }, t("village_none")),
    ...villages.map((v) => el("option", { value: v.id }, pick(v.name))));
}

/** Raised by register() when a field breaks a resident rule: nothing is saved. */
export class RuleError extends Error {
  constructor(error) {
    super(`${error.field}: ${error.code}`);
    this.field = error.field;
    this.code = error.code;
    this.max = error.max;
  }
}

/** Save a newcomer and their check-in; returns {attendee, token}. Throws RuleError on a field the
 * server would refuse, before anything is saved. */
export async function register(fields, eventId) {
  const { values, error } = checkResident({
    name: fields.name, phone: fields.phone, skills: fields.skills, wishes: fields.wishes });
  if (error) throw new RuleError(error);
  const token = newPassToken();
  const data = {
    name: values.name, group: fields.group || "other",
    consent_at: new Date().toISOString(), consent_version: CONSENT_VERSION, pass_token: token,
  };
  if (values.phone) data.phone = values.phone;
  if (fields.village_id) data.village_id = fields.village_id;
  if (values.skills) data.skills = values.skills;
  if (values.wishes) data.wishes = values.wishes;
  const attendeeId = crypto.randomUUID();
  const passHash = await sha256Hex(token);
  const person = await people.prepareLocal({
    id: attendeeId, name: data.name, village_id: data.village_id || null, group: data.group,
    pass_hash: passHash, token });
  const records = await addRecords([
    { type: "attendee", id: attendeeId, data },
    { type: "checkin", data: { event_id: eventId, attendee_id: attendeeId, method: "register" } },
  ], { also: (tx) => people.putLocal(tx, person) });
  return { attendee: { id: attendeeId, name: data.name, token }, records };
}

export function showPass(name, token) {
  $("#pass-name").textContent = name;
  drawQr($("#pass-qr"), passUrl(token));
  $("#pass").hidden = false;
}

export function setup(options) {
  ctx = options;
  for (const b of $$("[data-consent-lang]")) b.addEventListener("click", () => showConsent(b.dataset.consentLang));
  document.addEventListener("caravan:lang", () => {
    showConsent(document.documentElement.lang);
    fillVillages();
  });
  showConsent(document.documentElement.lang);
  $("#pass-done").addEventListener("click", () => { $("#pass").hidden = true; });
  const form = $("#register-form");
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const error = $("#register-error");
    const f = form.elements;
    if (!String(f.name.value || "").trim()) return void (error.textContent = t("name_needed"));
    if (!f.consent.checked) return void (error.textContent = t("consent_needed"));
    error.textContent = "";
    let attendee;
    try {
      ({ attendee } = await register({
        name: f.name.value, phone: f.phone.value, village_id: f.village_id.value, group: f.group.value,
        skills: f.skills.value, wishes: f.wishes.value,
      }, ctx.eventId()));
    } catch (e) {
      if (!(e instanceof RuleError)) throw e;
      // The field's label and the rule's message, in the tablet's language; the form keeps what was typed.
      error.textContent = `${t(e.field)}: ${ruleMessage(e.field, e.code, { max: e.max })}`;
      f[e.field]?.focus();
      return;
    }
    form.reset();
    ctx.onPerson(attendee);
    showPass(attendee.name, attendee.token);
  });
}
