#!/usr/bin/env node
// Builds the Teams app package of ConnectooBot and validates it offline. Called by scripts/package-app.sh.
//
// 1. Fills manifest/manifest.template.json ({{APP_ID}}, {{BOT_ID}}, {{DOMAIN}}, {{VERSION}}).
// 2. Validates manifest.json and the language files (fr.json, nl.json, de.json) against the Teams JSON schemas
//    bundled in npm @microsoft/app-manifest (its own ajv validator, given the bundled schema: no network).
// 3. Checks what the schemas do not: Teams' documented limits for bot commands (title <= 32, description <= 128),
//    one command list per scope, language files complete and pointing at existing commands, semver, GUIDs,
//    URLs on the bot's domain, and the icon rules (color 192x192; outline 32x32, white on transparent only).
// 4. Writes out/appPackage/connectoobot-<version>.zip with every file at the root, then reads the zip back and
//    checks its layout.
// Any problem is listed and the exit code is 1; usage errors exit with 2.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { AppManifestUtils } = require('@microsoft/app-manifest');
const Ajv04 = require('ajv-draft-04');
const addFormats = require('ajv-formats');
const { PNG } = require('pngjs');
const { zipSync, unzipSync, strFromU8, strToU8 } = require('fflate');

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MANIFEST_DIR = join(REPO_ROOT, 'manifest');
const SCHEMA_ROOT = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

/** Development values: valid in form, obviously not a real tenant's. Documented in manifest/README.md. */
export const DEFAULTS = Object.freeze({
  botId: '00000000-0000-0000-0000-00000000b071',
  domain: 'connectoobot.localhost',
  version: '1.0.0',
});

/** Teams' documented limits for bot commands (stricter than the schema's 128 / 4000 characters). */
export const LIMITS = Object.freeze({ commandTitle: 32, commandDescription: 128 });

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
// A host name (letters, digits, hyphens, dots) with an optional port: no scheme, no path.
const DOMAIN = /^(?=.{1,253}(:|$))([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*(:[0-9]{1,5})?$/;
const COMMAND_KEY = /^bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(title|description)$/;
const ZIP_TIME = new Date(Date.UTC(2020, 0, 1)); // fixed, so the same inputs give the same zip

const USAGE = `Usage: scripts/package-app.sh [--app-id GUID] [--bot-id GUID] [--domain HOST] [--version X.Y.Z] [--out DIR]
  --bot-id   the Azure Bot's Microsoft app id (default ${DEFAULTS.botId}, a development value)
  --app-id   the Teams app id (default: the bot id; Teams allows them to be equal)
  --domain   the host that serves the bot, without https:// (default ${DEFAULTS.domain})
  --version  the app version, semver X.Y.Z (default ${DEFAULTS.version}); raise it for every upload
  --out      the output folder (default out/appPackage)`;

class UsageError extends Error {}

export function parseArguments(argv) {
  const options = { botId: DEFAULTS.botId, appId: undefined, domain: DEFAULTS.domain, version: DEFAULTS.version, out: join(REPO_ROOT, 'out', 'appPackage') };
  const names = { '--app-id': 'appId', '--bot-id': 'botId', '--domain': 'domain', '--version': 'version', '--out': 'out' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      return { help: true };
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!(flag in names)) {
      throw new UsageError(`unknown option: ${arg}`);
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') {
      throw new UsageError(`${flag} needs a value`);
    }
    options[names[flag]] = value;
  }
  options.appId ??= options.botId;
  options.out = resolve(options.out);
  return options;
}

/** Problems with the values given on the command line (empty when all are well-formed). */
export function checkInputs({ appId, botId, domain, version }) {
  const problems = [];
  if (!GUID.test(appId) && appId !== botId) problems.push(`--app-id must be a GUID (8-4-4-4-12 hex digits), got '${appId}'`);
  if (!GUID.test(botId)) problems.push(`--bot-id must be a GUID (the Azure Bot's Microsoft app id), got '${botId}'`);
  if (!DOMAIN.test(domain)) problems.push(`--domain must be a host name such as bot.example.be (no https://, no path), got '${domain}'`);
  if (!SEMVER.test(version)) problems.push(`--version must be semver X.Y.Z, got '${version}'`);
  return problems;
}

export function fillTemplate(template, { appId, botId, domain, version }) {
  const values = { APP_ID: appId, BOT_ID: botId, DOMAIN: domain, VERSION: version };
  const filled = template.replace(/\{\{([A-Z_]+)\}\}/g, (match, name) => (name in values ? values[name] : match));
  const left = [...new Set(filled.match(/\{\{[^}]*\}\}/g) ?? [])];
  if (left.length > 0) {
    throw new Error(`manifest.template.json has unknown placeholders: ${left.join(', ')}`);
  }
  return filled;
}

