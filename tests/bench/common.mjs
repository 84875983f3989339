// Shared pieces of the browser benchmarks: progress lines, summary statistics, the web app
// copy they serve (with a static floor page), and what they read from Chromium over the
// DevTools protocol (CPU throttling, garbage collection, heap, wasm memory, DOM counters).
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { tempDir } from '../e2e/harness.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The command behind every figure, named in the report. */
export const COMMAND = 'cargo xtask bench browser';

const began = Date.now();

/** A progress line on stderr, with the time since the run began. */
export function say(text) {
  const seconds = ((Date.now() - began) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${seconds} s] ${text}\n`);
}

/** Percentile by linear interpolation between the closest ranks (numpy's default). */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/** Median, p95 and extremes of a list of milliseconds, rounded to 0.1 ms. */
export function summarizeMs(values) {
  const round = (value) => (value === null ? null : Math.round(value * 10) / 10);
  return {
    count: values.length,
    median_ms: round(percentile(values, 50)),
    p95_ms: round(percentile(values, 95)),
    min_ms: round(values.length ? Math.min(...values) : null),
    max_ms: round(values.length ? Math.max(...values) : null),
  };
}

/**
 * The web app the benchmarks serve: a private copy of WILLKOMMEN_DIST_DIR (the one the e2e
 * tests use) plus `floor.html`, a static page with a heading and a button, which gives the
 * floor of start-up time: what the same server and browser need for a page without any app.
 * With WILLKOMMEN_MINIMAL_LEPTOS_DIR (`cargo xtask bench browser` builds it) the smallest
 * Leptos app with that heading and button is served too, as `/minimal-leptos/index.html`.
 */
export function prepareDist() {
  const source = process.env.WILLKOMMEN_DIST_DIR ?? path.join(root, 'dist');
  const dist = tempDir('bench-dist');
  cpSync(source, dist, { recursive: true });
  const minimalLeptos = process.env.WILLKOMMEN_MINIMAL_LEPTOS_DIR;
  if (minimalLeptos) cpSync(minimalLeptos, path.join(dist, 'minimal-leptos'), { recursive: true });
  writeFileSync(
    path.join(dist, 'floor.html'),
    '<!doctype html><html lang=de><meta charset=utf-8>'
      + '<meta content="width=device-width,initial-scale=1" name=viewport><title>Floor</title>'
      + '<h1>Willkommen</h1><button type=button class=start-button>Start</button></html>\n',
  );
  return dist;
}

/** A DevTools session on `page`, with the CPU slowed `cpuThrottle` times (1: not at all). */
export async function devtools(page, { cpuThrottle = 1 } = {}) {
  const session = await page.context().newCDPSession(page);
  if (cpuThrottle !== 1) await session.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
  return session;
}

/**
 * What a page holds after a full garbage collection: V8 heap in use, the sizes of its wasm
 * memories (found as objects, since the app keeps no global handle to them), the DOM
 * counters of its renderer (nodes and listeners still alive, attached or not) and the
 * elements in its document.
 */
export async function memorySample(page, session) {
  await session.send('HeapProfiler.collectGarbage');
  const heap = await session.send('Runtime.getHeapUsage');
  const counters = await session.send('Memory.getDOMCounters');
  const group = 'bench-memory';
  const { result: prototype } = await session.send('Runtime.evaluate', {
    expression: 'WebAssembly.Memory.prototype',
    objectGroup: group,
  });
  const { objects } = await session.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId, objectGroup: group });
  const { result: sizes } = await session.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.map((memory) => memory.buffer.byteLength); }',
    returnByValue: true,
  });
  await session.send('Runtime.releaseObjectGroup', { objectGroup: group });
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  return {
    js_heap_used_bytes: heap.usedSize,
    wasm_memory_bytes: sizes.value.reduce((sum, size) => sum + size, 0),
    wasm_memories: sizes.value.length,
    dom_elements: elements,
    dom_nodes: counters.nodes,
    js_event_listeners: counters.jsEventListeners,
    documents: counters.documents,
  };
}
