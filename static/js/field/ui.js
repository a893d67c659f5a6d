// Small DOM helpers and the big confirmation that follows a check-in.
export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

/** Make an element: el("li", {class: "x", dataset: {id}}, "text", child). Text is always text, never HTML. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

let confirmTimer = null;

/**
 * Show a large confirmation over the screen: kind "ok" (checked in), "again" (already), "bad".
 * Resolves after the browser has painted it.
 */
export function confirm(kind, title, name = "") {
  const box = $("#confirm-box");
  box.className = `fa-confirm fa-${kind}`;
  box.replaceChildren(el("p", { class: "fa-confirm-title" }, title), name ? el("p", { class: "fa-confirm-name" }, name) : "");
  $("#confirm").hidden = false;
  clearTimeout(confirmTimer);
  confirmTimer = setTimeout(() => { $("#confirm").hidden = true; }, kind === "bad" ? 3500 : 2200);
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

export function hideConfirm() {
  $("#confirm").hidden = true;
}

export function formatTime(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return d.toLocaleString(document.documentElement.lang || "zh", { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });
}
