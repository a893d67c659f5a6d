// The residents this tablet knows: pulled ones (by pass hash) and those registered here. Every screen
// reads and writes residents through this module and never through the attendees store itself, so that
// how a resident is kept on the tablet (which fields, in which form) is decided in one place.
//
// A resident as the screens see it: {id, name, village_id, group, pass_hash, code, registered_on,
// phone_tail, token?, local?}. `code` is the short pass code (derived from pass_hash, indexed);
// registered_on and phone_tail tell namesakes apart and are never indexed.
// In the attendees store a row keeps id, pass_hash, village_id, group, code and registered_on in clear (the
// indexes and the registration form need them) and the rest sealed under the tablet's data key (vault.js).
// After an unlock every row is opened once into memory, for the name search; a lock forgets them.
//
// A registration the office merged into another stays as an alias row {id, merged_into, pass_hash, code}
// (no personal data): a scan or a typed code of its old pass finds the kept person; searches skip it.
import * as db from "./db.js";
import { passCode } from "./pass.js";
import * as vault from "./vault.js";

let known = null;  // Map id -> resident, while unlocked

/** A resident as the screens see it, from a row of the attendees store (clear rows are read as they are). */
async function shown(row) {
  return row ? vault.openPerson(row) : null;
}

/** Whether a stored row is a merged registration's alias (see the top of this module). */
function isAlias(row) {
  return Boolean(row && row.merged_into);
}

/** The people that stored rows stand for: aliases replaced by the person they were merged into (followed
 * a few steps, a merge of a merge), each person once. */
async function resolve(rows) {
  const found = new Map();
  for (let row of rows) {
    for (let hops = 0; isAlias(row) && hops < 5; hops += 1) row = await db.get("attendees", row.merged_into);
    if (!row || isAlias(row) || found.has(row.id)) continue;
    found.set(row.id, known?.get(row.id) || (await shown(row)));
  }
  return [...found.values()];
}

/** Open every row into memory (after an unlock); returns how many. */
export async function load() {
  const rows = (await db.all("attendees")).filter((row) => !isAlias(row));
  const opened = await Promise.all(rows.map(shown));
  known = new Map(opened.map((person) => [person.id, person]));
  return known.size;
}

/** Forget the opened residents (on lock). */
export function forgetAll() {
  known = null;
}

/** The residents whose pass has this SHA-256 hex hash (normally one). */
export async function byPassHash(hash) {
  return resolve(await db.all("attendees", "pass_hash", hash));
}

/** The resident with this id, or null (also for a merged registration's alias). */
export async function get(id) {
  if (known?.has(id)) return known.get(id);
  const row = await db.get("attendees", id);
  return isAlias(row) ? null : shown(row);
}

/** Residents whose name contains `query` (case-insensitive), at most `limit`. */
export async function search(query, limit = 12) {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  if (!known) await load();
  const found = [];
  for (const person of known.values()) {
    if ((person.name || "").toLowerCase().includes(q)) found.push(person);
    if (found.length >= limit) break;
  }
  return found;
}

/** The stored (sealed) row of a resident. Sealing cannot run inside an IndexedDB transaction (it would
 * end the transaction), so callers prepare rows first and put them with putRow/putLocal. */
export async function prepare(person) {
  return { person, row: await vault.sealPerson(person) };
}

/** Within a transaction over the attendees store: keep a prepared resident. */
export function putRow(t, prepared) {
  t.objectStore("attendees").put(prepared.row);
  known?.set(prepared.person.id, prepared.person);
}

/** Prepare a resident registered on this tablet (then putLocal it within the saving transaction). */
export function prepareLocal(person) {
  return prepare({ ...person, local: true });
}

/** Within a transaction over the attendees store: keep a resident registered on this tablet. */
export function putLocal(t, prepared) {
  putRow(t, prepared);
}

/** Within a transaction over the attendees store: drop a resident. */
export function remove(t, id) {
  t.objectStore("attendees").delete(id);
  known?.delete(id);
}

/** Drop every resident (a revoked tablet). */
export async function removeAll(t) {
  t.objectStore("attendees").clear();
  if (known) known = new Map();
}

/** Seal the rows a version-1 store kept in clear (at the first unlock after the update). */
export async function sealClearRows() {
  const rows = (await db.all("attendees")).filter((row) => vault.clearFields(row));
  if (!rows.length) return 0;
  const sealed = await Promise.all(rows.map((row) => vault.sealPerson(row)));
  await db.tx(["attendees"], "readwrite", (t) => {
    for (const row of sealed) t.objectStore("attendees").put(row);
  });
  return sealed.length;
}

/** The residents whose short pass code is `code` (8 symbols, no dash): normally one, rarely several. */
export async function byCode(code) {
  return resolve(await db.all("attendees", "code", code));
}

/** Prepare the alias of a registration merged into another (a pulled change `{id, merged_into,
 * pass_hash}`), with its pass code; then putAlias it within the saving transaction. */
export async function prepareAlias(change) {
  return withCode({ id: change.id, merged_into: change.merged_into, pass_hash: change.pass_hash });
}

/** Within a transaction over the attendees store: keep a merged registration as an alias. */
export function putAlias(t, alias) {
  t.objectStore("attendees").put(alias);
  known?.delete(alias.id);
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
