// Draw a QR code on a canvas with uqr (an npm package copied to static/vendor by scripts/vendor.mjs):
// it works offline and draws the pass the moment a newcomer is registered.
import { encode } from "../../vendor/uqr.mjs";

/** Draw `text` as a QR code filling `canvas` (square), with a quiet zone of 4 modules. */
export function drawQr(canvas, text, { ecc = "M" } = {}) {
  const { data, size } = encode(text, { ecc, border: 4 });
  const px = Math.floor(Math.min(canvas.width, canvas.height) / size);
  const offset = Math.floor((canvas.width - px * size) / 2);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = "#000";
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (data[y][x]) ctx.fillRect(offset + x * px, offset + y * px, px, px);
    }
  }
}
