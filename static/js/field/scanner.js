// The camera and the QR reader: the standard BarcodeDetector where the browser has one, else the
// barcode-detector polyfill (static/vendor/barcode-detector.js) reading with zxing-wasm served by
// caravan itself — never from another host.
let stream = null;
let detector = null;
let timer = null;

function makeDetector(wasmUrl) {
  const api = globalThis.BarcodeDetectionAPI;
  if (api && api.setZXingModuleOverrides) {
    api.setZXingModuleOverrides({
      locateFile: (path, prefix) => (path.endsWith(".wasm") ? wasmUrl : prefix + path),
    });
  }
  if (!("BarcodeDetector" in globalThis)) return null;
  return new globalThis.BarcodeDetector({ formats: ["qr_code"] });
}

export function running() {
  return stream !== null;
}

/** Start the camera in `video` and call onCode(text) for each QR read (the caller debounces). */
export async function start(video, wasmUrl, onCode) {
  detector ??= makeDetector(wasmUrl);
  if (!detector || !navigator.mediaDevices?.getUserMedia) throw new Error("no camera or reader");
  // 'environment' as an ideal: the exact form fails on devices without a back camera.
  stream = await navigator.mediaDevices.getUserMedia({
    audio: false, video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 }, height: { ideal: 720 } },
  });
  video.srcObject = stream;
  await video.play();
  const tick = async () => {
    if (!stream) return;
    if (video.readyState >= 2) {
      try {
        const codes = await detector.detect(video);
        if (codes.length && stream) {
          performance.mark("scan-decoded");
          await onCode(codes[0].rawValue);
        }
      } catch (err) {
        console.warn("QR detection failed", err);
      }
    }
    if (stream) timer = setTimeout(tick, 80);
  };
  tick();
}

export function stop(video) {
  clearTimeout(timer);
  if (stream) for (const track of stream.getTracks()) track.stop();
  stream = null;
  if (video) video.srcObject = null;
}
