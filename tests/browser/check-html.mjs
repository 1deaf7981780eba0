#!/usr/bin/env node
// Headless-Chromium check of the static HTML site that yusuan generates.
//
// usage: node check-html.mjs HTMLDIR [--screenshot PNG]
//
// HTMLDIR is the OUT/html folder: index.html, NN.html (tables 01..13, only
// those present), findings.html, style.css. The folder is served over http on
// 127.0.0.1 (random free port) and each page is loaded in Debian's Chromium
// (/usr/bin/chromium, or $CHROMIUM), driven through the DevTools protocol by
// cdp.mjs beside this file with Node's own modules (no npm package: it says
// why).  Nothing may leave the machine: every request whose host is not
// 127.0.0.1/localhost is aborted and counted as a failure.
//
// Exit status: 0 when every check passes, 1 when any fails (each failure is
// listed), 2 on a usage error or when the check itself could not run.
import { createServer } from 'node:http';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launch } from './cdp.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.js': 'text/javascript; charset=utf-8',
};
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const HARMLESS_SCHEMES = new Set(['data:', 'about:', 'blob:']);
const TABLE_PAGE = /^\d\d\.html$/;
const MIN_CHARTS = 5;
// the targets that show or run the site's content
const WATCHED = new Set(['page', 'iframe', 'worker', 'shared_worker', 'service_worker']);
const TIMEOUT_MS = 30000;

function usage(msg) {
  if (msg) process.stderr.write(`check-html: ${msg}\n`);
  process.stderr.write('usage: node check-html.mjs HTMLDIR [--screenshot PNG]\n');
  process.exit(2);
}

function parseArgs(argv) {
  let dir = null;
  let shot = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--screenshot') {
      if (i + 1 >= argv.length) usage('--screenshot needs a file name');
      shot = argv[++i];
    } else if (a === '-h' || a === '--help') {
      usage();
    } else if (a.startsWith('-')) {
      usage(`unknown option ${a}`);
    } else if (dir === null) {
      dir = a;
    } else {
      usage(`unexpected argument ${a}`);
    }
  }
  if (dir === null) usage('no HTMLDIR given');
  return { dir: path.resolve(dir), shot: shot && path.resolve(shot) };
}

