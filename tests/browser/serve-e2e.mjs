#!/usr/bin/env node
// Headless-Chromium end to end of `yusuan serve` (issue 15, docs/api.md):
// what a reviewer and an editor do by hand, through the pages only.
//
// usage: node serve-e2e.mjs URL SCRIPT.json
//
// SCRIPT.json is a list of steps run in order on one browser tab (one
// cookie jar): the driver knows no route, the test script (t0042) names the
// pages, the fields and what each page must then show, so that the steps are
// data and a new page is a new step, not new code.  A step:
//
//   {"do": "goto", "path": "/login"}
//   {"do": "fill", "sel": "CSS", "value": "text"}     an input, select or textarea
//   {"do": "files", "sel": "CSS", "paths": ["/abs/file"]}  a file input
//   {"do": "submit", "sel": "CSS"}                    click a button; wait for the next page
//   {"do": "click", "sel": "CSS"}                     click a link; wait for the next page
//   {"do": "until", "sel": "CSS", "text": "…", "reload": true, "seconds": 60}
//                                                      wait until an element shows the text
//   {"do": "expect", "sel": "CSS", "text": "…"}       the element exists (and has the text)
//   {"do": "expect_not", "sel": "CSS", "text": "…"}   no such element (with the text)
//   {"do": "count", "sel": "CSS", "min": N}           at least N elements
//   {"do": "keep", "sel": "CSS", "as": "NAME", "attr": "href"}
//                                                      remember a text or attribute; "{NAME}"
//                                                      in a later step's strings is replaced
//   {"do": "image", "sel": "CSS"}                     an <img> loaded and drawn (its natural size > 0)
//   {"do": "fetch", "path": "/…", "status": 200, "type": "text/…", "min_bytes": N}
//                                                      a request with the tab's cookies
//
// Every page must answer 2xx or 3xx, request nothing from another host, log
// no error and throw nothing.  Each step prints one line; exit status 0
// when every step passed, 1 at the first that failed (with the page's URL
// and text), 2 on a usage error or when Chromium could not start.
import { readFile } from 'node:fs/promises';
import { launch } from './cdp.mjs';

