/// <reference lib="dom" />
/**
 * report.html in a real browser: Debian's headless Chromium driven by playwright-core (never a
 * downloaded browser). Opens the bundled example's report from disk and checks: no console errors,
 * no network request, the map draws one node per person, hover and search work, the colour toggle
 * switches to communities, every section is present; takes screenshots of the map and of the first
 * screen at two widths and checks their sizes. Then opens a report made from hostile names and groups
 * and checks that none of them runs or renders as markup. The screenshots go to a temporary folder;
 * `npm run docs:screenshots` (ORGRAPH_SCREENSHOTS=docs) writes them to docs/ for the README instead,
 * so that a plain test run never rewrites tracked files.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { REPORT_SECTIONS } from '../../src/report/html.js';
import { groupedTies, HOSTILE, hostilePeople, writeDataset } from '../report/fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
/** Where screenshots go: docs/ only when asked (they are tracked files the README shows). */
const SHOTS_TO_DOCS = process.env.ORGRAPH_SCREENSHOTS === 'docs';
const ENRON = resolve('test/fixtures/datasets/enron-email');
/** axe-core's browser build, run inside the page (devDependency, exact version). */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [1400, 375] as const;

/** A PNG's width and height in pixels, read from its IHDR chunk (bytes 16-23, big-endian). */
function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

async function analyze(args: string[]): Promise<void> {
  let err = '';
  const code = await run(['analyze', '--quiet', ...args], { out: () => {}, err: (s) => void (err += s), isTTY: false });
  if (code !== 0) throw new Error(`analyze failed (${code}): ${err}`);
}

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
  dialogs: string[];
}

