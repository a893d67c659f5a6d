// Correcting a registration the server refused: its fields open in a form checked by the same rules as a
// new registration; saving puts the record back in the outbox under the same id with the same pass token
// (the person's pass stays valid), and what the server held behind it (check-in, services) then follows.
import * as db from "./db.js";
import { labelled, pick, ruleMessage, t } from "./i18n.js";
import { recordFields, withFields } from "./outbox.js";
import * as people from "./people.js";
import { checkResident } from "./rules.js";
import { reasonText } from "./status.js";
import { $, el } from "./ui.js";

const FIELDS = ["name", "phone", "village_id", "group", "skills", "wishes"];
let openId = null;
let saving = false;

async function villageOptions(selected) {
  const villages = (await db.all("areas")).filter((a) => a.level === "village")
    .sort((a, b) => (a.code || "").localeCompare(b.code || ""));
  const options = [el("option", { value: "" }, t("village_none")),
    ...villages.map((v) => el("option", { value: v.id }, pick(v.name)))];
  // A village the tablet does not know (the reason the server refused it) stays visible until changed.
  if (selected && !villages.some((v) => v.id === selected)) options.push(el("option", { value: selected }, selected));
  return options;
}

/** Open the correction form for the refused registration with this id (a record in "problems"). */
export async function open(id) {
  const record = await db.get("problems", id);
  if (record?.type === "employer_visit") {  // corrected on the visit form itself (visit.js)
    document.dispatchEvent(new CustomEvent("caravan:correct-visit", { detail: record }));
    return;
  }
  if (!record || record.type !== "attendee") return;
  openId = id;
  const fields = await recordFields(record);
  const form = $("#correct-form");
  $("#correct-village").replaceChildren(...await villageOptions(fields.village_id));
  for (const key of FIELDS) {
    if (key === "group") {
      for (const radio of form.elements.group) radio.checked = radio.value === fields.group;
    } else {
      form.elements[key].value = fields[key];
    }
  }
  $("#correct-reason").textContent = reasonText(record.reason);
  $("#correct-error").textContent = "";
  $("#correct").hidden = false;
  const [, field = "name"] = (record.reason || "").split(":");
  (form.elements[field] instanceof HTMLElement ? form.elements[field] : form.elements.name).focus();
}

function close() {
  $("#correct").hidden = true;
  openId = null;
}

/** Put the corrected registration back in the outbox, same id and pass token, in one transaction with the
 * tablet's copy of the person; null when the record is no longer a problem (settled meanwhile). */
async function save(id, values) {
  const record = await db.get("problems", id);
  if (!record) return null;
  const { reason, ...kept } = record;
  // Sealing cannot run inside the transaction (it would end it): the copies are made first.
  const corrected = await withFields({ ...kept, state: "pending" }, values);
  const person = await people.get(id);
  const digits = (values.phone || "").replace(/\D/g, "");
  const prepared = person && (await people.prepareLocal({ ...person, name: values.name,
    village_id: values.village_id || null, group: values.group, phone_tail: digits.length >= 2 ? digits.slice(-2) : null }));
  return db.tx(["problems", "outbox", "attendees"], "readwrite", async (tx) => {
    if (!(await db.req(tx.objectStore("problems").count(id)))) return null;  // settled meanwhile
    tx.objectStore("problems").delete(id);
    tx.objectStore("outbox").put(corrected);
    if (prepared) people.putLocal(tx, prepared);
    return corrected;
  });
}

export function setup() {
  const form = $("#correct-form");
  $("#correct-cancel").addEventListener("click", close);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (saving || !openId) return;  // one tap, one correction
    const f = form.elements;
    const error = $("#correct-error");
    if (!String(f.name.value || "").trim()) return void (error.textContent = t("name_needed"));
    const { values, error: broken } = checkResident({
      name: f.name.value, phone: f.phone.value, skills: f.skills.value, wishes: f.wishes.value });
    if (broken) {
      error.textContent = labelled(t(broken.field), ruleMessage(broken.field, broken.code, { max: broken.max }));
      f[broken.field]?.focus();
      return;
    }
    saving = true;
    form.querySelector("button[type=submit]").disabled = true;
    try {
      const saved = await save(openId, { ...values, village_id: f.village_id.value, group: f.group.value || "other" });
      close();
      if (saved) document.dispatchEvent(new CustomEvent("caravan:saved", { detail: [saved] }));
    } finally {
      saving = false;
      form.querySelector("button[type=submit]").disabled = false;
    }
  });
}
