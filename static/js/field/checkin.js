// Check-in: a scanned or typed pass (its link, its token or its short code), or a name from the search,
// becomes a checkin record in the outbox; the screen then shows the name large. A second check-in at the
// same event is refused, also while the first is still unsent, or when another tablet made it.
import * as db from "./db.js";
import { pick, t } from "./i18n.js";
import { SaveError, addCheckin } from "./outbox.js";
import { parsePass, parsePassCode, sha256Hex } from "./pass.js";
import * as people from "./people.js";
import * as scanner from "./scanner.js";
import { $, busy, confirm, el } from "./ui.js";

let ctx = null;  // {eventId(), wasm, onPerson(attendee)}
let lastCode = "";
let lastAt = 0;

/** The attendee with this pass token: pulled (by pass_hash) or registered on this tablet. */
export async function findByToken(token) {
  const found = await people.byPassHash(await sha256Hex(token));
  return found[0] || null;
}

/** Check `attendee` in at the current event and say so; returns "in" or "already". */
export async function checkIn(attendee, method) {
  let record;
  try {
    record = await addCheckin(ctx.eventId(), attendee.id, method);
  } catch (err) {
    if (!(err instanceof SaveError)) throw err;
    console.warn(err.cause);
    await confirm("bad", t("save_failed"), attendee.name);
    return "failed";
  }
  ctx.onPerson(attendee);
  if (record) {
    await confirm("ok", t("checked_in"), attendee.name);
    return "in";
  }
  await confirm("again", t("already_in"), attendee.name);
  return "already";
}

/** Handle a scanned or typed code: check in, or say what is wrong with it. */
export async function handleCode(text, method) {
  const token = parsePass(text);
  const code = token ? null : parsePassCode(text);
  if (!token && !code) {
    await confirm("bad", t("malformed"));
    return "malformed";
  }
  if (code) return handlePassCode(code);
  const attendee = await findByToken(token);
  if (!attendee) {
    await confirm("bad", t("unknown_pass"));
    return "unknown";
  }
  const result = await checkIn(attendee, method);
  performance.measure("scan-to-screen", "scan-decoded");
  return result;
}

/** A typed short pass code: check in its one resident; several (a rare collision): let staff choose by
 * name among them, with what tells namesakes apart. */
async function handlePassCode(code) {
  const found = await people.byCode(code);
  if (!found.length) {
    await confirm("bad", t("unknown_pass"));
    return "unknown";
  }
  if (found.length === 1) return checkIn(found[0], "manual");
  await showPeople(found, "choose_person");
  return "choose";
}

async function onScanned(text) {
  // The camera sees the same pass in many frames: one check-in per pass every few seconds.
  const now = Date.now();
  if (text === lastCode && now - lastAt < 4000) return;
  lastCode = text;
  lastAt = now;
  await handleCode(text, "scan");
}

/** "registered 2024-12-02" as nodes, the date in a left-to-right <bdi> so that it keeps its order inside
 * Uyghur text; numeric, as every date on the tablet (Chromium has no Uyghur date formats). */
function registeredNodes(day) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day || "")) return null;
  const [before, after = ""] = t("registered_on", { date: "\u0000" }).split("\u0000");
  return [before, el("bdi", { dir: "ltr" }, day), after];
}

/** The residents as buttons that check one in: the name on its line, below it village, registration date
 * and the phone's last two digits, enough to tell two namesakes apart. `titleKey` heads the list (a code
 * shared by several). What is shown is kept, to be shown again in another language. */
let shown = null;  // {found, titleKey}

async function showPeople(found, titleKey = "") {
  shown = { found, titleKey };
  const list = $("#search-results");
  const villages = new Map((await db.all("areas")).map((a) => [a.id, a]));
  const details = (a) => [pick(villages.get(a.village_id)?.name), registeredNodes(a.registered_on),
    a.phone_tail ? t("phone_tail", { digits: a.phone_tail }) : ""].filter(Boolean);
  const items = found.map((a) => el("li", {},
    el("button", { type: "button", class: "btn fa-person", onclick: (e) => busy(e.currentTarget, () => checkIn(a, "manual")) },
      el("b", { class: "fa-person-name" }, a.name),
      el("span", { class: "fa-person-details" }, ...details(a).flatMap((part, i) => [i ? " · " : "", el("span", {}, part)])))));
  list.replaceChildren(...(titleKey ? [el("li", { class: "fa-choose", role: "status" }, t(titleKey))] : []),
    ...(items.length ? items : [el("li", { class: "empty" }, t("no_results"))]));
}

async function search(query) {
  if (!query.trim()) {
    shown = null;
    return $("#search-results").replaceChildren();
  }
  await showPeople(await people.search(query));
}

export function setup(options) {
  ctx = options;
  const video = $("#scan-video");
  $("#scan-start").addEventListener("click", async () => {
    try {
      await scanner.start(video, ctx.wasm, onScanned);
      $("#scan-start").hidden = true;
      $("#scan-stop").hidden = false;
    } catch (err) {
      console.warn(err);
      await confirm("bad", t("scan_no_camera"));
    }
  });
  $("#scan-stop").addEventListener("click", () => stopCamera());
  const manual = $("#manual-form");
  manual.addEventListener("submit", (e) => {
    e.preventDefault();
    // Single flight: a double tap is one check-in, and the screen says "checked in", not "already".
    busy($("button", manual), async () => {
      const input = manual.elements.code;
      const typed = input.value;
      performance.mark("scan-decoded");
      // The code is kept when the save failed, for a retry; a code typed while this one was handled is
      // the next one, not this one, and stays too.
      if ((await handleCode(typed, "manual")) !== "failed" && input.value === typed) input.value = "";
    });
  });
  $("#name-search").addEventListener("input", (e) => search(e.target.value));
  // The results are the app's own text (villages, dates, "phone ending"): they follow the language too.
  document.addEventListener("caravan:lang", () => {
    if (shown && $("#search-results").childElementCount) showPeople(shown.found, shown.titleKey);
  });
}

export function stopCamera() {
  scanner.stop($("#scan-video"));
  lastCode = "";  // a new start is a new scan, also of the same pass
  $("#scan-start").hidden = false;
  $("#scan-stop").hidden = true;
}
