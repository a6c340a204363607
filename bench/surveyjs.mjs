// The SurveyJS side of bench/phone.mjs: SurveyJS's own files (installed by bench/phone.sh into
// bench/out/surveyjs) next to a page that renders our default day's first session, its model
// made from assets/day.json.

import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../tests/e2e/lib.mjs';

const SURVEYJS = path.join(ROOT, 'bench', 'out', 'surveyjs');


/** The 193 countries our country question offers, read from the Rust table (code, name). */
function countries() {
  const src = fs.readFileSync(path.join(ROOT, 'src', 'core', 'countries.rs'), 'utf8');
  const list = [...src.matchAll(/\bc\("([A-Z]{3})", "([^"]+)"/g)].map((m) => ({ value: m[1], text: m[2] }));
  if (list.length !== 193) throw new Error(`read ${list.length} countries from src/core/countries.rs, expected 193`);
  return list;
}

/** The SurveyJS question closest to one of ours: same words, same choices, same kind of input. */
function surveyQuestion(def, q, countryChoices) {
  const en = (text) => text?.en;
  const choices = (list) => list.map((o) => ({ value: o.id, text: en(o.label) }));
  const noClearOpinion = (label) => (label ? [{ value: 'no_clear_opinion', text: en(label) }] : []);
  const scale = typeof q.scale === 'string' ? def.scales[q.scale] : q.scale;
  const base = { name: q.id, title: en(q.text), description: en(q.help) };
  switch (q.kind) {
    case 'single_choice':
      return { ...base, type: 'radiogroup', choices: [...choices(q.options), ...noClearOpinion(q.no_clear_opinion)] };
    case 'scale':
      return {
        ...base,
        type: 'radiogroup',
        choices: [...choices(scale.points), ...noClearOpinion(scale.no_clear_opinion)],
      };
    case 'yes_no':
      return {
        ...base,
        type: 'radiogroup',
        choices: [{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }, ...noClearOpinion(q.no_clear_opinion)],
      };
    case 'multiple_choice':
      return { ...base, type: 'checkbox', choices: choices(q.options), maxSelectedChoices: q.max };
    case 'ordering':
      return {
        ...base,
        type: 'ranking',
        choices: choices(q.options),
        selectToRankEnabled: !!q.top,
        maxSelectedChoices: q.top,
      };
    case 'grid':
      return {
        ...base,
        type: 'matrix',
        columns: [...choices(scale.points), ...noClearOpinion(scale.no_clear_opinion)],
        rows: choices(q.items),
      };
    case 'numeric':
      return {
        ...base,
        type: 'rating',
        rateMin: q.min ?? 0,
        rateMax: q.max,
        minRateDescription: en(q.min_label),
        maxRateDescription: en(q.max_label),
      };
    case 'text':
      return { ...base, type: 'comment', maxLength: q.max_length };
    case 'country':
      return { ...base, type: 'dropdown', choices: countryChoices };
    default:
      throw new Error(`question ${q.id}: no SurveyJS equivalent for kind '${q.kind}'`);
  }
}

/**
 * The SurveyJS model of our default day's first session: our welcome screen's consent first,
 * then one question a page, as our app shows them. Conditions (show_if) are left out: they
 * decide what comes later, not how soon the first question shows.
 */
function surveyModel() {
  const def = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets', 'day.json'), 'utf8'));
  const session = def.sessions[0];
  const countryChoices = countries();
  // The words of our welcome screen (src/ui/pages/day/welcome.rs).
  const consent = {
    type: 'checkbox',
    name: 'consent',
    title: 'Before you start',
    description:
      'You answer on your own, after each session of the day. You can skip any question. ' +
      'Your answers stay on this device. ' +
      'They leave it only when you hand them over, with a code, a file or a QR code. ' +
      'Your name is not asked. Results are only shown for groups of people.',
    isRequired: true,
    choices: [
      { value: 'yes', text: 'I agree to take part and to hand over my answers for the results of this dialogue.' },
    ],
  };
  return {
    title: def.title.en,
    description: def.description?.en,
    pages: [
      { name: 'welcome', elements: [consent] },
      ...session.questions.map((q) => ({ name: q.id, elements: [surveyQuestion(def, q, countryChoices)] })),
    ],
  };
}

/** Writes bench/out/surveyjs/site/ afresh and returns { dir, versions }. */
export function buildSurveySite() {
  const modules = path.join(SURVEYJS, 'node_modules');
  const versions = {};
  for (const pkg of ['survey-core', 'survey-js-ui']) {
    const file = path.join(modules, pkg, 'package.json');
    if (!fs.existsSync(file)) throw new Error(`${pkg} is not installed in ${SURVEYJS}: run bash bench/phone.sh`);
    versions[pkg] = JSON.parse(fs.readFileSync(file, 'utf8')).version;
  }
  const site = path.join(SURVEYJS, 'site');
  fs.rmSync(site, { recursive: true, force: true });
  fs.mkdirSync(site, { recursive: true });
  // The fontless stylesheet: the default one fetches Open Sans from Google's font servers, and a
  // web font is a download our app does not make (it uses the phone's own fonts).
  const files = [
    'survey-core/survey.core.min.js',
    'survey-js-ui/survey-js-ui.min.js',
    'survey-core/survey-core.fontless.min.css',
  ];
  for (const file of files) {
    fs.copyFileSync(path.join(modules, file), path.join(site, path.basename(file)));
  }
  // Fetched at run time, as our app fetches assets/day.json.
  fs.writeFileSync(path.join(site, 'survey.json'), JSON.stringify(surveyModel()));
  // As SurveyJS's "Get started with HTML/CSS/JavaScript" page has it, with an empty icon so that
  // the browser does not ask for a /favicon.ico that is not there.
  fs.writeFileSync(
    path.join(site, 'index.html'),
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>SurveyJS: the first session</title>
<link rel="stylesheet" href="survey-core.fontless.min.css">
<link rel="icon" href="data:,">
<script src="survey.core.min.js"></script>
<script src="survey-js-ui.min.js"></script>
</head>
<body>
<div id="survey"></div>
<script>
fetch('survey.json')
  .then((r) => r.json())
  .then((json) => new Survey.Model(json).render(document.getElementById('survey')));
</script>
</body>
</html>
`,
  );
  return { dir: site, versions };
}