// Static file server for ROOT on 127.0.0.1, port chosen by the OS.
function serve(root) {
  const server = createServer(async (req, res) => {
    const notFound = () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return notFound();
      let rel = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(root, '.' + rel);
      if (file !== root && !file.startsWith(root + path.sep)) return notFound();
      const type = TYPES[path.extname(file).toLowerCase()];
      if (!type) return notFound();
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      notFound();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function isLocal(u) {
  let url;
  try {
    url = new URL(u);
  } catch {
    return false;
  }
  if (HARMLESS_SCHEMES.has(url.protocol)) return true;
  return LOCAL_HOSTS.has(url.hostname);
}

async function main() {
  const { dir, shot } = parseArgs(process.argv.slice(2));
  const t0 = Date.now();

  let names;
  try {
    if (!(await stat(dir)).isDirectory()) usage(`${dir} is not a folder`);
    names = await readdir(dir);
  } catch (e) {
    usage(`cannot read ${dir}: ${e.message}`);
  }
  const failures = [];
  const fail = (where, msg) => failures.push(`${where}: ${msg}`);
  const tablePages = names.filter((n) => TABLE_PAGE.test(n)).sort();
  const fileSet = new Set(names);
  for (const need of ['index.html', 'findings.html', 'style.css']) {
    if (!fileSet.has(need)) fail(need, 'file missing from the folder');
  }
  if (tablePages.length === 0) fail('site', 'no table pages (NN.html) in the folder');
  if (!fileSet.has('index.html')) return report(failures, t0, 0);

  const server = await serve(dir);
  const base = `http://127.0.0.1:${server.address().port}/`;
  let browser;
  try {
    browser = await launch(
      process.env.CHROMIUM || '/usr/bin/chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-extensions',
        '--disable-sync',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-popup-blocking', // so that a popup the site opens is seen
        '--mute-audio',
        '--hide-scrollbars',
      ],
      { timeoutMs: TIMEOUT_MS },
    );
  } catch (e) {
    server.close();
    process.stderr.write(`check-html: cannot start Chromium: ${e.message}\n`);
    process.exit(2);
  }

  let pagesLoaded = 0;
  try {
    const pageName = (u) => {
      try {
        const url = new URL(u);
        if (url.origin + '/' === base) {
          return decodeURIComponent(url.pathname).replace(/^\//, '') || 'index.html';
        }
      } catch {
        /* fall through */
      }
      return u;
    };

    // A browser context of its own (as a private window has), and
    // every target in it attached as it starts, held until it is watched:
    // the page, its frames and workers, and any popup.  `where` names the
    // page being checked, for the messages.
    let where = '';
    const { browserContextId: ctx } = await browser.send('Target.createBrowserContext');
    const ours = new Set(); // sessions of targets in ctx
    let main = null; // the one tab that does all the work
    let mainReady;
    const mainWatched = new Promise((resolve, reject) => {
      mainReady = { resolve, reject };
    });
    const watch = async ({ sessionId: sid, targetInfo: t }) => {
      const send = (m, p) => browser.send(m, p, sid);
      if (t.browserContextId !== ctx || !WATCHED.has(t.type)) {
        // the start page of the default context, and Chromium's own UI
        // (browser_ui: chrome://omnibox-popup...): not the site's
        await send('Runtime.runIfWaitingForDebugger').catch(() => {});
        return;
      }
      ours.add(sid);
      const isPage = t.type === 'page';
      const popup = isPage && main !== null;
      if (isPage && !popup) main = sid;
      if (popup) fail(where, `page opened a popup${t.url ? `: ${t.url}` : ''}`);
      const framed = isPage || t.type === 'iframe';
      // Requests are counted and non-local ones aborted in every target
      // (the Fetch domain pauses each request until it is let through).
      const needed = [
        send('Network.enable'),
        send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }),
        send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }),
      ];
      if (framed) {
        needed.push(send('Page.enable'), send('Runtime.enable'), send('Log.enable'));
        needed.push(send('Network.setBypassServiceWorker', { bypass: true }));
      } else {
        needed.push(send('Runtime.enable').catch(() => {}));
      }
      if (isPage && !popup) {
        needed.push(
          send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false }),
        );
      }
      // a worker may lack a domain a page has; a page or frame may not
      const settled = await Promise.allSettled(needed);
      const bad = settled.find((r) => r.status === 'rejected');
      if (bad && framed) throw bad.reason;
      await send('Runtime.runIfWaitingForDebugger');
      if (popup) await browser.send('Target.closeTarget', { targetId: t.targetId }).catch(() => {});
      if (main === sid) mainReady.resolve();
    };
    browser.on('Target.attachedToTarget', (p) => {
      watch(p).catch((e) => {
        if (p.targetInfo.type === 'page' && main === p.sessionId) mainReady.reject(e);
        else fail(where, `cannot watch ${p.targetInfo.type} ${p.targetInfo.url}: ${e.message}`);
      });
    });
    browser.on('Target.detachedFromTarget', (p) => ours.delete(p.sessionId));

    const urls = new Map(); // requestId -> URL
    const docStatus = new Map(); // loaderId -> HTTP status of the document
    const badLoads = new Set(); // local URLs already reported as not loaded
    browser.on('Fetch.requestPaused', (p, sid) => {
      if (!ours.has(sid)) return;
      // Abort anything that would leave the machine; Network.requestWillBeSent
      // below still sees it and reports it.
      const cmd = isLocal(p.request.url)
        ? browser.send('Fetch.continueRequest', { requestId: p.requestId }, sid)
        : browser.send('Fetch.failRequest', { requestId: p.requestId, errorReason: 'BlockedByClient' }, sid);
      cmd.catch(() => {}); // the target may be gone already
    });
    browser.on('Network.requestWillBeSent', (p, sid) => {
      if (!ours.has(sid)) return;
      urls.set(p.requestId, p.request.url);
      if (!isLocal(p.request.url)) fail(where, `request to a non-local address: ${p.request.url}`);
    });
    browser.on('Network.webSocketCreated', (p, sid) => {
      if (ours.has(sid) && !isLocal(p.url)) fail(where, `websocket to a non-local address: ${p.url}`);
    });
    browser.on('Network.responseReceived', (p, sid) => {
      if (!ours.has(sid)) return;
      const { url, status } = p.response;
      if (sid === main && p.type === 'Document') docStatus.set(p.loaderId, status);
      if (status >= 400 && isLocal(url) && !url.endsWith('/favicon.ico')) {
        badLoads.add(url);
        fail(where, `HTTP ${status} for ${pageName(url)}`);
      }
    });
    browser.on('Network.loadingFailed', (p, sid) => {
      const url = urls.get(p.requestId);
      if (!ours.has(sid) || url === undefined) return;
      if (isLocal(url) && !badLoads.has(url)) {
        badLoads.add(url);
        fail(where, `request failed: ${pageName(url)} (${p.errorText})`);
      }
    });
    // Errors logged by a script (console.error) or by Chromium itself.
    // "Failed to load resource" is already reported by the request, response
    // and loadingFailed listeners above (the URL is in them); Chromium asks
    // for /favicon.ico on its own and a site needs none.
    const consoleError = (text, from) => {
      if (/^Failed to load resource/.test(text) && from) return;
      fail(where, `console error: ${text}`);
    };
    const argText = (a) =>
      a.value !== undefined ? String(a.value) : a.unserializableValue || a.description || a.type;
    browser.on('Runtime.consoleAPICalled', (p, sid) => {
      if (!ours.has(sid) || p.type !== 'error') return;
      consoleError(p.args.map(argText).join(' '), p.stackTrace?.callFrames?.[0]?.url || '');
    });
    browser.on('Log.entryAdded', ({ entry }, sid) => {
      if (ours.has(sid) && entry.level === 'error') consoleError(entry.text, entry.url || '');
    });
    browser.on('Runtime.exceptionThrown', ({ exceptionDetails: d }, sid) => {
      if (!ours.has(sid)) return;
      const msg = (d.exception?.description || d.text || '').split('\n')[0];
      fail(where, `page error: ${msg}`);
    });

    await browser.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
    await browser.send('Target.createTarget', { url: 'about:blank', browserContextId: ctx });
    let timer;
    await Promise.race([
      mainWatched,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('the new tab was not attached')), TIMEOUT_MS);
      }),
    ]).finally(() => clearTimeout(timer));

    const send = (method, params) => browser.send(method, params, main);
    // The value of FN(...ARGS), FN run in the page (its source is sent).
    const evaluate = async (fn, ...args) => {
      const expression = `(${fn})(${args.map((a) => JSON.stringify(a)).join(', ')})`;
      const r = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
      if (r.exceptionDetails) {
        const d = r.exceptionDetails;
        throw new Error(`in ${where}: ${(d.exception?.description || d.text).split('\n')[0]}`);
      }
      return r.result.value;
    };
    const emulateMedia = (media) => send('Emulation.setEmulatedMedia', { media });

    const open = async (rel) => {
      where = rel;
      const loaded = browser.waitFor('Page.loadEventFired', main, () => true, TIMEOUT_MS);
      loaded.catch(() => {}); // awaited below; moot when the navigation fails
      const nav = await send('Page.navigate', { url: base + rel });
      if (nav.errorText) {
        fail(where, `could not load (${nav.errorText})`);
        return;
      }
      await loaded;
      pagesLoaded++;
      const status = docStatus.get(nav.loaderId);
      if (!(status >= 200 && status < 300)) fail(where, `could not load (HTTP ${status ?? 'none'})`);
    };

    // Every local link on a page must name a file that is in the folder.
    const checkLocalLinks = async () => {
      const hrefs = await evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.href));
      for (const h of hrefs) {
        if (!isLocal(h) || h.startsWith('data:')) continue;
        const url = new URL(h);
        const target = pageName(url.origin + url.pathname);
        if (target && !fileSet.has(target)) fail(where, `link to missing page ${target}`);
      }
      return hrefs;
    };

    // Print media must not hide the main content (charts and tables).
    const checkPrint = async () => {
      await emulateMedia('print');
      const hidden = await evaluate(() => {
        const bad = [];
        const main = document.querySelector('main') || document.body;
        const box = main.getBoundingClientRect();
        if (getComputedStyle(main).display === 'none' || box.width === 0 || box.height === 0) {
          return [`<${main.tagName.toLowerCase()}> has no size`];
        }
        document.querySelectorAll('svg.chart, table').forEach((el, i) => {
          const r = el.getBoundingClientRect();
          const cs = getComputedStyle(el);
          if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden') {
            const label = el.getAttribute('aria-label') || el.querySelector('caption')?.textContent || '';
            bad.push(`${el.tagName.toLowerCase()} #${i + 1} ${label.trim().slice(0, 40)}`.trim());
          }
        });
        return bad;
      });
      for (const h of hidden) fail(where, `hidden when printed: ${h}`);
      await emulateMedia('screen');
    };

    // ---- index.html
    {
      await open('index.html');
      const charts = await evaluate(() =>
        [...document.querySelectorAll('svg.chart')].map((s) => {
          const r = s.getBoundingClientRect();
          const shapes = [...s.querySelectorAll('rect, path, circle, line, polyline, polygon, ellipse')];
          const drawn = shapes.filter((e) => {
            const b = e.getBoundingClientRect();
            return b.width > 0 || b.height > 0;
          }).length;
          return {
            w: r.width,
            h: r.height,
            shapes: shapes.length,
            drawn,
            label: (s.getAttribute('aria-label') || '').trim(),
            role: s.getAttribute('role'),
          };
        }),
      );
      if (charts.length < MIN_CHARTS) {
        fail('index.html', `${charts.length} svg.chart elements, want at least ${MIN_CHARTS}`);
      }
      charts.forEach((c, i) => {
        const id = `chart ${i + 1}${c.label ? ` "${c.label.slice(0, 40)}"` : ''}`;
        if (c.w === 0 || c.h === 0) fail('index.html', `${id} has an empty bounding box (${c.w}x${c.h})`);
        if (c.shapes === 0) fail('index.html', `${id} has no rect/path/circle/line inside`);
        else if (c.drawn === 0) fail('index.html', `${id}: none of its ${c.shapes} shapes has a size`);
        if (!c.label) fail('index.html', `${id} has no aria-label`);
        if (c.role !== 'img') fail('index.html', `${id} has role=${JSON.stringify(c.role)}, want "img"`);
      });
      const hrefs = await checkLocalLinks();
      const linked = new Set(
        hrefs.filter((h) => h.startsWith(base)).map((h) => pageName(new URL(h).origin + new URL(h).pathname)),
      );
      for (const p of [...tablePages, 'findings.html']) {
        if (!linked.has(p)) fail('index.html', `no link to ${p}`);
      }
      if (shot) {
        // the whole page, not just the viewport
        const m = await send('Page.getLayoutMetrics');
        const size = m.cssContentSize || m.contentSize;
        const png = await send('Page.captureScreenshot', {
          format: 'png',
          captureBeyondViewport: true,
          clip: { x: 0, y: 0, width: Math.ceil(size.width), height: Math.ceil(size.height), scale: 1 },
        });
        await writeFile(shot, Buffer.from(png.data, 'base64'));
      }
      await checkPrint();
      console.log(`index.html: ${charts.length} charts, ${linked.size} linked pages`);
    }

    // ---- NN.html table pages
    for (const name of tablePages) {
      await open(name);
      const t = await evaluate(() => {
        const tables = document.querySelectorAll('table');
        const out = { tables: tables.length };
        const table = tables[0];
        if (!table) return out;
        const r = table.getBoundingClientRect();
        out.w = r.width;
        out.h = r.height;
        out.caption = (table.caption?.textContent || '').trim();
        out.colHeads = table.querySelectorAll('th[scope="col"]').length;
        out.noScope = [...table.querySelectorAll('th')].filter(
          (th) => !['col', 'row', 'colgroup', 'rowgroup'].includes(th.getAttribute('scope')),
        ).length;
        const bodyRows = table.tBodies.length
          ? [...table.tBodies].reduce((n, tb) => n + tb.rows.length, 0)
          : [...table.rows].filter((row) => !row.closest('thead, tfoot')).length;
        out.rows = bodyRows;
        const nums = [...table.querySelectorAll('td.num')];
        out.nums = nums.length;
        out.badAlign = [];
        out.badDigits = [];
        for (const td of nums) {
          const cs = getComputedStyle(td);
          const ref = `row ${td.parentElement.rowIndex + 1} col ${td.cellIndex + 1} "${td.textContent.trim().slice(0, 20)}"`;
          if (cs.textAlign !== 'right' && cs.textAlign !== 'end') out.badAlign.push(`${ref} (${cs.textAlign})`);
          if (!cs.fontVariantNumeric.includes('tabular-nums')) {
            out.badDigits.push(`${ref} (${cs.fontVariantNumeric})`);
          }
        }
        return out;
      });
      if (t.tables !== 1) fail(name, `${t.tables} <table> elements, want exactly 1`);
      if (t.tables > 0) {
        if (!t.caption) fail(name, 'table has no caption (or an empty one)');
        if (t.colHeads === 0) fail(name, 'table has no th[scope=col]');
        if (t.noScope > 0) fail(name, `${t.noScope} <th> without scope=col/row`);
        if (t.w === 0 || t.h === 0) fail(name, `table has an empty bounding box (${t.w}x${t.h})`);
        const list = (a) => a.slice(0, 3).join('; ') + (a.length > 3 ? `; and ${a.length - 3} more` : '');
        if (t.badAlign.length) {
          fail(name, `${t.badAlign.length} td.num not right-aligned: ${list(t.badAlign)}`);
        }
        if (t.badDigits.length) {
          fail(name, `${t.badDigits.length} td.num without tabular-nums: ${list(t.badDigits)}`);
        }
        console.log(`${name}: ${t.rows} rows, ${t.nums} amount cells`);
      }
      await checkLocalLinks();
      await checkPrint();
    }

    // ---- findings.html
    if (fileSet.has('findings.html')) {
      await open('findings.html');
      const anchors = await evaluate(() =>
        [...document.querySelectorAll('a[href*="#"]')].map((a) => ({ href: a.href, raw: a.getAttribute('href') })),
      );
      await checkLocalLinks();
      // Group the fragment links by the page they point at.
      const wanted = new Map(); // page name -> [{ id, raw }]
      for (const { href, raw } of anchors) {
        if (!href.startsWith(base)) {
          fail('findings.html', `link ${raw} does not point into the site`);
          continue;
        }
        const url = new URL(href);
        const id = decodeURIComponent(url.hash.slice(1));
        const target = pageName(url.origin + url.pathname);
        if (!id) fail('findings.html', `link ${raw} has an empty fragment`);
        else if (fileSet.has(target)) {
          // a missing target page was already reported by checkLocalLinks
          if (!wanted.has(target)) wanted.set(target, []);
          wanted.get(target).push({ id, raw });
        }
      }
      // findings.html itself first (it is loaded), then each target once.
      const order = [...wanted.keys()].sort((x, y) => (y === 'findings.html') - (x === 'findings.html'));
      let ok = 0;
      for (const target of order) {
        if (target !== 'findings.html') await open(target);
        const ids = new Set(await evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id)));
        for (const { id, raw } of wanted.get(target)) {
          if (ids.has(id)) ok++;
          else fail('findings.html', `link ${raw}: no element with id "${id}" in ${target}`);
        }
      }
      console.log(`findings.html: ${anchors.length} anchor links, ${ok} resolved`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return report(failures, t0, pagesLoaded, shot);
}

function report(failures, t0, pagesLoaded, shot) {
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const uniq = [...new Set(failures)];
  if (shot && pagesLoaded > 0) console.log(`screenshot: ${shot}`);
  if (uniq.length === 0) {
    console.log(`check-html: OK, ${pagesLoaded} page loads in ${secs}s`);
    process.exit(0);
  }
  console.log(`check-html: FAILED, ${uniq.length} problem(s) in ${pagesLoaded} page loads (${secs}s):`);
  for (const f of uniq) console.log(`  FAIL ${f}`);
  process.exit(1);
}

main().catch((e) => {
  process.stderr.write(`check-html: ${e.stack || e}\n`);
  process.exit(2);
});