const TIMEOUT_MS = 30000;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function usage(msg) {
  if (msg) process.stderr.write(`serve-e2e: ${msg}\n`);
  process.stderr.write('usage: node serve-e2e.mjs URL SCRIPT.json\n');
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

async function main() {
  const [base, scriptPath] = process.argv.slice(2);
  if (!base || !scriptPath) usage();
  let steps;
  try {
    steps = JSON.parse(await readFile(scriptPath, 'utf8'));
  } catch (e) {
    usage(`cannot read ${scriptPath}: ${e.message}`);
  }
  const browser = await launch(
    process.env.CHROMIUM || '/usr/bin/chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-extensions', '--disable-sync', '--no-first-run', '--mute-audio'],
    { timeoutMs: TIMEOUT_MS },
  ).catch((e) => {
    process.stderr.write(`serve-e2e: cannot start Chromium: ${e.message}\n`);
    process.exit(2);
  });
  const problems = [];
  const kept = {};
  const subst = (s) => (typeof s === 'string' ? s.replace(/\{(\w+)\}/g, (m, k) => (k in kept ? kept[k] : m)) : s);
  let n = 0;
  try {
    const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId: sid } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
    const send = (m, p) => browser.send(m, p, sid);
    await Promise.all([send('Page.enable'), send('Runtime.enable'), send('Log.enable'), send('Network.enable'),
      send('DOM.enable'), send('Fetch.enable', { patterns: [{ urlPattern: '*' }] })]);
    browser.on('Fetch.requestPaused', (p, s) => {
      if (s !== sid) return;
      const cmd = isLocal(p.request.url)
        ? browser.send('Fetch.continueRequest', { requestId: p.requestId }, sid)
        : browser.send('Fetch.failRequest', { requestId: p.requestId, errorReason: 'BlockedByClient' }, sid);
      if (!isLocal(p.request.url)) problems.push(`request to another host: ${p.request.url}`);
      cmd.catch(() => {});
    });
    browser.on('Network.responseReceived', (p, s) => {
      if (s !== sid || p.type !== 'Document') return;
      if (p.response.status >= 400) problems.push(`HTTP ${p.response.status} for ${p.response.url}`);
    });
    browser.on('Runtime.exceptionThrown', (p, s) => {
      if (s === sid) problems.push(`page error: ${(p.exceptionDetails.exception?.description || p.exceptionDetails.text).split('\n')[0]}`);
    });
    browser.on('Log.entryAdded', ({ entry }, s) => {
      if (s === sid && entry.level === 'error' && !/favicon/.test(entry.url || '')) problems.push(`console error: ${entry.text}`);
    });
    const evaluate = async (expr, arg) => {
      const r = await send('Runtime.evaluate', {
        expression: `(${expr})(${JSON.stringify(arg)})`, returnByValue: true, awaitPromise: true,
      });
      if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description || r.exceptionDetails.text);
      return r.result.value;
    };
    // an action that leads to a new page: wait for its load
    const navigating = async (action) => {
      const loaded = browser.waitFor('Page.loadEventFired', sid, () => true, TIMEOUT_MS);
      await action();
      await loaded;
    };
    const find = (sel, text) => evaluate(([s, t]) => [...document.querySelectorAll(s)]
      .filter((e) => t == null || e.textContent.includes(t)).length, [sel, text ?? null]);
    const pageText = () => evaluate(() => `${location.href}\n${document.body ? document.body.innerText.slice(0, 1500) : ''}`);

    for (const raw of steps) {
      n++;
      const st = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.map(subst) : subst(v)]));
      const what = `${n} ${st.do} ${st.path || st.sel || ''}${st.text ? ` “${st.text}”` : ''}`;
      let ok = true;
      let why = '';
      switch (st.do) {
        case 'goto':
          await navigating(() => send('Page.navigate', { url: new URL(st.path, base).href }));
          break;
        case 'fill': {
          const r = await evaluate(([s, v]) => {
            const e = document.querySelector(s);
            if (!e) return false;
            e.value = v;
            e.dispatchEvent(new Event('input', { bubbles: true }));
            e.dispatchEvent(new Event('change', { bubbles: true }));
            return true;
          }, [st.sel, st.value]);
          if (!r) [ok, why] = [false, 'no such element'];
          break;
        }
        case 'files': {
          const { root } = await send('DOM.getDocument', { depth: 0 });
          const { nodeId } = await send('DOM.querySelector', { nodeId: root.nodeId, selector: st.sel });
          if (!nodeId) [ok, why] = [false, 'no such element'];
          else await send('DOM.setFileInputFiles', { nodeId, files: st.paths });
          break;
        }
        case 'submit':
        case 'click': {
          if (!(await find(st.sel, st.text))) {
            [ok, why] = [false, 'no such element'];
            break;
          }
          await navigating(() => evaluate(([s, t]) => {
            const e = [...document.querySelectorAll(s)].find((x) => t == null || x.textContent.includes(t));
            e.click();
            return true;
          }, [st.sel, st.text ?? null]));
          break;
        }
        case 'until': {
          const end = Date.now() + (st.seconds || 60) * 1000;
          while (!(await find(st.sel, st.text))) {
            if (Date.now() > end) {
              [ok, why] = [false, `not there after ${st.seconds || 60} s`];
              break;
            }
            await new Promise((r) => setTimeout(r, 300));
            if (st.reload) await navigating(() => send('Page.reload', { ignoreCache: true }));
          }
          break;
        }
        case 'expect':
          if (!(await find(st.sel, st.text))) [ok, why] = [false, 'not on the page'];
          break;
        case 'expect_not':
          if (await find(st.sel, st.text)) [ok, why] = [false, 'on the page'];
          break;
        case 'count': {
          const c = await find(st.sel, st.text);
          if (c < st.min) [ok, why] = [false, `${c} found, wanted at least ${st.min}`];
          break;
        }
        case 'keep': {
          const v = await evaluate(([s, a]) => {
            const e = document.querySelector(s);
            if (!e) return null;
            return a ? e.getAttribute(a) : e.textContent.trim();
          }, [st.sel, st.attr || null]);
          if (v == null) [ok, why] = [false, 'no such element'];
          else kept[st.as] = v;
          break;
        }
        case 'image': {
          const end = Date.now() + 10000;
          let r;
          while ((r = await evaluate((sel) => {
            const e = document.querySelector(sel);
            return e ? { done: e.complete, w: e.naturalWidth, h: e.naturalHeight } : null;
          }, st.sel)) && !r.done && Date.now() < end) await new Promise((res) => setTimeout(res, 100));
          if (!r) [ok, why] = [false, 'no such element'];
          else if (!r.w || !r.h) [ok, why] = [false, 'the image was not drawn'];
          break;
        }
        case 'fetch': {
          // the pages' CSP allows no fetch from a page: the request is made
          // here, with the tab's cookies (what a click on a download sends)
          const url = new URL(st.path, base).href;
          const { cookies } = await send('Network.getCookies', { urls: [url] });
          const res = await fetch(url, { headers: { Cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') } });
          const bytes = (await res.arrayBuffer()).byteLength;
          const type = res.headers.get('content-type') || '';
          if (st.status && res.status !== st.status) [ok, why] = [false, `HTTP ${res.status}`];
          else if (st.type && !type.startsWith(st.type)) [ok, why] = [false, `Content-Type ${type}`];
          else if (st.min_bytes && bytes < st.min_bytes) [ok, why] = [false, `${bytes} bytes`];
          break;
        }
        default:
          usage(`step ${n}: unknown "do": ${st.do}`);
      }
      if (ok && problems.length) [ok, why] = [false, problems.join('; ')];
      if (!ok) {
        console.log(`FAIL ${what}: ${why}\n  ${(await pageText()).replace(/\n/g, '\n  ')}`);
        process.exitCode = 1;
        break;
      }
      console.log(`ok   ${what}`);
    }
  } finally {
    await browser.close();
  }
  if (!process.exitCode) console.log(`serve-e2e: OK, ${n} steps`);
}

main().catch((e) => {
  process.stderr.write(`serve-e2e: ${e.stack || e}\n`);
  process.exit(2);
});
