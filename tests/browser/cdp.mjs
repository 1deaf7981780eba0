// A minimal Chrome DevTools Protocol client over a pipe, for check-html.mjs.
//
// Why no browser driver (playwright-core, puppeteer-core): the test has to
// pass on a fresh Debian 12 with Debian's own packages, whose nodejs is 18
// and whose chromium follows Chrome's stable releases (156 in bookworm-
// security at the time of writing).  The drivers that still run on Node 18
// (playwright-core <= 1.61, puppeteer-core <= 24) are frozen at a Chromium
// several releases older, and no later version will run there; a driver
// pinned today would drift further from the browser it drives with every
// Debian security update.  The DevTools protocol's stable domains (Target,
// Page, Runtime, Network, Fetch, Emulation, Log) are what those drivers use
// underneath, they change far more slowly than the drivers do, and talking
// to them over --remote-debugging-pipe needs nothing but Node's own modules:
// no npm package, no registry, no lock file, any Node from 18 on.
//
// The pipe: Chromium reads commands from its fd 3 and writes replies and
// events to its fd 4, each message a JSON text ended by a NUL byte.  With
// "flat" sessions every message to or from a target carries its sessionId.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export class CdpError extends Error {}

// Start CHROMIUM headless with a new profile; resolves to a Browser once the
// protocol answers.
export async function launch(executable, args = [], { timeoutMs = 30000 } = {}) {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'check-html-'));
  const child = spawn(
    executable,
    [...args, '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const browser = new Browser(child, profile, timeoutMs);
  try {
    await new Promise((resolve, reject) => {
      child.once('error', reject); // e.g. ENOENT: no such executable
      child.once('spawn', resolve);
    });
    const v = await browser.send('Browser.getVersion');
    browser.version = v.product;
  } catch (e) {
    await browser.close();
    throw new CdpError(`${e.message}${browser.stderrTail()}`);
  }
  return browser;
}

export class Browser {
  constructor(child, profile, timeoutMs) {
    this.child = child;
    this.profile = profile;
    this.timeoutMs = timeoutMs;
    this.nextId = 1;
    this.pending = new Map(); // id -> { resolve, reject, method, timer }
    this.listeners = new Map(); // method -> [fn(params, sessionId)]
    this.stderr = '';
    this.exited = false;
    this.version = '';
    child.stderr.on('data', (d) => {
      this.stderr = (this.stderr + d.toString()).slice(-4000);
    });
    let buf = Buffer.alloc(0);
    child.stdio[4].on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      let end;
      while ((end = buf.indexOf(0)) >= 0) {
        const text = buf.subarray(0, end).toString('utf8');
        buf = buf.subarray(end + 1);
        this.dispatch(JSON.parse(text));
      }
    });
    child.stdio[3].on('error', () => {}); // EPIPE once Chromium is gone: see 'exit'
    child.once('exit', (code, signal) => {
      this.exited = true;
      const why = `Chromium exited (${signal || `status ${code}`})${this.stderrTail()}`;
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(new CdpError(`${p.method}: ${why}`));
      }
      this.pending.clear();
    });
  }

  stderrTail() {
    const t = this.stderr.trim().split('\n').slice(-5).join('\n  ');
    return t ? `\n  chromium stderr: ${t}` : '';
  }

  dispatch(msg) {
    if (msg.id !== undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.error) p.reject(new CdpError(`${p.method}: ${msg.error.message}${msg.error.data ? ` (${msg.error.data})` : ''}`));
      else p.resolve(msg.result);
      return;
    }
    for (const fn of this.listeners.get(msg.method) || []) {
      try {
        fn(msg.params, msg.sessionId);
      } catch (e) {
        process.stderr.write(`cdp: listener for ${msg.method}: ${e.stack || e}\n`);
      }
    }
  }

  // A command to the browser, or to the target of SESSIONID.
  send(method, params = {}, sessionId = undefined) {
    if (this.exited) return Promise.reject(new CdpError(`${method}: Chromium is not running`));
    const id = this.nextId++;
    const msg = { id, method, params };
    if (sessionId) msg.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new CdpError(`${method}: no answer in ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, method, timer });
      this.child.stdio[3].write(JSON.stringify(msg) + '\0');
    });
  }

  on(method, fn) {
    if (!this.listeners.has(method)) this.listeners.set(method, []);
    this.listeners.get(method).push(fn);
    return () => {
      const l = this.listeners.get(method);
      l.splice(l.indexOf(fn), 1);
    };
  }

  // The next METHOD event of SESSIONID that PRED accepts.
  waitFor(method, sessionId, pred = () => true, timeoutMs = this.timeoutMs) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new CdpError(`no ${method} in ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.on(method, (params, sid) => {
        if (sid !== sessionId || !pred(params)) return;
        clearTimeout(timer);
        off();
        resolve(params);
      });
    });
  }

  async close() {
    if (!this.exited && this.child.pid !== undefined) {
      const gone = new Promise((resolve) => this.child.once('exit', resolve));
      this.send('Browser.close').catch(() => {});
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    }
    await rm(this.profile, { recursive: true, force: true }).catch(() => {});
  }
}
