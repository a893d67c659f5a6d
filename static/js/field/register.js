// Registering a newcomer: attendee and check-in records in one transaction, the pass token made here,
// and the pass QR shown at once, large, for the person to photograph.
import * as db from "./db.js";
import { dirOf, labelled, pick, ruleMessage, t } from "./i18n.js";
import { SaveError, addRecords, formToken } from "./outbox.js";
import { newPassToken, passCode, passUrl, sha256Hex, showPassCode } from "./pass.js";
import * as people from "./people.js";
import { drawQr } from "./qr.js";
import { checkResident } from "./rules.js";
import { $, $$, busy, countyDay, el } from "./ui.js";

/** The consent version the server expects (caravan.config CONSENT_VERSION, given by the shell). */
export const CONSENT_VERSION = document.querySelector("script[data-strings]")?.dataset.consentVersion || "2026-11";
const CONSENT_PARAGRAPHS = ["consent_p1", "consent_p2", "consent_p3"];
let ctx = null;
let form = null;  // the token of the form as shown: one registration per filled-in form, however often sent

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

/** Save a newcomer and their check-in; returns {attendee, records}, or null when the form with token
 * `formId` was saved already. Throws RuleError on a field the server would refuse, before anything is
 * saved, and SaveError when the tablet could not save (nothing saved). */
export async function register(fields, eventId, formId = formToken()) {
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
  const digits = (values.phone || "").replace(/\D/g, "");
  const person = await people.prepareLocal(await people.withCode({
    id: attendeeId, name: data.name, village_id: data.village_id || null, group: data.group,
    pass_hash: passHash, token, registered_on: countyDay(data.consent_at),
    phone_tail: digits.length >= 2 ? digits.slice(-2) : null }));
  const records = await addRecords([
    { type: "attendee", id: attendeeId, data },
    { type: "checkin", data: { event_id: eventId, attendee_id: attendeeId, method: "register" } },
  ], {
    form: formId,
    also: (tx) => people.putLocal(tx, person),
  });
  if (!records) return null;
  return { attendee: { id: attendeeId, name: data.name, token, code: person.person.code }, records };
}

/** The pass overlay: the QR to photograph, and the short code to write down. */
export async function showPass(name, token) {
  $("#pass-name").textContent = name;
  drawQr($("#pass-qr"), passUrl(token));
  $("#pass-code").textContent = showPassCode(await passCode(await sha256Hex(token)));
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
  const registerForm = $("#register-form");
  const submit = $("button[type=submit]", registerForm);
  form = formToken();
  registerForm.addEventListener("submit", (e) => {
    e.preventDefault();
    // Single flight: the button is off while saving, and the form's token makes a second send a no-op.
    busy(submit, () => save(registerForm));
  });
}

async function save(registerForm) {
  const error = $("#register-error");
  const f = registerForm.elements;
  if (!String(f.name.value || "").trim()) return void (error.textContent = t("name_needed"));
  if (!f.consent.checked) return void (error.textContent = t("consent_needed"));
  error.textContent = "";
  let saved;
  try {
    saved = await register({
      name: f.name.value, phone: f.phone.value, village_id: f.village_id.value, group: f.group.value,
      skills: f.skills.value, wishes: f.wishes.value,
    }, ctx.eventId(), form);
  } catch (e) {
    // The form keeps what was typed in either case; the message is in the tablet's language.
    if (e instanceof SaveError) {
      console.warn(e.cause);
      error.textContent = t("save_failed");
      return;
    }
    if (!(e instanceof RuleError)) throw e;
    error.textContent = labelled(t(e.field), ruleMessage(e.field, e.code, { max: e.max }));
    f[e.field]?.focus();
    return;
  }
  if (!saved) return;  // this form was saved already (its pass was shown then)
  registerForm.reset();
  form = formToken();
  ctx.onPerson(saved.attendee);
  showPass(saved.attendee.name, saved.attendee.token);
}
