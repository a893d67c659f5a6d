// The outbox: every record is written here, in one transaction with the device's sequence counter,
// before the screen confirms anything. Records leave it only when the server confirms them (sync.js).
import { req, tx } from "./db.js";
import * as vault from "./vault.js";

/** The key that finds a check-in of one person at one event, in the outbox or among sent records. */
export function checkinKey(eventId, attendeeId) {
  return `${eventId}|${attendeeId}`;
}

/**
 * Save new records, in order, in one transaction: [{type, data, id?}] -> the stored records.
 * An id is made here unless given (a newcomer's id is known before, for their check-in).
 * `also(t)` may write more in the same transaction (e.g. a newcomer into the attendees store).
 * `guard(t)` may refuse (return false): then nothing is written and the result is null. Check and
 * write share one transaction, so two quick scans of one pass cannot both check the person in.
 * Each record names the unlocked staff member (`by`); an attendee record's personal fields are sealed
 * (vault.js) before the transaction starts, since sealing inside it would end it.
 */
export async function addRecords(items, { also, guard } = {}) {
  const member = vault.who();
  if (!member) throw new Error("locked");
  const at = new Date().toISOString();
  const made = await Promise.all(items.map(({ type, data, id }) => vault.sealRecord(
    { type, id: id || crypto.randomUUID(), at, by: String(member.id), data, state: "pending" })));
  const stores = ["meta", "outbox", "sent", "attendees"];
  const saved = await tx(stores, "readwrite", async (t) => {
    if (guard && !(await guard(t))) return null;
    const meta = t.objectStore("meta");
    let seq = (await req(meta.get("seq"))) || 0;
    const records = made.map((record) => {
      seq += 1;
      const stored = { ...record, seq };
      if (record.type === "checkin") stored.checkin = checkinKey(record.data.event_id, record.data.attendee_id);
      return stored;
    });
    meta.put(seq, "seq");
    const outbox = t.objectStore("outbox");
    for (const record of records) outbox.add(record);
    if (also) await also(t);
    return records;
  });
  if (saved) document.dispatchEvent(new CustomEvent("caravan:saved", { detail: saved }));
  return saved;
}

/** Within a transaction over outbox and sent: whether this person is checked in here (sent or not). */
export async function checkedIn(t, eventId, attendeeId) {
  const key = checkinKey(eventId, attendeeId);
  for (const store of ["outbox", "sent"]) {
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

/** Outbox records in the order they go out: parents (attendees) first, then by sequence. */
export async function pendingRecords() {
  const records = await tx(["outbox"], "readonly", (t) => req(t.objectStore("outbox").index("seq").getAll()));
  const rank = (r) => (r.type === "attendee" ? 0 : 1);
  return records.sort((a, b) => rank(a) - rank(b) || a.seq - b.seq);
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
