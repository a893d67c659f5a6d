// The residents this tablet knows: pulled ones (by pass hash) and those registered here. Every screen
// reads and writes residents through this module and never through the attendees store itself, so that
// how a resident is kept on the tablet (which fields, in which form) is decided in one place.
//
// A resident as the screens see it: {id, name, village_id, group, pass_hash, code, registered_on,
// phone_tail, token?, local?}. `code` is the short pass code (derived from pass_hash, indexed);
// registered_on and phone_tail tell namesakes apart and are plain fields, never indexed.
import * as db from "./db.js";
import { passCode } from "./pass.js";

/** The stored form of a resident (the attendees store's row). */
function stored(person) {
  return { ...person };
}

/** A resident as the screens see it, from a row of the attendees store. */
function shown(row) {
  return row ? { ...row } : null;
}

/** The residents whose pass has this SHA-256 hex hash (normally one). */
export async function byPassHash(hash) {
  return (await db.all("attendees", "pass_hash", hash)).map(shown);
}

/** The resident with this id, or null. */
export async function get(id) {
  return shown(await db.get("attendees", id));
}

/** Residents whose name contains `query` (case-insensitive), at most `limit`. */
export async function search(query, limit = 12) {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  return (await db.all("attendees")).map(shown).filter((a) => (a.name || "").toLowerCase().includes(q)).slice(0, limit);
}

/** Within a transaction over the attendees store: keep a resident registered on this tablet. */
export function putLocal(t, person) {
  t.objectStore("attendees").put(stored({ ...person, local: true }));
}

/** The residents whose short pass code is `code` (8 symbols, no dash): normally one, rarely several. */
export async function byCode(code) {
  return (await db.all("attendees", "code", code)).map(shown);
}

/** `person` with its short pass code, derived from its pass hash. Called before the transaction that
 * stores it: an IndexedDB transaction does not wait for WebCrypto. */
export async function withCode(person) {
  return person.pass_hash ? { ...person, code: await passCode(person.pass_hash) } : person;
}

/** Give residents stored before pass codes existed their code, so that typing it finds them. */
export async function fillCodes() {
  const missing = (await db.all("attendees")).filter((row) => row.pass_hash && !row.code);
  if (!missing.length) return 0;
  const rows = await Promise.all(missing.map(withCode));
  await db.tx(["attendees"], "readwrite", (t) => {
    const store = t.objectStore("attendees");
    for (const row of rows) store.put(row);
  });
  return rows.length;
}
