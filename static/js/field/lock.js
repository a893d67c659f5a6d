// The lock screen: a staff member's online sign-in (once, and again after a wipe), choosing a PIN, and
// unlocking with it offline. The app locks after the lock time without pointer or key input, on the
// "Lock" button and on closing (the data key lives only in memory). While locked the status bar still
// shows the unsent records and offers their export; nothing is sent until someone unlocks.
import * as db from "./db.js";
import { current, t } from "./i18n.js";
import * as sync from "./sync.js";
import { $, $$, el } from "./ui.js";
import * as vault from "./vault.js";

const DEFAULTS = { minutes: 10, pinLength: 6, tries: vault.TRIES };
let api = "/api/sync/v1/";
let idleTimer = null;

function settings() {
  return db.getMeta("lock").then((saved) => ({ ...DEFAULTS, ...(saved || {}) }));
}

/** Say the catalogue's `key` (with `vars`) in `node`, and keep both so that the text follows a change of
 * language; no key: say `text` as it is (a server's message, already in the language it was asked in). */
function say(node, key, vars = {}, text = "") {
  if (key) {
    node.dataset.key = key;
    node.dataset.vars = JSON.stringify(vars);
  } else {
    delete node.dataset.key;
    delete node.dataset.vars;
  }
  node.textContent = key ? t(key, vars) : text;
}

/** Show one of the lock screen's forms ("unlock", "signin", "pin") and note it on <body>. */
function showForm(name) {
  if (document.body.dataset.lock === name && !$("#lock").hidden) return;  // keep what is typed and said
  for (const id of ["unlock", "signin", "pin"]) $(`#${id}-form`).hidden = id !== name;
  for (const id of ["unlock-error", "signin-error", "pin-error"]) say($(`#${id}`));
  document.body.dataset.lock = name;
  $(`#${name}-form input`)?.focus();
}

/** Fill the lock screen for the tablet's state: unlock with a PIN, or sign in online. */
let renders = 0;

export async function render({ signin = false } = {}) {
  // The last call wins: a render for a change of language must not undo a tap on "add staff" after it.
  const mine = ++renders;
  const [keys, device] = [await vault.keys(), await db.getMeta("device")];
  if (mine !== renders) return;
  const pins = Object.values(keys?.pins || {});
  let message = "";
  if (device?.revoked) message = "revoked_wiped";
  else if (keys?.wiped && !pins.length) message = "pins_wiped";
  else if (!keys) message = "signin_first";
  say($("#lock-message"), message);
  $("#lock-message").className = `fa-message ${device?.revoked || keys?.wiped ? "fa-warn" : ""}`.trim();
  $("#signin-back").hidden = !pins.length || vault.unlocked();
  if (pins.length && !signin && !vault.unlocked()) {
    const select = $("#unlock-staff");
    const chosen = select.value;
    select.replaceChildren(...pins.map((p) => el("option", { value: String(p.staff.id) }, p.staff.name || p.staff.username)));
    if (pins.some((p) => String(p.staff.id) === chosen)) select.value = chosen;
    return showForm("unlock");
  }
  return showForm("signin");
}

/** Whether the app must ask for a staff sign-in although it is unlocked: a re-enrolled tablet (a new
 *  device row) must wrap its data key under the new recovery key. */
export async function needsSignin() {
  const [keys, device] = [await vault.keys(), await db.getMeta("device")];
  return Boolean(keys && device && keys.device !== device.id);
}