function readJson(path, problems) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(`${relative(REPO_ROOT, path)}: ${error.message}`);
    return undefined;
  }
}

function schemaPaths(manifestVersion) {
  const folder = join(SCHEMA_ROOT, `v${manifestVersion}`);
  return {
    manifest: join(folder, 'MicrosoftTeams.schema.json'),
    localization: join(folder, 'MicrosoftTeams.Localization.schema.json'),
    manifestUrl: `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`,
    localizationUrl: `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.Localization.schema.json`,
  };
}

/** The manifest goes through @microsoft/app-manifest's own validator, given the bundled schema (so no download). */
async function validateManifestSchema(manifest, schemaPath, problems) {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  for (const failure of await AppManifestUtils.validateAgainstSchema(manifest, schema)) {
    problems.push(`manifest.json: schema: ${failure.trim()}`);
  }
}

/**
 * A language file goes through ajv with the package's settings (draft-04, all errors, uri/email/regex formats) plus
 * unicodeRegExp off: the bundled Localization schema has patterns such as "\\b([0-9]|…)\\b]" that are valid
 * JavaScript regular expressions only without the u flag, so the package's validator cannot compile it.
 */
function validateLanguageSchema(strings, schemaPath, file, problems) {
  const ajv = new Ajv04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  if (!validate(strings)) {
    for (const error of validate.errors ?? []) {
      problems.push(`${file}: schema: ${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
    }
  }
}

/** Checks the filled manifest beyond its schema. */
export function checkManifest(manifest, { domain, version }) {
  const problems = [];
  if (manifest.version !== version || !SEMVER.test(manifest.version ?? '')) {
    problems.push(`manifest.json: version must be semver X.Y.Z and equal to '${version}', got '${manifest.version}'`);
  }
  for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
    const url = manifest.developer?.[key] ?? '';
    if (!url.startsWith(`https://${domain}/`)) {
      problems.push(`manifest.json: developer.${key} must be an https URL on ${domain}, got '${url}'`);
    }
  }
  if (manifest.name?.short === manifest.name?.full) problems.push('manifest.json: name.short and name.full must differ');
  if (manifest.description?.short === manifest.description?.full) problems.push('manifest.json: description.short and description.full must differ');
  if (manifest.localizationInfo?.defaultLanguageTag !== 'en-us') {
    problems.push(`manifest.json: localizationInfo.defaultLanguageTag must be 'en-us' (the manifest is written in English)`);
  }

  const bots = manifest.bots ?? [];
  if (bots.length !== 1) {
    problems.push(`manifest.json: exactly one bot is expected, found ${bots.length}`);
    return problems;
  }
  const [bot] = bots;
  if (bot.supportsFiles !== false) problems.push('manifest.json: bots[0].supportsFiles must be false (the bot takes no files)');
  const scopesSeen = new Set();
  (bot.commandLists ?? []).forEach((list, l) => {
    for (const scope of list.scopes ?? []) {
      if (!(bot.scopes ?? []).includes(scope)) problems.push(`manifest.json: commandLists[${l}] is for scope '${scope}', which the bot does not declare`);
      if (scopesSeen.has(scope)) problems.push(`manifest.json: scope '${scope}' has more than one command list`);
      scopesSeen.add(scope);
    }
    const titles = new Set();
    (list.commands ?? []).forEach((command, c) => {
      problems.push(...commandProblems(`manifest.json: commandLists[${l}].commands[${c}]`, command.title, command.description));
      const title = (command.title ?? '').toLowerCase();
      if (titles.has(title)) problems.push(`manifest.json: commandLists[${l}] lists '${command.title}' twice`);
      titles.add(title);
    });
  });
  for (const scope of bot.scopes ?? []) {
    if (!scopesSeen.has(scope)) problems.push(`manifest.json: the bot's scope '${scope}' has no command list`);
  }
  return problems;
}

function commandProblems(where, title, description) {
  const problems = [];
  if (typeof title !== 'string' || title.trim() === '') problems.push(`${where}: the title is empty`);
  else if (title.length > LIMITS.commandTitle) problems.push(`${where}: the title '${title}' has ${title.length} characters (Teams allows ${LIMITS.commandTitle})`);
  if (typeof description !== 'string' || description.trim() === '') problems.push(`${where}: the description is empty`);
  else if (description.length > LIMITS.commandDescription) problems.push(`${where}: the description has ${description.length} characters (Teams allows ${LIMITS.commandDescription})`);
  return problems;
}

/** Checks a language file against the manifest: every command translated, no key for a command that does not exist. */
export function checkLanguageFile(file, strings, manifest) {
  const problems = [];
  const lists = manifest.bots?.[0]?.commandLists ?? [];
  for (const key of ['name.short', 'name.full', 'description.short', 'description.full']) {
    if (typeof strings[key] !== 'string' || strings[key].trim() === '') problems.push(`${file}: '${key}' is missing`);
  }
  if (strings['description.short'] === strings['description.full']) problems.push(`${file}: description.short and description.full must differ`);
  for (const key of Object.keys(strings)) {
    const match = COMMAND_KEY.exec(key);
    if (match && !lists[Number(match[1])]?.commands?.[Number(match[2])]) {
      problems.push(`${file}: '${key}' points at a command the manifest does not have`);
    }
  }
  lists.forEach((list, l) => {
    (list.commands ?? []).forEach((_, c) => {
      const prefix = `bots[0].commandLists[${l}].commands[${c}]`;
      problems.push(...commandProblems(`${file}: ${prefix}`, strings[`${prefix}.title`], strings[`${prefix}.description`]));
    });
  });
  return problems;
}

/** Teams' icon rules: color 192x192; outline 32x32, every visible pixel pure white, on a transparent background. */
export function checkIcon(name, bytes, role) {
  let png;
  try {
    png = PNG.sync.read(bytes);
  } catch (error) {
    return [`${name}: not a readable PNG (${error.message})`];
  }
  const expected = role === 'outline' ? 32 : 192;
  const problems = [];
  if (png.width !== expected || png.height !== expected) {
    problems.push(`${name}: must be ${expected}x${expected} pixels, is ${png.width}x${png.height}`);
  }
  if (role === 'outline') {
    let transparent = 0;
    let notWhite = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const alpha = png.data[i + 3];
      if (alpha === 0) transparent++;
      else if (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255) notWhite++;
    }
    const pixels = png.width * png.height;
    if (notWhite > 0) problems.push(`${name}: ${notWhite} visible pixels are not white (Teams wants white on transparent only)`);
    if (transparent === 0) problems.push(`${name}: has no transparent pixel (the background must be transparent)`);
    if (transparent === pixels) problems.push(`${name}: is fully transparent`);
  } else {
    let opaque = 0;
    for (let i = 3; i < png.data.length; i += 4) if (png.data[i] === 255) opaque++;
    if (opaque === 0) problems.push(`${name}: has no opaque pixel`);
  }
  return problems;
}

