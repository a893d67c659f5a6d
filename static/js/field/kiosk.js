// Kiosk: the event's postings one at a time, full screen, each with its QR (/j/<code>), rotating,
// for a screen facing the crowd. Residents can switch its language; the staff's language stays.
import { dirOf, LANGS } from "./i18n.js";
import { card, eventPostings } from "./postings.js";
import { drawQr } from "./qr.js";
import { $, $$, el } from "./ui.js";

const ROTATE_MS = 8000;
let postings = [];
let index = 0;
let code = "zh";
let timer = null;

function show() {
  const box = $("#kiosk-card");
  if (!postings.length) return box.replaceChildren();
  const posting = postings[index % postings.length];
  const canvas = el("canvas", { width: 320, height: 320, class: "fa-kiosk-qr" });
  box.lang = code;
  box.dir = dirOf(code);
  box.replaceChildren(card(posting, code, { big: true }),
    el("figure", {}, canvas, el("figcaption", {}, kioskText("kiosk_scan"))));
  if (posting.url) drawQr(canvas, posting.url);
  $("#kiosk-pos").textContent = `${(index % postings.length) + 1} / ${postings.length}`;
  for (const b of $$("[data-kiosk-lang]")) b.setAttribute("aria-pressed", String(b.dataset.kioskLang === code));
}

let translate = (key) => key;
function kioskText(key) {
  return translate(key, {}, code);
}

export async function open(event, t) {
  translate = t;
  postings = await eventPostings(event);
  index = 0;
  code = LANGS.includes(document.documentElement.lang) ? document.documentElement.lang : "zh";
  $("#kiosk").hidden = false;
  show();
  clearInterval(timer);
  timer = setInterval(() => { index += 1; show(); }, ROTATE_MS);
  // Full screen where the browser allows it; the overlay covers the page either way.
  $("#kiosk").requestFullscreen?.().catch(() => {});
}

export function close() {
  clearInterval(timer);
  $("#kiosk").hidden = true;
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
}

export function setup() {
  for (const b of $$("[data-kiosk-lang]")) b.addEventListener("click", () => { code = b.dataset.kioskLang; show(); });
  $("#kiosk-exit").addEventListener("click", close);
  $("#kiosk-card").addEventListener("click", () => { index += 1; show(); });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !$("#kiosk").hidden) close(); });
}