async function signIn(form) {
  const device = await db.getMeta("device");
  const error = $("#signin-error");
  let res;
  try {
    res = await fetch(`${api}staff`, {
      method: "POST", redirect: "manual", credentials: "omit", cache: "no-store",
      headers: { Authorization: `Bearer ${device.token}`, "Content-Type": "application/json",
        Accept: "application/json", "Accept-Language": current() },
      body: JSON.stringify({ username: form.elements.username.value.trim(), password: form.elements.password.value }),
    });
  } catch {
    say(error, "signin_offline");
    return;
  }
  const type = res.headers.get("Content-Type") || "";
  const body = type.includes("application/json") ? await res.json().catch(() => null) : null;
  if (res.status === 403 && body?.error === "revoked") {
    await sync.revoked(device);
    await render({ signin: true });
  }
  if (!res.ok || !body?.recovery_key || !body.staff) {
    if (body?.message) say(error, "", {}, body.message);
    else say(error, "signin_failed");
    return;
  }
  await db.setMeta("lock", { minutes: Number(body.lock_minutes) || DEFAULTS.minutes,
    pinLength: Number(body.pin_length) || DEFAULTS.pinLength, tries: Number(body.pin_tries) || DEFAULTS.tries });
  const wasUnlocked = vault.unlocked();
  if (!(await vault.recover(body.recovery_key, body.staff, device.id))) {
    say(error, "signin_nokey");
    return;
  }
  form.reset();
  // A re-enrolled tablet that was unlocked keeps its PINs; everyone else chooses one now.
  if (wasUnlocked && (await vault.hasPin(body.staff.id))) return vault.resume();
  const { pinLength } = await settings();
  say($("#pin-help"), "pin_help", { num: pinLength, name: body.staff.name || body.staff.username });
  // Signed in: the request to sign in, or the warning that led to it, is answered.
  say($("#lock-message"));
  $("#lock-message").className = "fa-message";
  showForm("pin");
}

async function choosePin(form) {
  const { pinLength } = await settings();
  const [pin, again] = [form.elements.pin.value, form.elements.pin2.value];
  const error = $("#pin-error");
  if (!/^[0-9]+$/.test(pin) || pin.length < pinLength) {
    say(error, "pin_short", { num: pinLength });
    return;
  }
  if (pin !== again) {
    say(error, "pin_mismatch");
    return;
  }
  form.reset();
  await vault.setPin(pin);
}

async function unlock(form) {
  const pin = form.elements.pin.value;
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;  // one check at a time: a double tap must not use up two tries
  try {
    const result = await vault.unlock($("#unlock-staff").value, pin, (await settings()).tries);
    form.elements.pin.value = "";
    if (result.wrong) say($("#unlock-error"), "pin_wrong", { num: result.left });
    else if (result.wiped) await render();
  } finally {
    button.disabled = false;
  }
}

/** Start (or restart) the idle timer; the app locks when it runs out. */
export async function poke() {
  clearTimeout(idleTimer);
  if (!vault.unlocked()) return;
  const { minutes } = await settings();
  idleTimer = setTimeout(() => vault.lock(), minutes * 60000);
}

/** Wire the forms, the "Lock" button and the idle watch. */
export function setup(base) {
  api = base;
  const submit = (id, fn) => $(id).addEventListener("submit", async (e) => {
    e.preventDefault();
    await fn(e.target);
  });
  submit("#signin-form", signIn);
  submit("#pin-form", choosePin);
  submit("#unlock-form", unlock);
  $("#add-staff").addEventListener("click", () => render({ signin: true }));
  $("#signin-back").addEventListener("click", () => render());
  $("#lock-now").addEventListener("click", () => vault.lock());
  let last = 0;
  const active = () => {
    // Input comes in bursts (a pointer move fires often): restart the timer at most once a second.
    const now = Date.now();
    if (now - last < 1000) return;
    last = now;
    poke();
  };
  for (const type of ["pointerdown", "keydown", "wheel", "touchstart"]) document.addEventListener(type, active, { capture: true, passive: true });
  vault.events.addEventListener("unlock", () => {
    last = 0;
    poke();
  });
  vault.events.addEventListener("lock", () => clearTimeout(idleTimer));
  document.addEventListener("caravan:lang", () => {
    // What the lock screen said (an error, the PIN help) is said again in the new language.
    for (const node of $$("#lock [data-key]")) node.textContent = t(node.dataset.key, JSON.parse(node.dataset.vars || "{}"));
    if (!$("#lock").hidden && document.body.dataset.lock !== "pin") render({ signin: document.body.dataset.lock === "signin" });
  });
}
