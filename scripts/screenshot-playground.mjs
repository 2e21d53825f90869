#!/usr/bin/env node
// Screenshots the Microsoft 365 Agents Playground (started by scripts/run-local.sh) in headless Chromium: Debian's
// /usr/bin/chromium driven by playwright-core (install it with `scripts/setup.sh --browser`).
//
// Usage: node scripts/screenshot-playground.mjs <out.png> [options]
//   --url URL              the Playground (default http://127.0.0.1:56150)
//   --conversation NAME    open this chat or channel of the left list first (default "Personal Chat"),
//                          e.g. "General" or "Connectoo learning" for the team's channels
//   --mock KIND            send a mock activity to the open conversation, as "Mock an Activity" does:
//                          install | uninstall | botAdded | userAdded | botRemoved | userRemoved
//                          (install or botAdded on a channel = the app installed in the team)
//   --send TEXT            send TEXT: typed into the chat box, or, with --locale or --from, as a custom message
//                          activity (the Playground stamps everything it generates with en-US and the current user)
//   --locale LOCALE        locale of the --mock / --send activity, e.g. fr-BE, nl-BE, de-BE, en-US
//   --from NAME            send the --mock / --send activity as another user of .m365agentsplayground.yml (e.g.
//                          "Jan Peeters"), in the open conversation; the Playground itself has no user switch
//   --click LABEL          then click the last button labelled LABEL (e.g. "Start"), as the current user
//   --tap N                instead of --click: tap the N-th clickable element of the last card (1 = first; -1 = last),
//                          e.g. an answer of a quiz question (each answer is a tappable container)
//   --choose TEXT          before --click: select the (last) radio choice labelled TEXT (a quiz or quick-check answer)
//   --nth N                with --click: the N-th button with that label instead (1 = first, -1 = last, -5 = fifth
//                          from the end: write --nth=-5, e.g. module 2's "Start" on the course map just sent)
//   --then-open NAME       after the actions, open this chat of the left list (e.g. "Personal Chat", where a manager's
//                          private report arrives after "progress" in a channel)
//   --wait-for TEXT        wait until TEXT is on the page before the screenshot
//   --wait MS              extra time before the screenshot (default 1000)
//   --width N --height N   viewport (default 1400 x 900); the whole page is captured
// Exit code 1 when the Playground does not load or an expected text or bot reply does not come.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '..', 'package.json'));
const { chromium } = require('playwright-core');

