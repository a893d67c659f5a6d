// The sync engine: one sync at a time; push the outbox in batches, then pull until `more` is false.
// A record leaves the outbox only on an explicit "accepted" or "duplicate" in a JSON answer of our API.
import * as db from "./db.js";
import { checkinKey, pendingRecords, wire } from "./outbox.js";
import { current } from "./i18n.js";
import { sha256Hex } from "./pass.js";
import * as people from "./people.js";
import * as vault from "./vault.js";

const FIRST_BATCH = 100;
const BACKOFF_BASE_MS = 5000;
const BACKOFF_MAX_MS = 10 * 60 * 1000;
/** A request that has not answered by then is given up: a hanging server must not freeze the sync. */
const REQUEST_TIMEOUT_MS = 30000;
/** Most problem ids asked about in one request (the server's limit for `check`). */
const CHECK_MAX = 500;
const STORE_OF = { area: "areas", employer: "employers", event: "events", posting: "postings",
  notice: "notices", attendee: "attendees", checkin: "checkins", survey_round: "survey_rounds" };

export const events = new EventTarget();
/** What the status bar shows. `auth` is null, "reenroll" (401) or "revoked" (403). */
/** `offline`: the last try met no network (not a server problem). `noAnswer`: the network is there but the
 * server did not answer as our API (timeout, 5xx, a captive portal's page, a redirect). `locked`: no staff
 * member has unlocked the app, so nothing is sent. */
export const state = { running: false, done: 0, total: 0, error: null, nextTry: null, auth: null, offline: false,
  noAnswer: false, locked: true };

let api = "/api/sync/v1/";
let timeoutMs = REQUEST_TIMEOUT_MS;
let running = null;
let again = false;
let failures = 0;
let retryTimer = null;
let batchSize = FIRST_BATCH;

class SyncError extends Error {
  constructor(kind, detail, retryAfterMs) {
    super(`${kind}: ${detail}`);
    this.kind = kind;  // "retry" | "auth" | "revoked"
    this.detail = detail;
    this.retryAfterMs = retryAfterMs;
  }
}

function emit() {
  events.dispatchEvent(new Event("change"));
}

/** Where the API is; `timeoutMs`: how long one request may take before it counts as "no answer". */
export function configure(base, { timeoutMs: ms } = {}) {
  api = base;
  if (ms > 0) timeoutMs = ms;
}

/** Start a sync, or join the one running (a trigger during a run asks for one more round). */
export function syncNow() {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await acrossTabs(runOnce);
      } while (again && !state.error);
    } finally {
      running = null;
      emit();
    }
  })();
  return running;
}

/** Run `fn` once no other tab of the app is syncing (Web Locks); one sync per tablet, not per tab.
 * Wait for the lock rather than skip it: a skipped request was lost (the record it would have sent
 * waited for the timer a minute later, and a revoked tablet did not say so). */
function acrossTabs(fn) {
  if (!navigator.locks) return fn();
  return navigator.locks.request("caravan-sync", () => fn());
}

async function runOnce() {
  const device = await db.getMeta("device");
  if (!device?.token) return;
  state.auth = device.revoked ? "revoked" : null;
  state.locked = !vault.unlocked();
  if (state.auth) return emit();
  clearTimeout(retryTimer);
  if (!navigator.onLine) {
    // Nothing to try: the "online" event starts the next sync.
    Object.assign(state, { offline: true, noAnswer: false, error: null, nextTry: null });
    return emit();
  }
  // Records are sealed under the data key, which only an unlocked app holds: a locked tablet sends
  // nothing. It still asks whether it was revoked, so that a lost tablet wipes residents' data even if
  // nobody can unlock it.
  if (state.locked) return checkRevoked(device);
  Object.assign(state, { running: true, error: null, nextTry: null, done: 0, total: 0 });
  emit();
  try {
    await push(device);
    await checkProblems(device);
    await pull(device);
    failures = 0;
    Object.assign(state, { offline: false, noAnswer: false });
    await db.setMeta("lastSync", new Date().toISOString());
  } catch (err) {
    await failed(err, device);
  } finally {
    state.running = false;
    emit();
  }
}

