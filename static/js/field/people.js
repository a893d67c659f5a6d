// The residents this tablet knows: pulled ones (by pass hash) and those registered here. Every screen
// reads and writes residents through this module and never through the attendees store itself, so that
// how a resident is kept on the tablet (which fields, in which form) is decided in one place.
//
// A resident as the screens see it: {id, name, village_id, group, pass_hash, token?, local?}.
import * as db from "./db.js";

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