/** The package's files, name → bytes, all at the root of the zip. */
function packageFiles(manifestJson, manifest) {
  const files = { 'manifest.json': strToU8(manifestJson) };
  const referenced = [manifest.icons?.color, manifest.icons?.outline, ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file)];
  for (const name of referenced.filter(Boolean)) {
    if (name.includes('/') || name.includes('\\')) {
      throw new Error(`manifest.json refers to '${name}': files must sit at the root of the package`);
    }
    const path = join(MANIFEST_DIR, name);
    if (!existsSync(path)) {
      throw new Error(`manifest.json refers to '${name}', which is not in manifest/`);
    }
    files[name] = readFileSync(path);
  }
  return files;
}

/** Reads the written zip back: the exact expected set of files, all at the root, manifest.json intact. */
export function checkZip(zipBytes, expectedNames, manifestJson) {
  const problems = [];
  let entries;
  try {
    entries = unzipSync(zipBytes);
  } catch (error) {
    return [`the zip cannot be read back: ${error.message}`];
  }
  const names = Object.keys(entries).sort();
  for (const name of names) {
    if (name.includes('/')) problems.push(`zip: '${name}' is not at the root of the package`);
    if (!expectedNames.includes(name)) problems.push(`zip: unexpected entry '${name}'`);
  }
  for (const name of expectedNames) {
    if (!names.includes(name)) problems.push(`zip: '${name}' is missing`);
  }
  if (entries['manifest.json'] && strFromU8(entries['manifest.json']) !== manifestJson) problems.push('zip: manifest.json differs from the validated one');
  return problems;
}