async function failed(err, device) {
  const kind = err instanceof SyncError ? err.kind : "retry";
  state.error = err instanceof SyncError ? err.detail : String(err);
  // No network (the browser says so, or the request failed before any answer) is not the server's fault;
  // everything else that is retried (timeout, 5xx, a portal's page, a redirect) is "the server does not answer".
  state.offline = state.error === "network" || !navigator.onLine;
  state.noAnswer = err instanceof SyncError && kind === "retry" && !state.offline;
  if (kind === "auth") {
    state.auth = "reenroll";
  } else if (kind === "revoked") {
    await revoked(device);
  } else {
    // Exponential back-off with jitter, so a county's tablets coming online together spread out.
    failures += 1;
    const base = Math.min(BACKOFF_BASE_MS * 2 ** (failures - 1), BACKOFF_MAX_MS);
    const delay = Math.max(err.retryAfterMs || 0, base * (0.5 + Math.random()));
    state.nextTry = new Date(Date.now() + delay).toISOString();
    retryTimer = setTimeout(syncNow, delay);
  }
}

/** The office revoked this tablet (a 403 on any call): say so and wipe residents' data. */
export async function revoked(device) {
  state.auth = "revoked";
  await db.setMeta("device", { ...device, revoked: true });
  await wipeResidents();
  emit();
}

async function checkRevoked(device) {
  try {
    await call("device", { method: "GET" }, device);
    state.offline = false;
  } catch (err) {
    if (err instanceof SyncError && err.kind === "revoked") await revoked(device);
    else state.offline = err instanceof SyncError && err.detail === "network";
  }
  emit();
}

async function call(path, init, device) {
  let res;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    res = await fetch(api + path, {
      ...init, signal: abort.signal,
      headers: { Authorization: `Bearer ${device.token}`, Accept: "application/json", "Accept-Language": current(),
        ...(init.body ? { "Content-Type": "application/json" } : {}) },
      // A captive portal or an expired proxy answers with a redirect: never follow it into a "200".
      redirect: "manual", credentials: "omit", cache: "no-store",
    });
  } catch {
    clearTimeout(timer);
    throw new SyncError("retry", abort.signal.aborted ? "timeout" : "network");
  }
  // The timer stays: it also gives up on a body that never finishes (reading it then fails, and the answer
  // counts as none). Aborting a request that has finished does nothing.
  if (res.type === "opaqueredirect" || (res.status >= 300 && res.status < 400)) {
    throw new SyncError("retry", `redirect ${res.status}`);
  }
  if (res.status === 401) throw new SyncError("auth", "401");
  if (res.status === 403) throw new SyncError("revoked", "403");
  if (res.status === 408 || res.status === 429 || res.status >= 500) {
    const after = Number(res.headers.get("Retry-After"));
    throw new SyncError("retry", String(res.status), Number.isFinite(after) ? after * 1000 : 0);
  }
  return res;
}

/** The JSON body of an answer from our API, or a retryable error (a portal's HTML page is not one). */
async function apiJson(res, check) {
  const type = res.headers.get("Content-Type") || "";
  if (!res.ok || !type.includes("application/json")) throw new SyncError("retry", `not our API (${res.status})`);
  let body;
  try {
    body = await res.json();
  } catch {
    throw new SyncError("retry", "bad JSON");
  }
  if (!body || !check(body)) throw new SyncError("retry", "unexpected answer");
  return body;
}

