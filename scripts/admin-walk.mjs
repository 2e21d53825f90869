#!/usr/bin/env node
// Walks the L&D dashboard of the local stack (scripts/run-local.sh, Development) as its two users would, in
// headless Chromium (Debian's /usr/bin/chromium through playwright-core), and screenshots each step into a folder:
// 1 /admin without signing in → the Development sign-in; 2 signed in without the role → 403; 3 signed in with
// Connectoo.Admin → the programme view (FR); 4 the item analysis (NL); 5 the CSV of module 1 (its first lines printed).
// Run the rollup first: POST /dev/insights/rollup (Development only). Usage: node scripts/admin-walk.mjs OUT_DIR [BOT_URL]
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '..', 'package.json'));
const { chromium } = require('playwright-core');
const [out, bot = 'http://127.0.0.1:3978'] = process.argv.slice(2);
if (!out) { console.error('usage: node scripts/admin-walk.mjs OUT_DIR [BOT_URL]'); process.exit(2); }
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const viewer = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-BE' });
  const page = await viewer.newPage();
  let response = await page.goto(`${bot}/admin?lang=fr`);
  console.log(`1 /admin not signed in → ${page.url().replace(bot, '')} (${response.status()})`);
  await page.screenshot({ path: join(out, '1-sign-in.png'), fullPage: true });
  const tenant = await page.inputValue('input[name="tenant"]').catch(() => '');
  response = await page.goto(`${bot}/admin/dev-sign-in?as=viewer&tenant=${encodeURIComponent(tenant)}&returnUrl=/admin`);
  console.log(`2 signed in without the role → ${response.status()}: ${(await page.locator('h1').first().innerText()).trim()}`);
  await page.screenshot({ path: join(out, '2-forbidden.png'), fullPage: true });

  const admin = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-BE' });
  const adminPage = await admin.newPage();
  response = await adminPage.goto(`${bot}/admin/dev-sign-in?as=admin&tenant=${encodeURIComponent(tenant)}&returnUrl=${encodeURIComponent('/admin?lang=fr')}`);
  await adminPage.waitForTimeout(1500);
  console.log(`3 admin, programme (fr) → ${response.status()}: ${(await adminPage.locator('main').innerText()).split('\n').slice(0, 14).join(' | ')}`);
  await adminPage.screenshot({ path: join(out, '3-programme-fr.png'), fullPage: true });
  response = await adminPage.goto(`${bot}/admin/items?lang=nl`);
  await adminPage.waitForTimeout(1500);
  console.log(`4 admin, items (nl) → ${response.status()}: ${(await adminPage.locator('h1').first().innerText()).trim()}`);
  await adminPage.screenshot({ path: join(out, '4-items-nl.png'), fullPage: true });
  const link = adminPage.locator('a[href$=".csv"]');
  if (await link.count() === 0) {
    console.log('5 no CSV link on the page (a programme of fewer than 5 learners shows no figure)');
    process.exitCode = 0;
  } else {
  const href = await link.first().getAttribute('href');
  const csv = await adminPage.request.get(new URL(href, bot).toString());
  const text = await csv.text();
  writeFileSync(join(out, '5-module.csv'), text);
  console.log(`5 CSV ${href} → ${csv.status()} ${csv.headers()['content-type']}:\n${text.split('\n').slice(0, 3).join('\n')}`);
  }
} finally {
  await browser.close();
}
