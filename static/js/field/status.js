// The always visible status: network, unsent records, last sync, progress, the receipt, problems,
// "Sync now" and "Export unsent records".
import * as db from "./db.js";
import { label, t } from "./i18n.js";
import * as sync from "./sync.js";
import { $, el, formatTime, timeNode } from "./ui.js";

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
  if (s.auth === "revoked") [message, kind] = [[t("revoked")], "fa-warn"];
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
  // Also when revoked: the office can re-enroll this very tablet with a new code.
  $("#reenroll").hidden = !s.auth;
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

/** Download every unconfirmed record (outbox and problems) as a file the office can import. */
export async function exportUnsent() {
  const device = await db.getMeta("device");
  const records = [...await db.all("outbox"), ...await db.all("problems")]
    .sort((a, b) => a.seq - b.seq)
    .map(({ type, id, seq, at, data, state, reason }) => ({ type, id, seq, at, data, state, ...(reason ? { reason } : {}) }));
  const file = { format: "caravan-outbox", version: 1, device_id: device?.id || null,
    exported_at: new Date().toISOString(), records };
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
}
