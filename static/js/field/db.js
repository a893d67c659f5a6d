// The tablet's IndexedDB: what it made (outbox, sent, problems), what it pulled, and its settings.
//
// Stores (database "caravan-field", version 1):
//   meta       key/value: device {token, id, name, area}, seq, cursor, lastSync, receipt, lang, eventId
//   outbox     records not yet confirmed by the server {type, id, seq, at, data, state, reason?}; by seq
//   sent       records the server confirmed (accepted or duplicate): the tablet's own history
//   problems   records the server refused (rejected, conflict), kept with the reason
//   areas, employers, events, postings, notices, attendees   pulled data, keyed by id
// outbox and sent index checkins by "event|attendee" so a second check-in is found also while unsent.
const NAME = "caravan-field";
const VERSION = 1;
export const PULLED = ["areas", "employers", "events", "postings", "notices", "attendees"];

let opening = null;

function upgrade(db, versionTx) {
  db.createObjectStore("meta");
  for (const name of ["outbox", "sent", "problems"]) {
    const store = db.createObjectStore(name, { keyPath: "id" });
    store.createIndex("seq", "seq");
    store.createIndex("checkin", "checkin");
  }
  for (const name of PULLED) db.createObjectStore(name, { keyPath: "id" });
  versionTx.objectStore("attendees").createIndex("pass_hash", "pass_hash");
}

export function open() {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(NAME, VERSION);
    req.onupgradeneeded = () => upgrade(req.result, req.transaction);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
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
