#!/usr/bin/env node
// Forewarn's Adaptive Card check, using the official object model (adaptivecards 3.x).
//
// Teams renders a bad card without complaint: an unknown element or a property
// from a later schema version is dropped silently, so a member of staff could
// be shown a card with its warning missing. This script parses every card the
// way a host would and fails on anything the object model reports.
//
// Usage:
//   node validate-cards.js [--target 1.5] [--json] card.json ...
//   node validate-cards.js [--target 1.5] [--json] < cards.json
//
// On stdin it takes one card, a JSON array of cards, or an object mapping a
// name to a card (so one process can check every card the bot sends). Each
// card is checked against the lower of the target and its own declared
// version: a card that says "1.2" but uses a 1.3 property would be shown by a
// 1.2 host (older Teams mobile) with that property dropped. A card without a
// "version", or declaring a version above the target, fails too.
//
// Exit status: 0 when every card passes, 1 when any card fails, 2 on bad usage.
'use strict';

const fs = require('fs');
const AC = require('adaptivecards/dist/adaptivecards.min.js');

function usage(message) {
  process.stderr.write(`${message}\nusage: node validate-cards.js [--target 1.5] [--json] [card.json ...]\n`);
  process.exit(2);
}

function parseVersion(text) {
  const version = AC.Version.parse(String(text), new AC.SerializationContext());
  return version && version.isValid ? version : undefined;
}

function parseArguments(argv) {
  const options = { target: AC.Versions.v1_5, json: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') {
      options.json = true;
    } else if (argv[i] === '--target') {
      options.target = parseVersion(argv[++i]);
      if (!options.target) usage(`not a card version: ${argv[i]}`);
    } else {
      options.files.push(argv[i]);
    }
  }
  return options;
}

// Every card to check, as [name, json] pairs, from files or from stdin.
function namedCards(files) {
  if (files.length) return files.map((file) => [file, JSON.parse(fs.readFileSync(file, 'utf8'))]);
  const input = JSON.parse(fs.readFileSync(0, 'utf8'));
  if (Array.isArray(input)) return input.map((card, i) => [`card ${i}`, card]);
  if (input && input.type === 'AdaptiveCard') return [['stdin', input]];
  if (input && typeof input === 'object') return Object.entries(input);
  usage('stdin holds neither a card, an array of cards nor an object of named cards');
  return [];
}

function eventName(event) {
  return typeof event === 'number' ? AC.ValidationEvent[event] : String(event);
}

// The version a card is held to: its own, unless the target is lower.
function versionProblems(json, target) {
  if (!json || typeof json !== 'object' || json.version === undefined) {
    return { problems: [{ event: 'MissingCardVersion', message: 'the card has no "version"' }], held: target };
  }
  const declared = parseVersion(json.version);
  if (!declared) {
    return { problems: [{ event: 'InvalidCardVersion', message: `bad version ${json.version}` }], held: target };
  }
  if (declared.compareTo(target) > 0) {
    const message = `card version ${declared} is above the target ${target}`;
    return { problems: [{ event: 'UnsupportedCardVersion', message }], held: target };
  }
  return { problems: [], held: declared };
}

function check(json, target) {
  const { problems, held } = versionProblems(json, target);
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(held);
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i));
  problems.push(...card.validateProperties().validationEvents);
  return problems.map((p) => ({ event: eventName(p.event), message: p.message }));
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  const report = {};
  for (const [name, json] of namedCards(options.files)) report[name] = check(json, options.target);
  const failed = Object.values(report).filter((problems) => problems.length).length;
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ target: options.target.toString(), cards: report })}\n`);
  } else {
    for (const [name, problems] of Object.entries(report)) {
      console.log(`${name}: ${problems.length ? 'INVALID' : 'OK'}`);
      for (const p of problems) console.log(`   ${p.event}: ${p.message}`);
    }
    console.log(`${Object.keys(report).length - failed} passed, ${failed} failed (target ${options.target})`);
  }
  process.exitCode = failed ? 1 : 0;
}

main();
