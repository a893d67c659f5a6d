// The tablet's IndexedDB: what it made (outbox, sent, problems), what it pulled, and its settings.
//
// Stores (database "caravan-field"):
//   meta       key/value: device {token, id, name, area}, seq, cursor, lastSync, receipt, lang, eventId
//   outbox     records not yet confirmed by the server {type, id, seq, at, data, state, reason?}; by seq
//   sent       records the server confirmed (accepted or duplicate): the tablet's own history
//   problems   records the server refused (rejected, conflict), kept with the reason
//   areas, employers, events, postings, notices, attendees   pulled data, keyed by id
//   survey_rounds  (version 3) the survey rounds of the tablet's area, for recording employer visits
//   checkins   (version 2) check-ins made on other tablets at the area's current and coming events,
//              pulled as ids only {id, event_id, attendee_id, checkin: "event|attendee"}
// outbox, sent and checkins index check-ins by "event|attendee", so a second check-in is found also while
// unsent or when another tablet made the first. outbox, sent and problems index records by "form" (the
// token of the form submission that made them, version 2), so one submission makes its records once.
// attendees index by pass_hash and (version 2) by "code", the short code typed from a pass.
//
// The schema grows by version: UPGRADES[n] takes a database of version n to n + 1, so a tablet that
// skipped releases runs every step in order and keeps its data.
const NAME = "caravan-field";
const FIRST_PULLED = ["areas", "employers", "events", "postings", "notices", "attendees"];
export const PULLED = [...FIRST_PULLED, "survey_rounds"];
const MADE = ["outbox", "sent", "problems"];

const UPGRADES = [
  // 0 -> 1: the first schema.
  (db, t) => {
    db.createObjectStore("meta");
    for (const name of MADE) {
      const store = db.createObjectStore(name, { keyPath: "id" });
      store.createIndex("seq", "seq");
      store.createIndex("checkin", "checkin");
    }
    for (const name of FIRST_PULLED) db.createObjectStore(name, { keyPath: "id" });
    t.objectStore("attendees").createIndex("pass_hash", "pass_hash");
  },
  // 1 -> 2: other tablets' check-ins, form tokens, short pass codes.
  (db, t) => {
    db.createObjectStore("checkins", { keyPath: "id" }).createIndex("checkin", "checkin");
    for (const name of MADE) t.objectStore(name).createIndex("form", "form");
    t.objectStore("attendees").createIndex("code", "code");
  },
  // 2 -> 3: survey rounds; the feed is pulled again from the start, for the rounds and the employers' areas
  // (an employer pulled before carries none, and an unchanged one would not come again).
  (db, t) => {
    db.createObjectStore("survey_rounds", { keyPath: "id" });
    t.objectStore("meta").delete("cursor");
  },
];
export const VERSION = UPGRADES.length;

let opening = null;

function upgrade(db, t, from) {
  for (let version = from; version < UPGRADES.length; version += 1) UPGRADES[version](db, t);
}

export function open() {
  if (opening) return opening;
  opening = new Promise((resolve, reject) => {
    // Throws at once where IndexedDB is unavailable (e.g. some private modes): a rejection, as any failure.
    const req = indexedDB.open(NAME, VERSION);
    req.onupgradeneeded = (e) => upgrade(req.result, req.transaction, e.oldVersion);
    req.onsuccess = () => {
      // A newer app (another tab after an update) asks to upgrade the schema: make way, reopen on next use.
      req.result.onversionchange = () => { req.result.close(); opening = null; };
      // Closed by the browser (site data cleared, storage failure): the next use opens it again.
      req.result.onclose = () => { opening = null; };
      resolve(req.result);
    };
    req.onerror = () => reject(req.error);
  });
  // A failed open is not kept: the next save tries again (the staff member's retry may then succeed).
  opening.catch(() => { opening = null; });
  return opening;
}

function done(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Run fn(tx) in one transaction over `stores`; resolves with fn's result once the transaction commits. */
export async function tx(stores, mode, fn) {
  const db = await open();
  // "strict": the record is on disk when the promise resolves, before the screen says "saved".
  const t = db.transaction(stores, mode, { durability: "strict" });
  const committed = new Promise((resolve, reject) => {
    t.oncomplete = resolve;
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error || new Error("transaction aborted"));
  });
  let result;
  try {
    result = await fn(t);
  } catch (err) {
    try { t.abort(); } catch { /* already finished */ }
    committed.catch(() => {});
    throw err;
  }
  await committed;
  return result;
}

export const req = done;

export async function get(store, key) {
  return tx([store], "readonly", (t) => done(t.objectStore(store).get(key)));
}

export async function all(store, index, query) {
  return tx([store], "readonly", (t) => {
    const s = t.objectStore(store);
    return done(index ? s.index(index).getAll(query) : s.getAll());
  });
}

export async function count(store) {
  return tx([store], "readonly", (t) => done(t.objectStore(store).count()));
}

export async function getMeta(key) {
  return get("meta", key);
}

export async function setMeta(key, value) {
  return tx(["meta"], "readwrite", (t) => done(t.objectStore("meta").put(value, key)));
}