describe.runIf(existsSync(CHROMIUM))('report.html in headless Chromium', () => {
  let context: BrowserContext;
  let exampleDir: string;
  let hostileDir: string;
  let enronDir: string;
  let shotsDir: string;

  beforeAll(async () => {
    const base = mkdtempSync(join(tmpdir(), 'orgraph-browser-'));
    exampleDir = join(base, 'example');
    hostileDir = join(base, 'hostile');
    enronDir = join(base, 'enron');
    shotsDir = SHOTS_TO_DOCS ? resolve('docs') : join(base, 'screenshots');
    mkdirSync(shotsDir, { recursive: true });
    await analyze(['--out', exampleDir]);
    await analyze([ENRON, '--group', 'role', '--out', enronDir]);
    await analyze([writeDataset(hostilePeople(), groupedTies([5, 5])), '--group', 'department', '--out', hostileDir]);
    context = await chromium.launchPersistentContext(join(base, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1200, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await context?.close();
  });

  async function open(dir: string, width = 1200): Promise<Opened> {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
    const errors: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const url = pathToFileURL(join(dir, 'report.html')).href;
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { orgraphMap?: unknown }).orgraphMap !== undefined, undefined, {
      timeout: 15_000,
    });
    // Only the report file itself is loaded: no script, style, image or data request of any kind.
    expect(requests).toEqual([url]);
    return { page, errors, requests, dialogs };
  }

  it('opens the example report with no console error and no network request, one map node per person', async () => {
    const { page, errors, requests } = await open(exampleDir);
    const people = readFileSync(join(exampleDir, 'people.csv'), 'utf8').trim().split(/\r?\n/).length - 1;
    expect(people).toBe(167);
    const drawn = await page.evaluate(() => {
      const m = (
        window as unknown as {
          orgraphMap: { graph: { order: number; nodes(): string[] }; renderer: { getNodeDisplayData(n: string): unknown } };
        }
      ).orgraphMap;
      return { order: m.graph.order, displayed: m.graph.nodes().filter((n) => m.renderer.getNodeDisplayData(n) !== undefined).length };
    });
    expect(drawn).toEqual({ order: people, displayed: people });
    expect(await page.locator('#map-view canvas').count()).toBeGreaterThan(0);
    expect(await page.getAttribute('#map-view', 'data-nodes')).toBe(String(people));
    await page.waitForTimeout(300);
    expect(errors).toEqual([]);
    expect(requests).toHaveLength(1);
    await page.close();
  });

  it('has every section, each with its plain-language sentence', async () => {
    const { page, errors } = await open(exampleDir);
    for (const id of REPORT_SECTIONS) {
      const text = await page.locator(`section#${id} > p.explain`).textContent();
      expect(text?.length ?? 0, id).toBeGreaterThan(40);
    }
    expect(await page.locator('#brokers table tr').count()).toBeGreaterThan(1);
    expect(await page.locator('#heatmap table.heat td').count()).toBeGreaterThan(4);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds a person with the search box, shows their figures on hover, and colours by community', async () => {
    const { page, errors } = await open(exampleDir);
    await page.locator('#map-view').scrollIntoViewIfNeeded();
    await page.fill('#map-search', '86');
    await expect.poll(() => page.textContent('#map-status'), { timeout: 10_000 }).toBe('Found: 86');
    expect(await page.locator('#map-tip').isVisible()).toBe(true);
    expect(await page.textContent('#map-tip')).toMatch(/^86Group/);
    await page.fill('#map-search', 'nobody-by-this-name');
    await expect.poll(() => page.textContent('#map-status'), { timeout: 10_000 }).toMatch(/No person on the map matches/);
    await page.fill('#map-search', '');
    // The camera's reset animation (200 ms) must be over before a node's place on screen is read (slow under load).
    await page.waitForFunction(
      () =>
        !(window as unknown as { orgraphMap: { renderer: { getCamera(): { isAnimated(): boolean } } } }).orgraphMap.renderer
          .getCamera()
          .isAnimated(),
      undefined,
      { timeout: 10_000 },
    );
    await page.waitForTimeout(200);
    // Hover: move the mouse onto the largest node.
    const point = await page.evaluate(() => {
      const m = (
        window as unknown as {
          orgraphMap: {
            graph: { nodes(): string[]; getNodeAttribute(n: string, a: string): number };
            renderer: {
              getNodeDisplayData(n: string): { x: number; y: number };
              framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
            };
          };
        }
      ).orgraphMap;
      const node = m.graph.nodes().sort((a, b) => m.graph.getNodeAttribute(b, 'size') - m.graph.getNodeAttribute(a, 'size'))[0];
      const p = m.renderer.framedGraphToViewport(m.renderer.getNodeDisplayData(node));
      const box = document.getElementById('map-view')!.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => page.locator('#map-tip').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.textContent('#map-tip')).toMatch(/Betweenness/);
    await page.mouse.move(5, 5);
    await page.check('input[name="map-colour"][value="community"]');
    expect(await page.locator('#map-legend li').first().textContent()).toMatch(/^Community|^Other/);
    await page.check('input[name="map-colour"][value="group"]');
    // A screenshot of the map section: as wide as the section's box on the 1200 px page.
    await page.evaluate(() => document.getElementById('map-view')!.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(300);
    const shot = join(shotsDir, 'report-screenshot.png');
    await page.locator('section#map').screenshot({ path: shot });
    const box = await page.locator('section#map').boundingBox();
    expect(box).not.toBeNull();
    const size = pngSize(shot);
    expect(size.width).toBe(Math.round(box!.width));
    expect(size.width).toBeLessThanOrEqual(1200);
    expect(size.height).toBeGreaterThan(200);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows hostile names and groups as text: nothing runs, no markup from the data is rendered', async () => {
    const { page, errors, dialogs } = await open(hostileDir);
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      injectedImg: document.querySelectorAll('img').length,
      injectedSvg: document.querySelectorAll('svg').length,
      injectedBold: document.querySelectorAll('b').length,
      scripts: document.querySelectorAll('script').length,
    }));
    // 1 JSON data block + graphology + sigma + the map script; no element came from the data.
    expect(state).toEqual({ pwned: undefined, injectedImg: 0, injectedSvg: 0, injectedBold: 0, scripts: 4 });
    expect(dialogs).toEqual([]);
    const body = (await page.textContent('body')) ?? '';
    expect(body).toContain(HOSTILE.group); // the group name shown literally
    expect(body).toContain(HOSTILE.quote.slice(0, 12));
    await page.fill('#map-search', '<img');
    await expect.poll(() => page.textContent('#map-status'), { timeout: 10_000 }).toBe(`Found: ${HOSTILE.img}`);
    expect(await page.textContent('#map-tip strong')).toBe(HOSTILE.img);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const width of WIDTHS) {
    it(`at ${width} px: no horizontal overflow, names visible, search by name, key findings first`, async () => {
      const { page, errors } = await open(enronDir, width);
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        view: window.innerWidth,
        // Any element wider than the page that is not inside a box that scrolls on its own.
        wide: Array.from(document.querySelectorAll('body *'))
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.scroll'))
          .map((el) => `${el.tagName}.${el.className}`)
          .slice(0, 5),
      }));
      expect(overflow.page).toBeLessThanOrEqual(overflow.view);
      expect(overflow.wide).toEqual([]);
      // The first section is the key findings, with a link to the section behind each one.
      expect(await page.locator('main > section').first().getAttribute('id')).toBe('findings');
      const findings = await page.locator('#findings ol.findings > li').count();
      expect(findings).toBeGreaterThanOrEqual(3);
      expect(findings).toBeLessThanOrEqual(5);
      // Names: the top broker row shows the input's name for its id, and it is visible.
      const people = new Map(
        readFileSync(join(ENRON, 'people.csv'), 'utf8')
          .trim()
          .split(/\r?\n/)
          .slice(1)
          .map((line) => {
            const [id, , name] = line.match(/("[^"]*"|[^,]*)(?:,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
            return [id, name] as const;
          }),
      );
      const first = page.locator('#brokers table tr').nth(1).locator('td').nth(1);
      const id = (await first.locator('small.id').textContent())!;
      const name = people.get(id)!;
      expect(name.length).toBeGreaterThan(3);
      expect((await first.textContent())!.startsWith(name)).toBe(true);
      await first.scrollIntoViewIfNeeded();
      expect(await first.isVisible()).toBe(true);
      // Search by (part of) the name, in lower case.
      await page.locator('#map-view').scrollIntoViewIfNeeded();
      await page.fill('#map-search', name.toLowerCase());
      await expect.poll(() => page.textContent('#map-status'), { timeout: 10_000 }).toBe(`Found: ${name} (${id})`);
      expect(await page.textContent('#map-tip strong')).toBe(name);
      expect(errors).toEqual([]);
      await page.close();
    });

    it(`at ${width} px: axe-core finds no serious or critical accessibility violation`, async () => {
      for (const dir of [exampleDir, enronDir]) {
        const { page, errors } = await open(dir, width);
        await page.evaluate(AXE); // evaluated through the debugging protocol: the page's CSP does not apply
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run(c: Document, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }>;
              };
            }
          ).axe;
          const r = await axe.run(document, { resultTypes: ['violations'] });
          return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
        });
        expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      }
    });
  }

  it('every download link yields the CSV it names, byte for byte the file beside the report', async () => {
    const { page, errors } = await open(exampleDir);
    const links = await page.locator('a[download]').evaluateAll((els) => els.map((el) => el.getAttribute('download')!));
    // Every table of the report has its download: people, groups, gaps, introductions and the heatmap.
    expect(new Set(links)).toEqual(new Set(['people.csv', 'groups.csv', 'gaps.csv', 'introductions.csv', 'heatmap.csv']));
    const tmp = mkdtempSync(join(tmpdir(), 'orgraph-dl-'));
    const seen = new Set<string>();
    for (const [k, name] of links.entries()) {
      if (seen.has(name)) continue;
      seen.add(name);
      const link = page.locator('a[download]').nth(k);
      await link.scrollIntoViewIfNeeded();
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe(name);
      const path = join(tmp, name);
      await download.saveAs(path);
      const got = readFileSync(path, 'utf8');
      if (name === 'heatmap.csv') {
        // Not written to the folder: one row per pair of groups shown (and each group with itself).
        const groups = readFileSync(join(exampleDir, 'groups.csv'), 'utf8').trim().split(/\r?\n/).length - 1;
        expect(got.split('\r\n')[0]).toBe('groupA,groupB,observed,expected,ratio,z');
        expect(got.trim().split('\r\n').length - 1).toBeLessThanOrEqual((groups * (groups + 1)) / 2);
        expect(got.trim().split('\r\n').length - 1).toBeGreaterThan(groups);
      } else {
        expect(got, name).toBe(readFileSync(join(exampleDir, name), 'utf8'));
      }
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes screenshots of the first screen at both widths, each the size of its viewport', async () => {
    for (const width of WIDTHS) {
      const { page, errors } = await open(exampleDir, width);
      const path = join(shotsDir, `report-${width}.png`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path, fullPage: false });
      expect(pngSize(path)).toEqual(page.viewportSize());
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
