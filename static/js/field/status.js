// The always visible status: network, unsent records, last sync, progress, the receipt, problems,
// "Sync now" and "Export unsent records".
import * as db from "./db.js";
import { label, t } from "./i18n.js";
import * as sync from "./sync.js";
import { $, el, formatTime, timeNode } from "./ui.js";
import * as vault from "./vault.js";

let renders = 0;

export async function render() {
  // Renders overlap (a save and a sync at once): only the latest one may write the screen.
  const mine = ++renders;
  const [outbox, problems, last, check] = await Promise.all([
    db.all("outbox"), db.all("problems"), db.getMeta("lastSync"), sync.receiptCheck()]);
  if (mine !== renders) return;
  const held = outbox.filter((r) => r.state === "held").length;
  const s = sync.state;
  $("#st-net").textContent = navigator.onLine && !s.offline ? t("online") : t("offline");
  $("#st-net").className = navigator.onLine && !s.offline ? "fa-net fa-on" : "fa-net fa-off";
  $("#st-pending").textContent = String(outbox.length);
  $("#st-held").textContent = String(held);
  $("#st-held-wrap").hidden = held === 0;
  $("#st-last").replaceChildren(last ? timeNode(last) : t("never"));
  $("#st-receipt").textContent = check.receipt
    ? `${t("receipt", { made: check.made, held: check.receipt.device_records })}${check.match ? ` ✓ ${t("receipt_ok")}` : ""}` : "";
  $("#st-progress").textContent = s.running ? `${t("syncing")} ${s.done}/${s.total}` : "";
  // Being offline is normal at a bazaar: say calmly that the records wait here; red is for the server.
  const offline = !navigator.onLine || s.offline;
  let message = [];
  let kind = "";
  const locked = !vault.unlocked();
  if (s.auth === "revoked") [message, kind] = [[t("revoked_wiped")], "fa-warn"];
  else if (locked) [message, kind] = [[t("locked_sync")], "fa-calm"];
  else if (s.auth === "reenroll") [message, kind] = [[t("reenroll")], "fa-warn"];
  else if (offline) [message, kind] = [[t("offline_safe")], "fa-calm"];
  else if (s.error) {
    message = [t("sync_error"), ...(s.nextTry ? [" ", `${t("retry_at")}: `, timeNode(s.nextTry)] : [])];
    kind = "fa-warn";
  }
  $("#st-message").replaceChildren(...message);
  $("#st-message").className = `fa-message ${kind}`.trim();
  document.body.dataset.sync = kind === "fa-warn" ? "error" : (offline ? "offline" : "ok");
  $("#sync-now").disabled = s.running;
  $("#sync-now").hidden = locked;  // nothing can be sent until someone unlocks
  $("#reenroll").hidden = s.auth !== "reenroll" || locked;
  const button = $("#st-problems");
  button.hidden = problems.length === 0;
  button.textContent = `${t("problems")}: ${problems.length}`;
  $("#problem-list").replaceChildren(...problems.map((p) => el("li", {},
    el("b", {}, `${p.type} ${p.state}`), " ", el("span", {}, reasonText(p.reason)), " ",
    el("small", {}, `${p.id} · ${formatTime(p.at)}`))));
  document.body.dataset.pending = String(outbox.length);
}

/** The server's reason code ("too_long:name") as a sentence in the tablet's language; unknown codes as sent. */
function reasonText(reason = "") {
  const [code, field = ""] = reason.split(":");
  const text = label("reasons", code);
  return text === code ? reason : text.replace("%(field)s", field);
}

/** Download every unconfirmed record (outbox and problems) as a file the office can import. Needs no
 * unlock: records stay sealed, and the data key rides along wrapped by the tablet's recovery key, which
 * only the server can derive (version 2). A tablet that never had a staff sign-in has nothing sealed
 * and writes version 1. */
export async function exportUnsent() {
  const [device, keys] = [await db.getMeta("device"), await vault.keys()];
  const records = [...await db.all("outbox"), ...await db.all("problems")]
    .sort((a, b) => a.seq - b.seq)
    .map(({ type, id, seq, at, by, data, state, reason }) => ({
      type, id, seq, at, ...(by ? { by } : {}), data, state, ...(reason ? { reason } : {}) }));
  const file = { format: "caravan-outbox", version: keys ? 2 : 1, device_id: device?.id || null,
    exported_at: new Date().toISOString(), ...(keys ? { key: keys.recovery } : {}), records };
  const blob = new Blob([JSON.stringify(file, null, 1)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const stamp = file.exported_at.replace(/[:.]/g, "-");
  const a = el("a", { href: url, download: `caravan-outbox-${stamp}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return file;
}

export function setup() {
  sync.events.addEventListener("change", render);
  addEventListener("online", render);
  addEventListener("offline", render);
  $("#sync-now").addEventListener("click", () => sync.syncNow());
  $("#export").addEventListener("click", exportUnsent);
  $("#st-problems").addEventListener("click", () => { $("#problems").hidden = !$("#problems").hidden; });
  document.addEventListener("caravan:lang", render);
  document.addEventListener("caravan:saved", render);
  for (const type of ["lock", "unlock", "wiped"]) vault.events.addEventListener(type, render);
}
