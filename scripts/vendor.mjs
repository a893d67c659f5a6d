#!/usr/bin/env node
// Copy the third-party browser files from node_modules (installed by `npm ci`) into static/vendor/.
//
//   htmx.min.js          htmx.org/dist/htmx.min.js
//   barcode-detector.js  barcode-detector/dist/iife/polyfill.js
//   zxing_reader.wasm    zxing-wasm/dist/reader/zxing_reader.wasm, of the exact zxing-wasm version that
//                        barcode-detector pins (resolved from barcode-detector's own folder, so a nested
//                        copy wins over a hoisted one)
//
// The polyfill carries the SHA-256 of the reader wasm it was built against; the copy is refused if the
// wasm found does not match it, because a mismatched wasm fails only at scan time on a tablet.
// Usage: node scripts/vendor.mjs   (from anywhere; paths are relative to the repository)

import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dest = join(root, "static", "vendor");

function packageDir(name, from) {
  // Resolve "<name>/package.json" by walking node_modules like Node does, without the package's
  // "exports" map getting in the way (zxing-wasm does not export its package.json).
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    try {
      readFileSync(join(candidate, "package.json"));
      return candidate;
    } catch {
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`${name} is not installed: run npm ci first`);
}

function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

const htmxDir = packageDir("htmx.org", root);
const detectorDir = packageDir("barcode-detector", root);
const zxingDir = packageDir("zxing-wasm", detectorDir);

const wanted = readJson(join(detectorDir, "package.json")).dependencies["zxing-wasm"];
const found = readJson(join(zxingDir, "package.json")).version;
if (found !== wanted) {
  throw new Error(`barcode-detector wants zxing-wasm ${wanted}, found ${found} in ${zxingDir}`);
}

const files = [
  [join(htmxDir, "dist", "htmx.min.js"), "htmx.min.js"],
  [join(detectorDir, "dist", "iife", "polyfill.js"), "barcode-detector.js"],
  [join(zxingDir, "dist", "reader", "zxing_reader.wasm"), "zxing_reader.wasm"],
];

const polyfill = readFileSync(files[1][0], "utf8");
const wasmSha = createHash("sha256").update(readFileSync(files[2][0])).digest("hex");
if (!polyfill.includes(wasmSha)) {
  throw new Error(`zxing_reader.wasm (sha256 ${wasmSha}) is not the one barcode-detector was built for`);
}

mkdirSync(dest, { recursive: true });
for (const [src, name] of files) {
  // Copy then rename, so a running server never serves a half-written file.
  const target = join(dest, name);
  copyFileSync(src, `${target}.tmp`);
  renameSync(`${target}.tmp`, target);
  console.log(`  ${relative(root, src)} -> ${relative(root, target)}`);
}
