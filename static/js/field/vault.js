// Residents' personal fields at rest: the data key (DK), its wrappings, and sealing.
//
// DK is an AES-GCM 256 key made on the tablet at the first staff sign-in. It lives in memory only while
// the app is unlocked; IndexedDB (meta "keys") holds it only wrapped: once by the tablet's recovery key
// (which the server derives and hands over at each staff sign-in, and which the tablet never stores) and
// once per staff member by a key derived from their PIN (PBKDF2-SHA256, 600000 iterations):
//
//   {version: 1, device, recovery: {iv, wrapped},
//    pins: {"<user id>": {salt, iterations, iv, wrapped, staff: {id, username, name, role}, tries}}}
//
// A sealed value is {iv, ct}: AES-GCM under DK of the UTF-8 JSON of the removed keys, with the record's
// (or the resident's) id as additional data, so a sealed blob cannot be moved to another record.
import * as db from "./db.js";

export const ITERATIONS = 600000;
export const TRIES = 5;
/** The keys of an attendee record's data that say who the person is. */
export const PERSONAL = ["name", "phone", "skills", "wishes", "pass_token"];
/** The same for a row of the attendees store (a person registered here also keeps their pass token; a
 * pulled one comes with the last two digits of their phone). */
const PERSON_KEYS = [...PERSONAL, "token", "phone_tail"];

export const events = new EventTarget();
let dataKey = null;
let staff = null;
let pending = null;  // {key, staff}: signed in, no PIN chosen yet

const utf8 = new TextEncoder();

export function b64(buffer) {
  const bytes = new Uint8Array(buffer);
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function unb64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function unb64url(text) {
  const plain = text.replace(/-/g, "+").replace(/_/g, "/");
  return unb64(plain + "=".repeat((4 - (plain.length % 4)) % 4));
}

/** Whether the data key is in memory (a staff member unlocked the app). */
export function unlocked() {
  return dataKey !== null;
}

/** The unlocked staff member {id, username, name, role}, or null. */
export function who() {
  return staff;
}

/** The stored keys (meta "keys"), or null before the first staff sign-in. */
export function keys() {
  return db.getMeta("keys");
}

function emit(type) {
  events.dispatchEvent(new Event(type));
}

async function pinKek(pin, salt, iterations) {
  const base = await crypto.subtle.importKey("raw", utf8.encode(pin), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, base,
    { name: "AES-GCM", length: 256 }, false, ["wrapKey", "unwrapKey"]);
}

async function wrap(key, kek) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrapped = await crypto.subtle.wrapKey("raw", key, kek, { name: "AES-GCM", iv });
  return { iv: b64(iv), wrapped: b64(wrapped) };
}

function unwrap(box, kek) {
  // Extractable: DK is wrapped again for every new PIN and after a re-enrollment.
  return crypto.subtle.unwrapKey("raw", unb64(box.wrapped), kek, { name: "AES-GCM", iv: unb64(box.iv) },
    { name: "AES-GCM", length: 256 }, true, ["encrypt", "decrypt"]);
}

/**
 * After a staff sign-in: take DK out of its recovery wrapping (or make it, the first time) and hold it
 * until the staff member has chosen a PIN (setPin). `recoveryKey` is the server's base64url string; it
 * is used here and dropped. Returns false when the stored wrapping does not open with it.
 */
export async function recover(recoveryKey, member, deviceId) {
  const kek = await crypto.subtle.importKey("raw", unb64url(recoveryKey), "AES-GCM", false, ["wrapKey", "unwrapKey"]);
  let stored = await keys();
  let key;
  if (!stored) {
    key = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, true, ["encrypt", "decrypt"]);
    stored = { version: 1, device: deviceId, recovery: await wrap(key, kek), pins: {} };
  } else if (dataKey && stored.device !== deviceId) {
    // Enrolled again (a new device row, so a new recovery key): wrap the key in memory anew.
    key = dataKey;
    stored = { ...stored, device: deviceId, recovery: await wrap(key, kek) };
  } else {
    try {
      key = await unwrap(stored.recovery, kek);
    } catch {
      return false;
    }
  }
  await db.setMeta("keys", stored);
  pending = { key, staff: member };
  return true;
}

/** Whether the signed-in staff member already has a PIN on this tablet (then no new one is asked). */
export async function hasPin(id) {
  return Boolean((await keys())?.pins?.[String(id)]);
}

/** Unlock as the staff member who just signed in, keeping their PIN (after a re-enrollment). */
export async function resume() {
  if (!pending) return false;
  [dataKey, staff, pending] = [pending.key, pending.staff, null];
  emit("unlock");
  return true;
}

