// Checks HTML pages for accessibility in a real browser: each page is opened in headless
// Chromium (the system's, driven by puppeteer-core) and axe-core runs on it at WCAG 2.2 AA
// (rule tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa). Then the keyboard: Tab walks the
// page, and every link, button or field it reaches must show a focus indicator (an outline or a
// box shadow that is not there without focus).
//
// Usage: node axe_check.mjs [--chromium PATH] [--best-practice] FILE.html...
// --best-practice adds axe's best-practice rules (landmarks, one main, one h1, ...).
// Prints one line per page ("ok PAGE" or "FAIL PAGE") and each problem under it:
//   violation RULE-ID (IMPACT): HELP | TARGET | SUMMARY
//   focus: ELEMENT shows no focus indicator
// Exit 0 when every page passes, 1 when a page has a problem, 2 when it could not check.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// Tabbing stops after this many stops on a page: enough for every control of a policy page or a
// report of a few schools, and bounded for a page of thousands of links.
const MAX_TAB_STOPS = 400;

function parseArgs(argv) {
  const files = [];
  let chromium = process.env.CHROMIUM || '/usr/bin/chromium';
  const tags = [...WCAG_TAGS];
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--chromium') chromium = argv[++i];
    else if (argv[i] === '--best-practice') tags.push('best-practice');
    else files.push(argv[i]);
  }
  return { chromium, tags, files };
}

// The focused element's outline and shadow with focus, against the same without it.
async function focusProblems(page) {
  const problems = [];
  const seen = new Set();
  for (let i = 0; i < MAX_TAB_STOPS; ++i) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      if (!el.dataset.axeFocusId) el.dataset.axeFocusId = String(document.querySelectorAll('[data-axe-focus-id]').length);
      const style = getComputedStyle(el);
      const focused = {
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow,
        background: style.backgroundColor,
        decoration: style.textDecorationLine,
      };
      const label = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (el.getAttribute('href') ? '[href="' + el.getAttribute('href') + '"]' : '') +
        ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
      el.blur();
      const plain = getComputedStyle(el);
      const unfocused = { shadow: plain.boxShadow, background: plain.backgroundColor, decoration: plain.textDecorationLine };
      el.focus();
      const visible = focused.outline || focused.shadow !== unfocused.shadow || focused.background !== unfocused.background;
      return { id: el.dataset.axeFocusId, label, visible };
    });
    if (!stop) {
      if (i > 0) break;  // back at the start: every stop seen
      continue;
    }
    if (seen.has(stop.id)) break;
    seen.add(stop.id);
    if (!stop.visible) problems.push(`focus: ${stop.label} shows no focus indicator`);
  }
  return problems;
}

async function checkPage(browser, file, tags) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`script error: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  await page.setViewport({ width: 1280, height: 900 });
  // A page's Content-Security-Policy may forbid scripts (the diff pages do): axe is injected all the same.
  await page.setBypassCSP(true);
  await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load' });
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: (n.failureSummary || '').replace(/\s+/g, ' ').trim() })),
    }));
  }, tags);
  const problems = [];
  for (const v of result)
    for (const n of v.nodes) problems.push(`violation ${v.id} (${v.impact}): ${v.help} | ${n.target} | ${n.summary}`);
  problems.push(...await focusProblems(page));
  problems.push(...errors);
  await page.close();
  return problems;
}

async function main() {
  const { chromium, tags, files } = parseArgs(process.argv.slice(2));
  if (files.length === 0) {
    console.error('usage: node axe_check.mjs [--chromium PATH] [--best-practice] FILE.html...');
    return 2;
  }
  for (const f of files) {
    if (!existsSync(f)) {
      console.error(`axe_check: no such page: ${f}`);
      return 2;
    }
  }
  const profile = mkdtempSync(join(tmpdir(), 'axe-chromium-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      executablePath: chromium,
      headless: true,
      userDataDir: profile,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
    });
    let failed = 0;
    for (const f of files) {
      const problems = await checkPage(browser, f, tags);
      console.log(`${problems.length ? 'FAIL' : 'ok'} ${f}`);
      for (const p of problems) console.log(`  ${p}`);
      if (problems.length) ++failed;
    }
    console.log(`axe_check: ${files.length - failed} of ${files.length} pages pass axe-core (${tags.join(', ')}) and the focus check`);
    return failed ? 1 : 0;
  } finally {
    if (browser) await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (e) => {
  console.error(`axe_check: ${e.stack || e}`);
  process.exit(2);
});
