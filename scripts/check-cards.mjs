#!/usr/bin/env node
// Validates Adaptive Cards with the official SDK (npm "adaptivecards"), targeting version 1.5 as Teams requires.
// Usage: node scripts/check-cards.mjs <file-or-folder>...   Exit code 1 when any card has a parse or validation error.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js');

function* files(path) {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) yield* files(join(path, name));
  } else if (path.endsWith('.json')) {
    yield path;
  }
}

function check(json) {
  const problems = [];
  const context = new AC.SerializationContext();
  context.targetVersion = AC.Versions.v1_5;
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  if (json.version !== '1.5') problems.push(`version is ${json.version}, Teams needs 1.5`);
  return problems;
}

let checked = 0;
let failed = 0;
for (const target of process.argv.slice(2)) {
  for (const file of files(target)) {
    checked++;
    const problems = check(JSON.parse(readFileSync(file, 'utf8')));
    if (problems.length > 0) {
      failed++;
      console.log(`${file}:\n  ${problems.join('\n  ')}`);
    }
  }
}
console.log(`adaptivecards check: ${checked} card(s), ${failed} with errors`);
process.exit(failed > 0 || checked === 0 ? 1 : 0);