async function push(device) {
  const records = await pendingRecords();
  state.total = records.length;
  if (!records.length && !(await db.getMeta("receipt"))) {
    // Nothing to send, but no receipt for this credential yet (just re-enrolled): an empty batch asks
    // the server how many of this tablet's records it holds.
    const res = await call("push", { method: "POST", body: JSON.stringify({ records: [] }) }, device);
    await settle([], await apiJson(res, (b) => Array.isArray(b.results)), device);
    return;
  }
  let i = 0;
  while (i < records.length) {
    const batch = records.slice(i, i + batchSize);
    state.done = i;
    emit();
    const res = await call("push", { method: "POST", body: JSON.stringify({ records: await Promise.all(batch.map(wire)) }) }, device);
    if (res.status === 413 || (res.status === 422 && batch.length > 1)) {
      // Too big, or one record spoils the batch: halve until the bad one stands alone.
      if (batch.length === 1) throw new SyncError("retry", "413 for one record");
      batchSize = Math.max(1, Math.floor(batch.length / 2));
      continue;
    }
    if (res.status === 422) {
      const body = await res.json().catch(() => ({}));
      await settle(batch, { results: [{ id: batch[0].id, status: "rejected", reason: body.message || "422" }] }, device);
      i += 1;
      continue;
    }
    const body = await apiJson(res, (b) => Array.isArray(b.results));
    await settle(batch, body, device);
    i += batch.length;
  }
  state.done = records.length;
  if (batchSize < FIRST_BATCH) batchSize = Math.min(FIRST_BATCH, batchSize * 2);
}

/** Apply the server's answer for one batch in one transaction. */
async function settle(batch, body, device) {
  const byId = new Map(batch.map((r) => [r.id, r]));
  const now = new Date().toISOString();
  await db.tx(["outbox", "sent", "problems", "meta"], "readwrite", (t) => {
    const outbox = t.objectStore("outbox");
    for (const result of body.results) {
      const record = byId.get(result && result.id);
      if (!record) continue;
      const status = result.status;
      if (status === "accepted" || status === "duplicate") {
        outbox.delete(record.id);
        t.objectStore("sent").put({ ...record, state: status, device: device.id, confirmedAt: now });
      } else if (status === "held") {
        outbox.put({ ...record, state: "held", reason: result.reason || "" });
      } else if (status === "rejected" || status === "conflict") {
        outbox.delete(record.id);
        t.objectStore("problems").put({ ...record, state: status, reason: result.reason || "" });
      }
    }
    if (body.receipt) t.objectStore("meta").put({ ...body.receipt, at: now, device: device.id }, "receipt");
  });
}

/** Ask the server which of the records kept here as problems it now holds from this tablet (corrected by
 * the office, or imported from this tablet's exported file); those count as sent from then on. */
async function checkProblems(device) {
  const ids = (await db.all("problems")).map((r) => r.id);
  for (let i = 0; i < ids.length; i += CHECK_MAX) {
    const res = await call("push", { method: "POST",
      body: JSON.stringify({ records: [], check: ids.slice(i, i + CHECK_MAX) }) }, device);
    const body = await apiJson(res, (b) => Array.isArray(b.stored));
    await settleStored(body, device);
  }
}

/** Move the problems the server holds to "sent", with the receipt of the same answer. */
async function settleStored(body, device) {
  const now = new Date().toISOString();
  await db.tx(["sent", "problems", "meta"], "readwrite", async (t) => {
    const problems = t.objectStore("problems");
    for (const id of body.stored) {
      const record = typeof id === "string" && await db.req(problems.get(id));
      if (!record) continue;
      problems.delete(id);
      const { reason, ...kept } = record;
      t.objectStore("sent").put({ ...kept, state: "stored", device: device.id, confirmedAt: now });
    }
    if (body.receipt) t.objectStore("meta").put({ ...body.receipt, at: now, device: device.id }, "receipt");
  });
}

async function pull(device) {
  let cursor = (await db.getMeta("cursor")) || 0;
  for (;;) {
    const res = await call(`pull?cursor=${encodeURIComponent(cursor)}`, { method: "GET" }, device);
    const body = await apiJson(res, (b) => Array.isArray(b.changes) && Number.isInteger(b.cursor));
    await applyChanges(body.changes, body.cursor);
    if (!body.more || body.cursor === cursor) break;
    cursor = body.cursor;
  }
}

/** The tablet's own records. */
const MADE = ["outbox", "sent", "problems"];

/** An erased (or merged) resident: drop their data from this tablet's own copies of the registration.
 *  The server holds the record, so an unsent copy moves to "sent" (the receipt still counts it). */
