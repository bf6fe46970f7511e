// Opens a ConfigSpec HTML report in a real headless Chromium and prints what a person would see, as one JSON object
// on stdout, for org.configspec.report.html.HtmlReportBrowserTest to check:
//   node check-report.cjs REPORT.html OUT_DIR DEVICE_FILTER
// Every request whose URL is not file: or data: is aborted and listed; console errors, page errors and failed
// requests are listed. Then: the marks of every chart are counted; the first point of the goodput chart is hovered
// and the tooltip read; the first point of the Pareto front is clicked (pinned); a screenshot of each chart is saved
// under OUT_DIR; the device filter is set and the marks counted again.
// Needs NODE_PATH to point at the node_modules scripts/setup installs (.cache/browser/node_modules).
'use strict';
const path = require('path');
const fs = require('fs');
const chromium = require('@sparticuz/chromium').default || require('@sparticuz/chromium');
const puppeteer = require('puppeteer-core');

const [file, outDir, device] = process.argv.slice(2);
const CHARTS = ['goodput', 'cost', 'energy', 'pareto', 'sweep', 'alpha', 'survival', 'speed', 'power', 'validation'];

async function counts(page) {
  return page.evaluate((charts) => {
    const out = {};
    for (const id of charts) {
      const s = document.getElementById('chart-' + id);
      out[id] = {
        points: s.querySelectorAll('g.points_marks > path').length,
        front: s.querySelectorAll('g.front_marks > path').length,
        optima: s.querySelectorAll('g.optima_marks > path').length,
        errors: s.querySelectorAll('g.errors_marks > path').length,
        noData: Array.from(s.querySelectorAll('.nodata')).map((p) => p.textContent.trim()),
        svg: s.querySelectorAll('svg').length,
      };
    }
    return out;
  }, CHARTS);
}

async function waitRenders(page, n) {
  await page.waitForFunction((k) => Number(document.body.dataset.renders || 0) >= k, { timeout: 60000 }, n);
}

async function center(page, selector) {
  const box = await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) { return null; }
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, selector);
  if (!box) { throw new Error('nothing matches ' + selector); }
  return box;
}

// Starting the single-process headless Chromium now and then dies at once on a shared machine ("Failed to launch the
// browser process: Code: null", empty stderr; seen once in a fresh-clone test run, then 3 of 3 launches fine): a
// launch that fails is tried again, at most three times, each failure logged. Nothing after the launch is retried.
async function launch() {
  for (let attempt = 1; ; attempt++) {
    try {
      return await puppeteer.launch({
        executablePath: await chromium.executablePath(),
        args: chromium.args,
        headless: true,
        defaultViewport: { width: 1400, height: 1000 },
      });
    } catch (e) {
      if (attempt >= 3) { throw e; }
      console.error('check-report: browser launch ' + attempt + ' failed, trying again: ' + String(e.message).split('\n')[0]);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

(async () => {
  const result = { consoleErrors: [], pageErrors: [], failedRequests: [], blockedRequests: [], requests: [] };
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const url = req.url();
      result.requests.push(url.slice(0, 200));
      if (url.startsWith('file:') || url.startsWith('data:')) {
        req.continue();
      } else {
        result.blockedRequests.push(url);
        req.abort();
      }
    });
    page.on('requestfailed', (req) => {
      result.failedRequests.push(req.url() + ' ' + (req.failure() ? req.failure().errorText : ''));
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') { result.consoleErrors.push(msg.text()); }
    });
    page.on('pageerror', (err) => result.pageErrors.push(String(err)));

    await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
    await waitRenders(page, 1);
    result.title = await page.title();
    result.selection = await page.$eval('#selection', (el) => el.textContent);
    result.header = await page.$eval('header dl', (el) => el.innerText);
    result.licences = await page.$eval('#licences', (el) => el.textContent);
    result.before = await counts(page);

    // hover the first point of the goodput chart and read the tooltip, key by key
    const hovered = await center(page, '#chart-goodput g.points_marks > path');
    await page.mouse.move(hovered.x, hovered.y);
    await page.waitForSelector('#vg-tooltip-element.visible', { timeout: 10000 });
    result.tooltip = await page.$$eval('#vg-tooltip-element tr', (rows) => {
      const o = {};
      rows.forEach((tr) => {
        const k = tr.querySelector('.key');
        const v = tr.querySelector('.value');
        if (k && v) { o[k.textContent.replace(/:$/, '')] = v.textContent; }
      });
      return o;
    });

    // click the first point of the Pareto front: it is pinned in the table below the chart
    const front = await center(page, '#chart-pareto g.front_marks > path');
    await page.mouse.click(front.x, front.y);
    await page.waitForSelector('#pinned tbody tr', { timeout: 10000 });
    result.pinned = await page.$$eval('#pinned tbody tr', (rows) => rows.map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => td.textContent)));

    fs.mkdirSync(outDir, { recursive: true });
    result.screenshots = [];
    for (const id of CHARTS) {
      const el = await page.$('#chart-' + id);
      const png = path.join(outDir, 'chart-' + id + '.png');
      await el.screenshot({ path: png });
      result.screenshots.push(png);
    }

    await page.select('#filter-device', device);
    await waitRenders(page, 2);
    result.after = await counts(page);
    await page.select('#filter-objective', 'energy');
    await waitRenders(page, 3);
    result.afterObjective = await counts(page);
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(result) + '\n');
})().catch((err) => {
  process.stderr.write('check-report: ' + (err && err.stack ? err.stack : err) + '\n');
  process.exit(1);
});
