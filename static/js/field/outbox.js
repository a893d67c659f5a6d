// The outbox: every record is written here, in one transaction with the device's sequence counter,
// before the screen confirms anything. Records leave it only when the server confirms them (sync.js).
import { req, tx } from "./db.js";
import * as vault from "./vault.js";

const MADE = ["outbox", "sent", "problems"];

/** The key that finds a check-in of one person at one event, in the outbox or among sent records. */
export function checkinKey(eventId, attendeeId) {
  return `${eventId}|${attendeeId}`;
}

/** A new form token: made when a form is shown or emptied, carried by every record one submission of it
 * makes, so that a second submission of the same form (a double tap, a retry) writes nothing more. */
export function formToken() {
  return crypto.randomUUID();
}

/** A local save failed (storage full, IndexedDB unavailable, an aborted transaction): nothing was written. */
export class SaveError extends Error {
  constructor(cause) {
    super(`local save failed: ${cause?.name || cause}`, { cause });
    this.name = "SaveError";
  }
}

/** Within a transaction over outbox, sent and problems: whether records of form token `form` are kept. */
async function madeBy(t, form) {
  for (const store of MADE) {
    if ((await req(t.objectStore(store).index("form").count(form))) > 0) return true;
  }
  return false;
}

/**
 * Save new records, in order, in one transaction: [{type, data, id?}] -> the stored records.
 * An id is made here unless given (a newcomer's id is known before, for their check-in).
 * `form` is the token of the form submission (see formToken): when records with it are already kept,
 * nothing is written and the result is null, checked in the same transaction as the write.
 * `also(t)` may write more in the same transaction (e.g. a newcomer into the attendees store).
 * `guard(t)` may refuse (return false): then nothing is written and the result is null. Check and
 * write share one transaction, so two quick scans of one pass cannot both check the person in.
 * Each record names the unlocked staff member (`by`); an attendee record's personal fields are sealed
 * (vault.js) before the transaction starts, since sealing inside it would end it.
 * Throws SaveError when the tablet could not save: then nothing at all was written.
 */
export async function addRecords(items, { also, guard, form } = {}) {
  const member = vault.who();
  if (!member) throw new SaveError(new Error("locked"));
  const at = new Date().toISOString();
  let saved;
  try {
    const made = await Promise.all(items.map(({ type, data, id }) => vault.sealRecord(
      { type, id: id || crypto.randomUUID(), at, by: String(member.id), data, state: "pending" })));
    saved = await tx(["meta", ...MADE, "attendees", "checkins"], "readwrite", async (t) => {
      if (form && (await madeBy(t, form))) return null;
      if (guard && !(await guard(t))) return null;
      const meta = t.objectStore("meta");
      let seq = (await req(meta.get("seq"))) || 0;
      const records = made.map((record) => {
        seq += 1;
        const stored = { ...record, seq };
        if (record.type === "checkin") stored.checkin = checkinKey(record.data.event_id, record.data.attendee_id);
        if (form) stored.form = form;
        return stored;
      });
      meta.put(seq, "seq");
      const outbox = t.objectStore("outbox");
      for (const record of records) outbox.add(record);
      if (also) await also(t);
      return records;
    });
  } catch (err) {
    throw new SaveError(err);
  }
  if (saved) document.dispatchEvent(new CustomEvent("caravan:saved", { detail: saved }));
  return saved;
}

/** Within a transaction over outbox, sent and checkins: whether this person is checked in at this event,
 * on this tablet (sent or not) or on another tablet of the area (pulled). */
export async function checkedIn(t, eventId, attendeeId) {
  const key = checkinKey(eventId, attendeeId);
  for (const store of ["outbox", "sent", "checkins"]) {
    if ((await req(t.objectStore(store).index("checkin").count(key))) > 0) return true;
  }
  return false;
}

/** Check a person in unless already checked in at this event: the new record, or null. */
export async function addCheckin(eventId, attendeeId, method) {
  const records = await addRecords([{ type: "checkin", data: { event_id: eventId, attendee_id: attendeeId, method } }],
    { guard: async (t) => !(await checkedIn(t, eventId, attendeeId)) });
  return records && records[0];
}