async function forgetPerson(t, id) {
  for (const name of MADE) {
    const record = await db.req(t.objectStore(name).get(id));
    if (!record || record.type !== "attendee") continue;
    const { data } = vault.withoutPersonal(record);
    if (name === "outbox") {
      t.objectStore("outbox").delete(id);
      t.objectStore("sent").put({ ...record, data, state: "erased" });
    } else {
      t.objectStore(name).put({ ...record, data });
    }
  }
}

/** Store one page of pulled changes and the new cursor together, so a page is never half applied.
 *  Residents are sealed first: sealing inside the transaction would end it. */
async function applyChanges(changes, cursor) {
  const residents = new Map();
  const aliases = new Map();  // merged registrations: their old pass leads to the kept person
  for (const change of changes) {
    if (change.type === "attendee" && change.deleted && typeof change.merged_into === "string"
        && typeof change.pass_hash === "string") {
      aliases.set(change.id, await people.prepareAlias(change));
    }
    if (change.type !== "attendee" || change.deleted || typeof change.id !== "string" || !change.data) continue;
    // Keep what only this tablet knows (the pass token of a person registered here); the pass code is
    // derived from the pass hash.
    // (people.get gives nothing for a merged registration's alias: a merge undone comes back whole.)
    const mine = residents.get(change.id)?.person || (await people.get(change.id));
    residents.set(change.id, await people.prepare(await people.withCode({ ...(mine || {}), ...change.data, id: change.id })));
  }
  await db.tx([...db.PULLED, ...MADE, "checkins", "meta"], "readwrite", async (t) => {
    for (const change of changes) {
      const storeName = STORE_OF[change.type];
      if (!storeName || typeof change.id !== "string") continue;
      const store = t.objectStore(storeName);
      if (change.type === "attendee" && change.deleted) {
        people.remove(t, change.id);
        await forgetPerson(t, change.id);
        if (aliases.has(change.id)) people.putAlias(t, aliases.get(change.id));
      } else if (change.type === "attendee") {
        if (residents.has(change.id)) people.putRow(t, residents.get(change.id));
      } else if (change.type === "checkin" && !change.deleted) {
        // Another tablet's check-in (ids only), found by the same key as this tablet's own.
        const { event_id: eventId, attendee_id: attendeeId } = change.data || {};
        if (eventId && attendeeId) store.put({ id: change.id, event_id: eventId, attendee_id: attendeeId,
          checkin: checkinKey(eventId, attendeeId) });
      } else if (change.deleted) {
        store.delete(change.id);
      } else {
        store.put({ ...change.data, id: change.id });
      }
    }
    t.objectStore("meta").put(cursor, "cursor");
  });
}

/** A revoked tablet: drop residents' data (the attendees store, the personal fields of sent records).
 *  Unsent records (outbox, problems) stay, sealed, for the export file. */
export async function wipeResidents() {
  await db.tx(["attendees", "sent"], "readwrite", async (t) => {
    await people.removeAll(t);
    const sent = t.objectStore("sent");
    for (const record of await db.req(sent.getAll())) {
      if (record.type === "attendee") sent.put(vault.withoutPersonal(record));
    }
  });
  await db.setMeta("wiped", new Date().toISOString());
}

/** The tablet's side of the receipt: how many records it made, and whether the digest matches. */
export async function receiptCheck() {
  const [device, receipt, made, sent] = await Promise.all([
    db.getMeta("device"), db.getMeta("receipt"), db.getMeta("seq"), db.all("sent")]);
  if (!receipt || !device) return { made: made || 0, receipt: null, match: false };
  const ids = sent.filter((r) => !r.device || r.device === device.id).map((r) => r.id).sort();
  const digest = await sha256Hex(ids.join("\n"));
  return { made: made || 0, receipt, match: digest === receipt.digest };
}

/** Triggers: page load, the online event, coming back to the page, and a timer. */
export function start(intervalMs = 60000) {
  addEventListener("online", () => syncNow());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") syncNow();
  });
  setInterval(() => {
    if (navigator.onLine && !state.nextTry) syncNow();
  }, intervalMs);
  syncNow();
}

/** After enrollment: forget an old auth state and try at once. */
export function reset() {
  state.auth = null;
  state.error = null;
  failures = 0;
  return syncNow();
}
