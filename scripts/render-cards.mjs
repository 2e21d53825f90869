#!/usr/bin/env node
// Renders Adaptive Card JSON files to PNG images with the official renderer (npm "adaptivecards") in headless
// Chromium (Debian's /usr/bin/chromium, driven by playwright-core), with a Teams-like light host config.
// Usage: node scripts/render-cards.mjs [--width <px>] <json-folder> <png-folder>
//   --width  card width in CSS pixels (default 520, the desktop chat column; 320 is the narrowest Teams mobile card)
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const adaptiveCardsJs = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.js'), 'utf8');

const args = process.argv.slice(2);
let width = 520;
const at = args.indexOf('--width');
if (at >= 0) {
  width = Number(args[at + 1]);
  args.splice(at, 2);
}
const [input, output] = args;
if (!input || !output || !Number.isInteger(width) || width < 200 || width > 1600) {
  console.error('usage: node scripts/render-cards.mjs [--width <px>] <json-folder> <png-folder>');
  process.exit(2);
}
mkdirSync(output, { recursive: true });

const hostConfig = {
  fontFamily: "'Segoe UI', 'Helvetica Neue', Arial, sans-serif",
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E1DFDD' },
  fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
  containerStyles: {
    default: { backgroundColor: '#FFFFFF', foregroundColors: {
      default: { default: '#242424', subtle: '#616161' }, good: { default: '#0E700E', subtle: '#0E700E' },
      attention: { default: '#C4314B', subtle: '#C4314B' }, accent: { default: '#5B5FC7', subtle: '#5B5FC7' } } },
  },
  actions: { maxActions: 6, buttonSpacing: 8, actionsOrientation: 'Horizontal', actionAlignment: 'Left', showCard: { actionMode: 'Inline' } },
  supportsInteractivity: true,
};

// Playwright refuses --user-data-dir in args: a fresh profile directory is given to launchPersistentContext instead.
const browser = await chromium.launchPersistentContext(join(tmpdir(), 'connectoo-render-' + process.pid), {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  viewport: { width: width + 40, height: 800 },
  deviceScaleFactor: 1,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
    body { margin: 0; background: #F5F5F5; font-family: 'Segoe UI', Arial, sans-serif; }
    #card { width: ${width}px; margin: 16px; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.2); overflow: hidden; background: #fff; }
    .ac-pushButton { border: 1px solid #D1D1D1; border-radius: 4px; background: #fff; padding: 5px 12px; font-weight: 600; color: #242424; }
  </style></head><body><div id="card"></div></body></html>`);
  await page.addScriptTag({ content: adaptiveCardsJs });
  let count = 0;
  for (const name of readdirSync(input).filter((f) => f.endsWith('.json')).sort()) {
    const json = JSON.parse(readFileSync(join(input, name), 'utf8'));
    const errors = await page.evaluate(([card, config]) => {
      const target = document.getElementById('card');
      target.innerHTML = '';
      const adaptive = new AdaptiveCards.AdaptiveCard();
      adaptive.hostConfig = new AdaptiveCards.HostConfig(config);
      const context = new AdaptiveCards.SerializationContext();
      adaptive.parse(card, context);
      target.appendChild(adaptive.render());
      return context.eventCount;
    }, [json, hostConfig]);
    await page.locator('#card').screenshot({ path: join(output, basename(name, '.json') + '.png') });
    if (errors > 0) console.log(`${name}: ${errors} parse warning(s)`);
    count++;
  }
  console.log(`${count} card(s) rendered to ${output}`);
} finally {
  await browser.close();
}
