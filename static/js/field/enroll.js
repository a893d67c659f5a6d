// Enrollment: the one-time code from the office becomes this tablet's device token, kept in IndexedDB
// (never in localStorage or a cookie). Only an explicit JSON answer with a token counts.
import { getMeta, setMeta } from "./db.js";
import { current, t } from "./i18n.js";
import * as scanner from "./scanner.js";
import { $, busy } from "./ui.js";

export async function enroll(api, code, name) {
  let res;
  try {
    // The token this tablet held (revoked or not) proves to the server that it is the tablet it knows: with a
    // code for the same area it keeps its device id and records instead of becoming a second tablet.
    const held = (await getMeta("device").catch(() => null))?.token;
    res = await fetch(`${api}enroll`, {
      method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json", "Accept-Language": current() },
      body: JSON.stringify({ code: code.trim(), name: name.trim(), ...(held ? { previous_token: held } : {}) }),
      redirect: "manual", credentials: "omit",
    });
  } catch {
    return { error: t("enroll_offline") };
  }
  const type = res.headers.get("Content-Type") || "";
  const body = type.includes("application/json") ? await res.json().catch(() => null) : null;
  const token = body && (body.token || body.device_token);
  if (!res.ok || !token) return { error: (body && body.message) || t("enroll_failed") };
  const device = body.device || {};
  try {
    const previous = await getMeta("device");
    await setMeta("device", {
      token, id: device.id || body.device_id || null, name: device.name || body.name || name.trim(),
      area: device.area || body.area || null, enrolledAt: new Date().toISOString(),
    });
    // A new credential may belong to another area: pull everything again. The outbox stays as it is. The
    // receipt is asked for again (a re-enrolled tablet keeps its id, and the server its records).
    if (previous) {
      await setMeta("cursor", 0);
      await setMeta("receipt", null);
    }
  } catch (err) {
    console.warn(err);
    return { error: t("save_failed") };
  }
  return { ok: true };
}

/** Wire the enrollment form; `done()` runs after a successful enrollment. */
export function setup(api, done, wasmUrl) {
  const form = $("#enroll-form");
  const video = $("#enroll-video");
  $("#enroll-scan").addEventListener("click", async () => {
    if (scanner.running()) return;
    video.hidden = false;
    try {
      await scanner.start(video, wasmUrl, (text) => {
        fillCode(text);
        scanner.stop(video);
        video.hidden = true;
        form.elements.name.focus();
      });
    } catch {
      video.hidden = true;
      $("#enroll-error").textContent = t("scan_no_camera");
    }
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    // Single flight: a one-time code is spent by the first request; a second would only say "not accepted".
    busy($("button[type=submit]", form), async () => {
      const error = $("#enroll-error");
      error.textContent = "";
      const result = await enroll(api, form.elements.code.value, form.elements.name.value);
      if (result.error) {
        error.textContent = result.error;
        return;
      }
      form.reset();
      await done();
    });
  });
}

/** Put a scanned enrollment code (a bare code or a URL ending in it) into the form. */
export function fillCode(text) {
  const value = String(text).trim();
  const match = /([A-Za-z0-9_-]{4,64})\/?$/.exec(value);
  $("#enroll-form").elements.code.value = match ? match[1] : value;
}