export async function buildPackage(options) {
  const problems = checkInputs(options);
  if (problems.length > 0) return { problems };

  const template = readFileSync(join(MANIFEST_DIR, 'manifest.template.json'), 'utf8');
  const manifestJson = fillTemplate(template, options);
  const manifest = JSON.parse(manifestJson);
  const schemas = schemaPaths(manifest.manifestVersion);
  if (!existsSync(schemas.manifest)) {
    return { problems: [`manifestVersion ${manifest.manifestVersion} has no schema in @microsoft/app-manifest (looked in ${relative(REPO_ROOT, schemas.manifest)})`] };
  }
  if (manifest.$schema !== schemas.manifestUrl) problems.push(`manifest.json: $schema must be ${schemas.manifestUrl}, got ${manifest.$schema}`);
  await validateManifestSchema(manifest, schemas.manifest, problems);
  problems.push(...checkManifest(manifest, options));

  for (const { languageTag, file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const strings = readJson(join(MANIFEST_DIR, file), problems);
    if (!strings) continue;
    if (strings.$schema !== schemas.localizationUrl) problems.push(`${file} (${languageTag}): $schema must be ${schemas.localizationUrl}`);
    validateLanguageSchema(strings, schemas.localization, file, problems);
    problems.push(...checkLanguageFile(file, strings, manifest));
  }

  let files;
  try {
    files = packageFiles(manifestJson, manifest);
  } catch (error) {
    problems.push(error.message);
    return { problems };
  }
  problems.push(...checkIcon(manifest.icons.color, files[manifest.icons.color], 'color'));
  problems.push(...checkIcon(manifest.icons.outline, files[manifest.icons.outline], 'outline'));
  if (problems.length > 0) return { problems };

  const entries = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, [bytes, { mtime: ZIP_TIME, level: 9 }]]));
  const zip = zipSync(entries);
  problems.push(...checkZip(zip, Object.keys(files), manifestJson));
  if (problems.length > 0) return { problems };

  mkdirSync(options.out, { recursive: true });
  const zipPath = join(options.out, `connectoobot-${options.version}.zip`);
  writeFileSync(zipPath, zip);
  writeFileSync(join(options.out, 'manifest.json'), manifestJson);
  return { problems: [], zipPath, files: Object.keys(files), size: zip.length, manifest };
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`package-app: ${error.message}\n${USAGE}`);
      process.exit(2);
    }
    throw error;
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }

  const result = await buildPackage(options);
  if (result.problems.length > 0) {
    console.error(`package-app: the Teams app package is NOT valid (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}):`);
    for (const problem of result.problems) console.error(`  ✗ ${problem}`);
    process.exit(1);
  }
  const bot = result.manifest.bots[0];
  console.log(`package-app: ${relative(process.cwd(), result.zipPath) || result.zipPath} (${result.size} bytes) is valid:`);
  console.log(`  manifest ${result.manifest.manifestVersion} (schema bundled in @microsoft/app-manifest), app ${options.appId}, bot ${options.botId}, version ${options.version}, domain ${options.domain}`);
  console.log(`  scopes ${bot.scopes.join(', ')}; ${bot.commandLists.map((l) => `${l.scopes.join('+')}: ${l.commands.length} commands`).join('; ')}`);
  console.log(`  files at the zip root: ${result.files.join(', ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`package-app: ${error.stack ?? error}`);
    process.exit(1);
  });
}
