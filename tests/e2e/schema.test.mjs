// The JSON Schemas in docs/ say the same as the Rust code: the default day passes both the
// definition schema and the validator, and broken definitions fail both (the validator also
// checks what a schema cannot: unique ids, conditions that look back); and the results.json
// that `dialogue-kit tally` writes matches results.schema.json.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { ROOT, cliRun } from './lib.mjs';

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs/definition.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const day = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/day.json'), 'utf8'));

function cliAccepts(def) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dk-schema-')), 'def.json');
  fs.writeFileSync(file, JSON.stringify(def));
  return cliRun('validate', file).status === 0;
}

test('the default day matches the schema', () => {
  assert.ok(validate(day), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  assert.ok(cliAccepts(day));
});

test('broken definitions fail the schema and the validator alike', () => {
  const clone = () => structuredClone(day);
  const q = (d, kind) => d.sessions.flatMap((s) => s.questions).find((x) => x.kind === kind);
  const cases = {
    'no English text': (d) => { d.title = { fr: 'Jour' }; },
    'unknown kind': (d) => { q(d, 'country').kind = 'countries'; },
    'bad id': (d) => { d.sessions[0].id = 'Session One'; },
    'typo in a key': (d) => { const x = q(d, 'text'); x.max_lenght = x.max_length; delete x.max_length; },
    'numeric max out of range': (d) => { q(d, 'numeric').max = 1000; },
    'one option only': (d) => { const x = q(d, 'single_choice'); x.options = x.options.slice(0, 1); },
    'newer format': (d) => { d.format_version = 2; },
    'reserved option id': (d) => { q(d, 'single_choice').options[0].id = 'no_clear_opinion'; },
    'empty condition list': (d) => { d.sessions[1].questions[1].show_if = { all: [] }; },
    'repeats on a non-grid': (d) => { q(d, 'single_choice').repeats = 'knowledge_start'; },
    'repeats on a worksheet': (d) => {
      d.sessions.flatMap((s) => s.worksheets ?? []).find((x) => x.kind === 'grid').repeats = 'knowledge_start';
    },
  };
  for (const [name, mutate] of Object.entries(cases)) {
    const d = clone();
    mutate(d);
    assert.equal(validate(d), false, `schema accepts: ${name}`);
    assert.equal(cliAccepts(d), false, `validator accepts: ${name}`);
  }
});

test('results.json matches its schema, with and without filters', () => {
  const resultsSchema = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs/results.schema.json'), 'utf8'));
  const validateResults = new Ajv2020({ allErrors: true, strict: true }).compile(resultsSchema);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dk-results-'));
  const bundle = path.join(dir, 'sample.json');
  assert.equal(cliRun('sample', '--out', bundle, '--participants', '80', '--events', '2').status, 0);
  for (const [name, args] of [['all', []], ['event', ['--event', 'sample-01']], ['group', ['--regional-group', 'weog']]]) {
    const out = path.join(dir, name);
    const r = cliRun('tally', bundle, '--out', out, ...args);
    assert.equal(r.status, 0, r.stderr);
    const results = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8'));
    assert.ok(validateResults(results), `${name}: ${JSON.stringify(validateResults.errors?.slice(0, 5), null, 2)}`);
  }
});