/** Wrap DK under the PIN of the staff member who just signed in, and unlock. */
export async function setPin(pin) {
  if (!pending) throw new Error("no staff sign-in");
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const box = await wrap(pending.key, await pinKek(pin, salt, ITERATIONS));
  const stored = await keys();
  const entry = { salt: b64(salt), iterations: ITERATIONS, ...box, staff: pending.staff, tries: 0 };
  await db.setMeta("keys", { ...stored, pins: { ...stored.pins, [String(pending.staff.id)]: entry } });
  return resume();
}

/**
 * Unlock with a staff member's PIN: {ok}, {wrong, left} or {wiped}. The try is counted (and stored)
 * before the PIN is checked, so closing the app in the middle of a check still uses up a try; the
 * `tries`-th wrong PIN in a row (the server's pin_tries, 5) wipes every PIN wrapping, and only an online
 * sign-in brings DK back.
 */
export async function unlock(id, pin, tries = TRIES) {
  const stored = await keys();
  const entry = stored?.pins?.[String(id)];
  if (!entry) return { wiped: true };
  entry.tries = (entry.tries || 0) + 1;
  await db.setMeta("keys", stored);
  let key;
  try {
    key = await unwrap(entry, await pinKek(pin, unb64(entry.salt), entry.iterations));
  } catch {
    if (entry.tries >= tries) {
      await db.setMeta("keys", { ...stored, pins: {}, wiped: new Date().toISOString() });
      emit("wiped");
      return { wiped: true };
    }
    return { wrong: true, left: tries - entry.tries };
  }
  entry.tries = 0;
  const { wiped, ...kept } = stored;  // an earlier wipe is over once a PIN works again
  await db.setMeta("keys", kept);
  [dataKey, staff] = [key, entry.staff];
  emit("unlock");
  return { ok: true };
}

/** Forget DK (and a half-finished sign-in): the app is locked. */
export function lock() {
  const was = dataKey !== null;
  [dataKey, staff, pending] = [null, null, null];
  if (was) emit("lock");
}

/** Drop every PIN wrapping (a revoked tablet): only an online sign-in could unlock again. */
export async function dropPins() {
  const stored = await keys();
  if (stored) await db.setMeta("keys", { ...stored, pins: {} });
}

/** Seal a JSON-able object under DK, bound to `id`. */
export async function seal(value, id) {
  if (!dataKey) throw new Error("locked");
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: utf8.encode(id) }, dataKey,
    utf8.encode(JSON.stringify(value)));
  return { iv: b64(iv), ct: b64(ct) };
}

/** Open what seal() made for `id`. */
export async function open(sealed, id) {
  if (!dataKey) throw new Error("locked");
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: unb64(sealed.iv), additionalData: utf8.encode(id) },
    dataKey, unb64(sealed.ct));
  return JSON.parse(new TextDecoder().decode(plain));
}

/** Move `names` of `obj` into obj.sealed (nothing to seal: obj as it is). */
async function sealKeys(obj, names, id) {
  const secret = {};
  const rest = {};
  for (const [key, value] of Object.entries(obj)) (names.includes(key) ? secret : rest)[key] = value;
  if (!Object.keys(secret).length) return obj;
  if (rest.sealed) Object.assign(secret, await open(rest.sealed, id));  // a clear field next to a sealed blob
  return { ...rest, sealed: await seal(secret, id) };
}

async function openKeys(obj, id) {
  if (!obj?.sealed) return obj;
  const { sealed, ...rest } = obj;
  return { ...rest, ...(await open(sealed, id)) };
}

/** A record as stored: an attendee record's personal fields sealed under its record id. */
export async function sealRecord(record) {
  if (record.type !== "attendee" || !record.data) return record;
  return { ...record, data: await sealKeys(record.data, PERSONAL, record.id) };
}

/** A record as sent: its sealed fields opened. */
export async function openRecord(record) {
  if (!record.data?.sealed) return record;
  return { ...record, data: await openKeys(record.data, record.id) };
}

/** A row of the attendees store: personal fields sealed under the resident's id. */
export function sealPerson(person) {
  return sealKeys(person, PERSON_KEYS, person.id);
}

/** A resident as the screens see it, from a row. */
export function openPerson(row) {
  return openKeys(row, row.id);
}

/** Whether a stored record or row still holds personal fields in clear (a version-1 store). */
export function clearFields(obj, names = PERSON_KEYS) {
  return Boolean(obj) && names.some((key) => key in obj);
}

/** Drop a record's personal fields, sealed or not (an erased resident, a revoked tablet). */
export function withoutPersonal(record) {
  const data = { ...record.data };
  for (const key of [...PERSONAL, "sealed"]) delete data[key];
  return { ...record, data };
}