/** Outbox records in the order they go out: parents (attendees) first, then by sequence. Only the sync
 * asks for them: the highest sequence number handed out is kept as meta "offered", so that a record
 * above it is known never to have reached the server (see undoTally). */
export async function pendingRecords() {
  const records = await tx(["outbox", "meta"], "readwrite", (t) => {
    const meta = t.objectStore("meta");
    return req(t.objectStore("outbox").index("seq").getAll()).then(async (all) => {
      const top = all.length ? all[all.length - 1].seq : 0;
      if (top > ((await req(meta.get("offered"))) || 0)) meta.put(top, "offered");
      return all;
    });
  });
  const rank = (r) => (r.type === "attendee" ? 0 : 1);
  return records.sort((a, b) => rank(a) - rank(b) || a.seq - b.seq);
}

/**
 * Undo a tally tap (the stored record). One the sync has never been handed leaves the outbox; one that may
 * have reached the server (sent, in a push under way, or handed to a push whose answer was lost) is
 * cancelled by a second tally with the negative count, which the server sums with it. Returns "removed"
 * or "cancelled". The sync's lock ("caravan-sync", sync.js) is held while deciding, so no push starts
 * reading the outbox in between.
 */
export async function undoTally(record) {
  const decide = async (lock) => {
    const removed = lock && (await tx(["outbox", "meta"], "readwrite", async (t) => {
      const offered = (await req(t.objectStore("meta").get("offered"))) || 0;
      const kept = await req(t.objectStore("outbox").get(record.id));
      if (!kept || kept.seq <= offered) return false;
      t.objectStore("outbox").delete(record.id);
      return true;
    }).catch((err) => { throw new SaveError(err); }));
    if (removed) {
      document.dispatchEvent(new CustomEvent("caravan:saved", { detail: [] }));
      return "removed";
    }
    await addRecords([{ type: "tally", data: { ...record.data, count: -record.data.count, cancels_id: record.id } }],
      { form: `undo:${record.id}` });
    return "cancelled";
  };
  if (!navigator.locks) return decide(true);
  return navigator.locks.request("caravan-sync", { ifAvailable: true }, decide);
}

/** The wire form of a stored record: exactly the contract's keys, its sealed fields opened. */
export async function wire(record) {
  const { type, id, seq, at, by, data } = await vault.openRecord(record);
  return { type, id, seq, at, ...(by ? { by } : {}), data };
}

/** Seal what a version-1 store kept in clear in the tablet's own records (at the first unlock). */
export async function sealClearRecords() {
  let count = 0;
  for (const name of ["outbox", "sent", "problems"]) {
    const clear = (await tx([name], "readonly", (t) => req(t.objectStore(name).getAll())))
      .filter((r) => r.type === "attendee" && vault.clearFields(r.data, vault.PERSONAL));
    if (!clear.length) continue;
    const sealed = await Promise.all(clear.map(vault.sealRecord));
    await tx([name], "readwrite", async (t) => {
      const store = t.objectStore(name);
      // Put back only records still there: one sent meanwhile has moved on.
      for (const record of sealed) if (await req(store.count(record.id))) store.put(record);
    });
    count += sealed.length;
  }
  return count;
}

/** The fields of a registration record that say who the person is and that a correction may change:
 * {name, phone, village_id, group, skills, wishes}, its sealed fields opened (the app must be unlocked).
 * Every screen reads them through here (and writes them through withFields), so how a record keeps
 * personal fields is decided in one place. */
export async function recordFields(record) {
  const data = (await vault.openRecord(record))?.data || {};
  return { name: data.name || "", phone: data.phone || "", village_id: data.village_id || "",
    group: data.group || "other", skills: data.skills || "", wishes: data.wishes || "" };
}

/** A copy of a registration record with corrected fields (as recordFields gives them), sealed as stored;
 * its id, pass token and consent stay, and an emptied optional field is left out, as a new registration
 * leaves it out. Call it before the transaction that stores the copy: sealing would end a transaction. */
export async function withFields(record, fields) {
  const opened = await vault.openRecord(record);
  const data = { ...opened.data, name: fields.name, group: fields.group || "other" };
  for (const key of ["phone", "village_id", "skills", "wishes"]) {
    if (fields[key]) data[key] = fields[key];
    else delete data[key];
  }
  return vault.sealRecord({ ...opened, data });
}
