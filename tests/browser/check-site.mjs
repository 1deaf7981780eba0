#!/usr/bin/env node
// Headless-Chromium check of the corpus site that `yusuan site` writes.
//
// usage: node check-site.mjs SITEDIR [--min-charts N]
//
// The folder is served over http on 127.0.0.1 and every *.html in it is
// loaded in Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) through the
// DevTools protocol (cdp.mjs beside this file).  Each page must load (HTTP
// 200), request nothing from another host (such requests are aborted and
// counted), log no error, and link only to pages in the folder; each chart
// (svg.chart) must have a size, a role of img, an aria-label and drawn
// shapes; index.html must have at least --min-charts charts (default 3) and
// link to every page.  Print media must not hide the charts and tables.
//
// Exit status: 0 when every check passes, 1 when any fails (each listed),
// 2 on a usage error or when the check could not run.
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { launch } from './cdp.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const TIMEOUT_MS = 30000;

function usage(msg) {
  if (msg) process.stderr.write(`check-site: ${msg}\n`);
  process.stderr.write('usage: node check-site.mjs SITEDIR [--min-charts N]\n');
  process.exit(2);
}

function isLocal(u) {
  try {
    const url = new URL(u);
    if (['data:', 'about:', 'blob:'].includes(url.protocol)) return true;
    return LOCAL_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

function serve(root) {
  const server = createServer(async (req, res) => {
    try {
      let rel = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(root, '.' + rel);
      const type = TYPES[path.extname(file).toLowerCase()];
      if (!file.startsWith(root + path.sep) || !type) throw new Error('no');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function main() {
  const argv = process.argv.slice(2);
  let dir = null;
  let minCharts = 3;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--min-charts') minCharts = Number(argv[++i]);
    else if (argv[i].startsWith('-')) usage(`unknown option ${argv[i]}`);
    else if (dir === null) dir = path.resolve(argv[i]);
    else usage(`unexpected argument ${argv[i]}`);
  }
  if (dir === null || !Number.isInteger(minCharts)) usage();
  let names;
  try {
    if (!(await stat(dir)).isDirectory()) usage(`${dir} is not a folder`);
    names = await readdir(dir);
  } catch (e) {
    usage(`cannot read ${dir}: ${e.message}`);
  }
  const t0 = Date.now();
  const failures = [];
  let where = '';
  const fail = (msg) => failures.push(`${where}: ${msg}`);
  const files = new Set(names);
  const pages = names.filter((n) => n.endsWith('.html')).sort((a, b) => (b === 'index.html') - (a === 'index.html'));
  if (!files.has('index.html')) failures.push('site: no index.html');
  if (!files.has('style.css')) failures.push('site: no style.css');

  const server = await serve(dir);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launch(
    process.env.CHROMIUM || '/usr/bin/chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-extensions', '--disable-sync', '--no-first-run', '--mute-audio',
      '--hide-scrollbars'],
    { timeoutMs: TIMEOUT_MS },
  ).catch((e) => {
    server.close();
    process.stderr.write(`check-site: cannot start Chromium: ${e.message}\n`);
    process.exit(2);
  });
  let loads = 0;
  let charts = 0;
  try {
    const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId: sid } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
    const send = (m, p) => browser.send(m, p, sid);
    await Promise.all([send('Page.enable'), send('Runtime.enable'), send('Log.enable'), send('Network.enable'),
      send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }),
      send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false })]);
    browser.on('Fetch.requestPaused', (p, s) => {
      if (s !== sid) return;
      const cmd = isLocal(p.request.url)
        ? browser.send('Fetch.continueRequest', { requestId: p.requestId }, sid)
        : browser.send('Fetch.failRequest', { requestId: p.requestId, errorReason: 'BlockedByClient' }, sid);
      cmd.catch(() => {});
    });
    const status = new Map();
    browser.on('Network.requestWillBeSent', (p, s) => {
      if (s === sid && !isLocal(p.request.url)) fail(`request to a non-local address: ${p.request.url}`);
    });
    browser.on('Network.responseReceived', (p, s) => {
      if (s !== sid) return;
      if (p.type === 'Document') status.set(p.loaderId, p.response.status);
      if (p.response.status >= 400 && !p.response.url.endsWith('/favicon.ico')) fail(`HTTP ${p.response.status} for ${p.response.url}`);
    });
    browser.on('Runtime.exceptionThrown', (p, s) => {
      if (s === sid) fail(`page error: ${(p.exceptionDetails.exception?.description || p.exceptionDetails.text).split('\n')[0]}`);
    });
    browser.on('Runtime.consoleAPICalled', (p, s) => {
      if (s === sid && p.type === 'error') fail(`console error: ${p.args.map((a) => a.value ?? a.description).join(' ')}`);
    });
    browser.on('Log.entryAdded', ({ entry }, s) => {
      if (s === sid && entry.level === 'error' && !/favicon/.test(entry.url || '')) fail(`console error: ${entry.text}`);
    });
    const evaluate = async (fn) => {
      const r = await send('Runtime.evaluate', { expression: `(${fn})()`, returnByValue: true });
      if (r.exceptionDetails) throw new Error(`in ${where}: ${r.exceptionDetails.text}`);
      return r.result.value;
    };
    let linkedFromIndex = new Set();
    for (const name of pages) {
      where = name;
      const loaded = browser.waitFor('Page.loadEventFired', sid, () => true, TIMEOUT_MS);
      const nav = await send('Page.navigate', { url: base + name });
      if (nav.errorText) {
        fail(`could not load (${nav.errorText})`);
        continue;
      }
      await loaded;
      loads++;
      const st = status.get(nav.loaderId);
      if (!(st >= 200 && st < 300)) fail(`could not load (HTTP ${st ?? 'none'})`);
      const info = await evaluate(() => ({
        links: [...document.querySelectorAll('a[href]')].map((a) => a.href),
        charts: [...document.querySelectorAll('svg.chart')].map((s) => {
          const r = s.getBoundingClientRect();
          const shapes = [...s.querySelectorAll('rect, line, path, circle')];
          return {
            w: r.width, h: r.height, role: s.getAttribute('role'), label: (s.getAttribute('aria-label') || '').trim(),
            drawn: shapes.filter((e) => { const b = e.getBoundingClientRect(); return b.width > 0 || b.height > 0; }).length,
          };
        }),
        tables: document.querySelectorAll('table').length,
      }));
      for (const h of info.links) {
        if (!isLocal(h)) continue;
        const url = new URL(h);
        const target = decodeURIComponent(url.pathname).replace(/^\//, '') || 'index.html';
        if (!files.has(target)) fail(`link to missing page ${target}`);
        if (name === 'index.html') linkedFromIndex.add(target);
      }
      info.charts.forEach((c, i) => {
        const id = `chart ${i + 1} "${c.label.slice(0, 30)}"`;
        if (!c.w || !c.h) fail(`${id} has no size`);
        if (c.role !== 'img') fail(`${id} role ${c.role}`);
        if (!c.label) fail(`${id} has no aria-label`);
        if (!c.drawn) fail(`${id}: nothing drawn`);
      });
      charts += info.charts.length;
      if (name === 'index.html' && info.charts.length < minCharts) fail(`${info.charts.length} charts, want ${minCharts}`);
      if (info.tables === 0) fail('no table');
      await send('Emulation.setEmulatedMedia', { media: 'print' });
      const hidden = await evaluate(() => [...document.querySelectorAll('svg.chart, table')]
        .filter((e) => { const r = e.getBoundingClientRect(); return !r.width || !r.height; }).length);
      if (hidden) fail(`${hidden} charts or tables hidden when printed`);
      await send('Emulation.setEmulatedMedia', { media: 'screen' });
    }
    where = 'index.html';
    for (const p of pages) if (p !== 'index.html' && !p.startsWith('doc-') && !linkedFromIndex.has(p)) fail(`no link to ${p}`);
    for (const p of pages) if (p.startsWith('doc-') && !linkedFromIndex.has(p)) fail(`no link to ${p}`);
  } finally {
    await browser.close();
    server.close();
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const uniq = [...new Set(failures)];
  if (!uniq.length) {
    console.log(`check-site: OK, ${loads} pages, ${charts} charts in ${secs}s`);
    process.exit(0);
  }
  console.log(`check-site: FAILED, ${uniq.length} problem(s) in ${loads} pages (${secs}s):`);
  for (const f of uniq) console.log(`  FAIL ${f}`);
  process.exit(1);
}

main().catch((e) => {
  process.stderr.write(`check-site: ${e.stack || e}\n`);
  process.exit(2);
});