const MOCK_KINDS = ['install', 'uninstall', 'botAdded', 'userAdded', 'botRemoved', 'userRemoved'];
const REPLY_TIMEOUT_MS = 20_000;
const SETTLE_MS = 2_000;

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:56150' },
    conversation: { type: 'string', default: 'Personal Chat' },
    mock: { type: 'string' },
    send: { type: 'string' },
    locale: { type: 'string' },
    from: { type: 'string' },
    click: { type: 'string' },
    choose: { type: 'string' },
    tap: { type: 'string' },
    'then-open': { type: 'string' },
    nth: { type: 'string' },
    'wait-for': { type: 'string' },
    wait: { type: 'string', default: '1000' },
    width: { type: 'string', default: '1400' },
    height: { type: 'string', default: '900' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (options.help || positionals.length !== 1) {
  console.error('usage: node scripts/screenshot-playground.mjs <out.png> [--conversation NAME] [--mock KIND] '
    + '[--send TEXT] [--locale LOCALE] [--from NAME] [--choose TEXT] [--click LABEL] [--wait-for TEXT] [--wait MS] [--url URL] [--width N] [--height N]');
  process.exit(options.help ? 0 : 2);
}
if (options.mock && !MOCK_KINDS.includes(options.mock)) {
  console.error(`--mock must be one of: ${MOCK_KINDS.join(', ')}`);
  process.exit(2);
}
const out = resolve(positionals[0]);
const playground = options.url.replace(/\/+$/, '');

async function playgroundJson(path, init) {
  const response = await fetch(`${playground}${path}`, init);
  if (!response.ok) {
    throw new Error(`${init?.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  }
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

// Finds a conversation id by the name shown in the left list, from the Playground's own config.
async function conversationId(name) {
  const { config } = await playgroundJson('/_internal/v1/config');
  if (name === 'Personal Chat') return config.personalChat.id;
  const group = config.groupChats.find((chat) => chat.name === name);
  if (group) return group.id;
  for (const team of config.teams) {
    const channel = team.channels.find((c) => c.name === name);
    if (channel) return channel.id;
  }
  throw new Error(`no conversation named "${name}" in the Playground's config`);
}

// What Teams puts in channelData for a channel of the config (the template of a custom activity carries none).
async function channelDataFor(name) {
  const { config } = await playgroundJson('/_internal/v1/config');
  for (const team of config.teams) {
    const channel = team.channels.find((c) => c.name === name);
    if (channel) return { team: { id: team.id, name: team.name }, channel: { id: channel.id, name: channel.name } };
  }
  return {};
}

// The id, name and AAD object id of a user of the Playground's config, by display name.
async function userNamed(name) {
  const { config } = await playgroundJson('/_internal/v1/config');
  const user = [config.currentUser, ...config.users].find((u) => u.name === name);
  if (!user) throw new Error(`no user named "${name}" in the Playground's config`);
  return { id: user.id, name: user.name, aadObjectId: user.aadObjectId };
}

// Applies --locale and --from to an activity generated by the Playground.
async function personalize(activity) {
  let result = activity;
  if (options.locale) {
    const entities = (result.entities ?? []).filter((e) => e.type !== 'clientInfo');
    entities.push({ type: 'clientInfo', locale: options.locale });
    result = { ...result, locale: options.locale, entities };
  }
  if (options.from) {
    result = { ...result, from: await userNamed(options.from) };
  }
  return result;
}

// The same path as the UI's "Mock an Activity" editor: fetch the template, adjust it, send it.
async function sendCustomActivity(id, kind, edit) {
  const query = new URLSearchParams({ conversationId: id });
  if (kind) query.set('type', kind);
  const template = await playgroundJson(`/_internal/v1/customActivities/template?${query}`);
  await playgroundJson('/_internal/v1/customActivities', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(await personalize(edit(template))),
  });
}

// The Playground's log panel lists each bot reply ("User Application -> Microsoft 365 Agents Playground message")
// and each invoke it sent with the bot's status ("Microsoft 365 Agents Playground -> User Application invoke 200").
const BOT_REPLY = /User Application\s*\S*\s*Microsoft 365 Agents Playground/g;
const INVOKE_ANSWERED = /User Application\s+invoke\s+\d{3}/g;

async function logCount(page, pattern) {
  const text = await page.locator('body').innerText();
  return (text.match(pattern) ?? []).length;
}

const botReplyCount = (page) => logCount(page, BOT_REPLY);

// Waits until no new bot reply arrived for a while: opening the page or a channel for the first time makes the
// Playground install the app there (installationUpdate + conversationUpdate), and the bot may answer.
async function settle(page) {
  const deadline = Date.now() + REPLY_TIMEOUT_MS;
  let count = await botReplyCount(page);
  let quietSince = Date.now();
  while (Date.now() < deadline && Date.now() - quietSince < SETTLE_MS) {
    await page.waitForTimeout(200);
    const now = await botReplyCount(page);
    if (now !== count) {
      count = now;
      quietSince = Date.now();
    }
  }
}

async function waitForBotReply(page, before, what, pattern = BOT_REPLY) {
  const deadline = Date.now() + REPLY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if ((await logCount(page, pattern)) > before) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`the bot did not answer ${what} within ${REPLY_TIMEOUT_MS / 1000} s`);
}

const userDataDir = mkdtempSync(join(tmpdir(), 'connectoo-playground-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  viewport: { width: Number(options.width), height: Number(options.height) },
  // --user-data-dir is set by Playwright from userDataDir (it refuses the flag in args).
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(playground, { waitUntil: 'domcontentloaded' });
  await page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor({ timeout: 30_000 });
  await settle(page);
  if (options.conversation !== 'Personal Chat') {
    await page.getByRole('treeitem').filter({ hasText: options.conversation }).first().click();
    await settle(page);
  }
  const custom = Boolean(options.locale || options.from);
  if (options.mock || (options.send && custom)) {
    const id = await conversationId(options.conversation);
    if (options.mock) {
      const before = await botReplyCount(page);
      await sendCustomActivity(id, options.mock, (activity) => activity);
      // The bot need not answer every event (e.g. a repeated install): a missing reply is only reported.
      await waitForBotReply(page, before, `--mock ${options.mock}`).catch((error) => console.warn(`note: ${error.message}`));
    }
    if (options.send && custom) {
      const before = await botReplyCount(page);
      const teamData = await channelDataFor(options.conversation);
      await sendCustomActivity(id, undefined, (activity) => ({
        ...activity,
        type: 'message',
        text: options.send,
        textFormat: 'plain',
        channelData: { ...(activity.channelData ?? {}), ...teamData, tenant: { id: activity.conversation.tenantId } },
      }));
      await waitForBotReply(page, before, `"${options.send}"`);
    }
  }
  if (options.send && !custom) {
    const before = await botReplyCount(page);
    const box = page.getByRole('textbox').last();
    await box.click();
    await box.pressSequentially(options.send);
    await page.keyboard.press('Enter');
    await waitForBotReply(page, before, `"${options.send}"`);
  }
  if (options.choose) {
    await page.getByRole('radio', { name: options.choose }).last().check();
  }
  if (options.tap) {
    const before = await logCount(page, INVOKE_ANSWERED);
    const targets = page.locator('.ac-adaptiveCard').last().locator('[role="button"], button');
    const n = Number(options.tap);
    await (n > 0 ? targets.nth(n - 1) : targets.nth((await targets.count()) + n)).click();
    await waitForBotReply(page, before, `the tap on element ${options.tap}`, INVOKE_ANSWERED);
  }
  if (options.click) {
    const before = await logCount(page, INVOKE_ANSWERED);
    const buttons = page.getByRole('button', { name: options.click, exact: true });
    const nth = Number(options.nth ?? -1);
    await (nth > 0 ? buttons.nth(nth - 1) : buttons.nth((await buttons.count()) + nth)).click();
    // Action.Execute: the answer is the invoke response (the card is replaced in place), not a new message.
    await waitForBotReply(page, before, `the click on "${options.click}"`, INVOKE_ANSWERED);
  }
  if (options['then-open']) {
    await page.waitForTimeout(2000);
    await page.getByRole('treeitem').filter({ hasText: options['then-open'] }).first().click();
    await page.waitForTimeout(1500);
  }
  if (options['wait-for']) {
    await page.getByText(options['wait-for']).first().waitFor({ timeout: REPLY_TIMEOUT_MS });
  }
  await page.waitForTimeout(Number(options.wait));
  await page.screenshot({ path: out, fullPage: true });
  console.log(`saved ${out}`);
} catch (error) {
  failed = true;
  console.error(`error: ${error.message}`);
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
