// The screening page: holds the case in memory, asks the local server, never sends the case
// anywhere else. No external resources, no inline script (the CSP allows only this file).
'use strict';

const UNDO_LIMIT = 256;

// The numbers the case format takes (src/case/mod.rs: `Limits::max_age_years`, 130; a year
// from `MIN_YEAR` to `MAX_YEAR`, 1900 to 2100): the fields' min and max, and the interview's
// own check of a number before it is sent.
const LIMITS = { age: [0, 130], year: [1900, 2100] };

// Keeps the case as it was before a change, for undo (the oldest goes first past the limit).
function remember(before) {
  state.history.push(before);
  if (state.history.length > UNDO_LIMIT) state.history.shift();
}

const state = {
  lang: 'en',
  ruleSet: 'ilo-2009',
  case: {},
  // The case before each change, for undo: the last UNDO_LIMIT only, as many as the
  // library keeps (interview::MAX_UNDO), so that a page left open keeps a bounded memory.
  history: [],
  words: {},
  entries: [],
  catalogue: null,
  next: null,
  focusAnswer: false,
  // The level in words, as the last refresh gave it.
  levelName: '',
  // The checklist's "how it is known, note" panels the officer opened: kept open when the
  // checklist is rebuilt after a change.
  openDetails: new Set(),
  // Text the library refused (too long for the case), by field id: put back, marked, each
  // time the form is rebuilt, until the officer shortens it (accepted) or starts a new case,
  // so that a later change elsewhere never throws it away without a word.
  refused: new Map(),
};

const $ = (id) => document.getElementById(id);
const w = (key, values) => {
  let text = state.words[key] || key;
  for (const [k, v] of Object.entries(values || {})) text = text.split('{' + k + '}').join(String(v));
  return text;
};

async function api(path, body) {
  const url = path + '?lang=' + encodeURIComponent(state.lang) + '&rule_set=' + encodeURIComponent(state.ruleSet);
  const options = body === undefined
    ? { method: 'GET' }
    : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) };
  // The server not running (the browser's own words, in its language: "Failed to fetch"), or
  // an answer that is not the server's JSON (a proxy's error page): said in the page's words,
  // where it has them (an accessibility review, forty-first session).
  const failed = (key, e) => Object.assign(new Error(state.words[key] || e.message), { transport: true });
  let response;
  try {
    response = await fetch(url, options);
  } catch (e) {
    throw failed('page.error.unreachable', e);
  }
  let value;
  try {
    value = await response.json();
  } catch (e) {
    throw failed('page.error.bad_response', e);
  }
  if (!response.ok) throw new Error(refusal(value) || response.statusText);
  return value;
}

// A case error that begins with its JSON path (`value.path`, sent beside the message) names
// the field in words where the page has them: `page.field.` and the path without `$.` and
// item numbers (`$.observations[1].note` is `page.field.observations.note`); so does a
// path in backticks inside a message (two fields that contradict each other). Any other
// path is kept as it is.
function refusal(value) {
  const message = value.error || '';
  const path = value.path;
  const word = (p) => state.words['page.field.' + p.replace(/^\$\.?/, '').replace(/\[\d+\]/g, '')];
  if (typeof path === 'string' && message.startsWith(path + ': ')) {
    const name = word(path);
    return name ? name + ': ' + message.slice(path.length + 2) : message;
  }
  // Two fields that contradict each other are named in the message, each in backticks (the
  // server sends no path for them).
  return message.replace(/`(\$[^`]*)`/g, (quoted, p) => {
    const name = word(p);
    return name ? '‘' + name + '’' : quoted;
  });
}

// The error line is an alert: set again with the same words (an answer that failed, then the
// refresh after it) it would be read twice.
function showError(message) {
  const el = $('error');
  if (el.textContent === message && el.hidden === !message) return;
  el.textContent = message;
  el.hidden = !message;
}

// A field whose value was refused: marked (not by colour alone: see app.css), with the reason
// next to it and read with it (`aria-describedby`), not only in the error line at the top of
// the page, screens away on a phone.
function markInvalid(el, message) {
  const id = el.id + '-error';
  let note = $(id);
  if (!note) {
    note = document.createElement('span');
    note.id = id; note.className = 'error field-error';
    el.after(note);
  }
  note.textContent = message;
  el.setAttribute('aria-invalid', 'true');
  el.setAttribute('aria-describedby', id);
}

// Every change to the case runs after the one before it has finished, and starts from the
// case as that one left it: an edit and an answer given quickly one after the other never
// overwrite each other. While a change runs, the answer controls are disabled, so a second
// tap cannot land on a question the officer has not seen yet.
let chain = Promise.resolve();
function queued(job) {
  const run = chain.then(async () => {
    document.body.dataset.busy = '1';
    for (const b of document.querySelectorAll('.answers button')) b.disabled = true;
    try {
      await job();
    } finally {
      delete document.body.dataset.busy;
      for (const b of document.querySelectorAll('.answers button')) b.disabled = false;
      // A disabled button loses the focus: give it to the new question's first answer once
      // the buttons can take it again. So does a failed answer (the server stopped): the
      // focus goes back to the question, not to the page.
      if (state.focusAnswer || focusLost(document.activeElement)) focusAnswer();
    }
  });
  chain = run.catch(() => {});
  return run;
}

const copy = (value) => JSON.parse(JSON.stringify(value));

// ----- static words -------------------------------------------------------------------------

function renderWords() {
  document.documentElement.lang = state.lang;
  document.title = w($('cover').hidden ? 'page.title' : 'page.cover.title');
  const text = {
    'title': 'page.title', 'subtitle': 'page.subtitle', 'lang-label': 'page.language',
    'rule-set-label': 'page.rule_set', 'new-case': 'page.new_case', 'tab-interview': 'page.mode.interview',
    'tab-checklist': 'page.mode.checklist', 'answer-yes': 'page.answer.yes', 'answer-no': 'page.answer.no',
    'answer-not-known': 'page.answer.not_known', 'skip': 'page.skip', 'undo': 'page.undo',
    'answer-number-ok': 'page.ok', 'answer-number-unknown': 'page.answer.not_known',
    'answer-forms-ok': 'page.ok', 'answer-forms-unknown': 'page.answer.not_known',
    'person-heading': 'page.person', 'result-heading': 'page.result',
    'print': 'page.print', 'download': 'page.download', 'load-label': 'page.load', 'finished': 'page.finished',
    'note-label': 'page.answer_note', 'reask-safety': 'page.reask_safety',
    'checklist-filter-label': 'page.checklist_filter', 'person-hint': 'page.person_hint', 'source-label': 'page.source',
    'interview-heading': 'page.mode.interview', 'checklist-heading': 'page.mode.checklist',
    'hide-screen': 'page.hide_screen', 'cover-show': 'page.cover.show',
  };
  for (const [id, key] of Object.entries(text)) $(id).textContent = w(key);
  $('hide-screen').title = w('page.hide_screen.key');
  const source = $('answer-source');
  const chosen = source.value || 'self_report';
  source.replaceChildren();
  for (const value of ['self_report', 'document', 'direct_observation', 'third_party']) {
    const o = document.createElement('option'); o.value = value; o.textContent = w('source.' + value); source.append(o);
  }
  source.value = chosen;
}

// ----- the person and the case --------------------------------------------------------------

function field(label, control) {
  const wrap = document.createElement('div');
  const l = document.createElement('label');
  l.textContent = label;
  l.htmlFor = control.id;
  wrap.append(l, control);
  return wrap;
}

// A field that may hold what a person said: the browser neither keeps it in its form history
// (offered again to the next user of the machine) nor sends it to an online spelling service
// (a privacy audit, thirty-ninth session).
function keepPrivate(input) {
  input.autocomplete = 'off';
  input.spellcheck = false;
  return input;
}

function numberInput(id, path, min, max) {
  const input = keepPrivate(document.createElement('input'));
  input.type = 'number'; input.id = id; input.min = min; input.max = max; input.inputMode = 'numeric';
  const [a, b] = path;
  const current = b ? (state.case[a] || {})[b] : state.case[a];
  if (current !== undefined && current !== null) input.value = current;
  input.addEventListener('change', () => {
    // A browser gives '' for text it cannot read as a number ("1e"): that is not "empty".
    if (input.validity.badInput || (input.value !== '' && !Number.isInteger(Number(input.value)))) {
      showError(w('page.invalid_number'));
      markInvalid(input, w('page.invalid_number'));
      return;
    }
    const value = input.value === '' ? undefined : Number(input.value);
    // The field goes with the change: a number the library refuses (an age of 200) stays in
    // it, marked, with the reason beside it, instead of the old value coming back unsaid.
    update((next) => {
      if (b) { next[a] = next[a] || {}; if (value === undefined) delete next[a][b]; else next[a][b] = value; }
      else if (value === undefined) delete next[a]; else next[a] = value;
    }, input);
  });
  return input;
}

// A national is never removed or refused entry: the library refuses a case that records
// both, and the catalogue the server sends names those measures
// (`measures_not_for_nationals`). The page does not offer the second while the first is
// recorded (the option or the boxes are disabled, with the reason beside them), so arrow
// keys on the nationality never stop at a choice the library would refuse.
function removalRecorded() {
  const notForNationals = state.catalogue.measures_not_for_nationals;
  return (state.case.measures || []).some((m) => notForNationals.includes(m));
}
function nationalRecorded() {
  return (state.case.subject || {}).national === true;
}
function hint(id, key) {
  const note = document.createElement('small');
  note.id = id; note.className = 'muted'; note.textContent = ' ' + w(key);
  return note;
}

function triState(id, key, disabled = []) {
  const select = document.createElement('select');
  select.id = id;
  for (const [value, word] of [['', 'page.unknown'], ['true', 'page.yes'], ['false', 'page.no']]) {
    const o = document.createElement('option'); o.value = value; o.textContent = w(word);
    o.disabled = disabled.includes(value);
    select.append(o);
  }
  const current = (state.case.subject || {})[key];
  select.value = current === undefined || current === null ? '' : String(current);
  select.addEventListener('change', () => {
    const value = select.value;
    update((next) => {
      next.subject = next.subject || {};
      if (value === '') delete next.subject[key]; else next.subject[key] = value === 'true';
    });
  });
  return select;
}

function checkboxes(id, legendKey, values, wordPrefix, read, write, disabled = []) {
  const set = document.createElement('fieldset');
  set.id = id;
  const legend = document.createElement('legend');
  legend.textContent = w(legendKey);
  set.append(legend);
  const chosen = read();
  for (const value of values) {
    const box = document.createElement('input');
    box.type = 'checkbox'; box.id = id + '-' + value; box.value = value; box.checked = chosen.includes(value);
    box.disabled = disabled.includes(value) && !box.checked;
    const label = document.createElement('label');
    label.htmlFor = box.id; label.textContent = ' ' + w(wordPrefix + value);
    const line = document.createElement('div');
    line.append(box, label);
    box.addEventListener('change', () => {
      const picked = [...set.querySelectorAll('input:checked')].map((b) => b.value);
      update((next) => write(next, picked));
    });
    set.append(line);
  }
  return set;
}

// Rebuilding a form moves the keyboard focus to the page: put it back on the same control, so
// that arrow keys on a select or a radio go on working on it.
function keepingFocus(build) {
  const focused = document.activeElement && document.activeElement.id;
  build();
  if (focused && $(focused) && document.activeElement !== $(focused)) $(focused).focus();
}

function renderPerson() {
  // Text or a number being typed in a field of the person when the form is rebuilt (after
  // another change finished) keeps what was typed; it is recorded when the officer leaves the
  // field.
  const active = document.activeElement;
  const typing = active && (active.type === 'text' || active.type === 'number') && $('person-fields').contains(active)
    ? { id: active.id, value: active.value } : null;
  keepingFocus(buildPerson);
  restoreRefused();
  if (typing && $(typing.id)) keepTyped($(typing.id), typing.value);
}

// Puts refused text back into its rebuilt field, marked as refused, with the reason beside it
// (see `state.refused`).
function restoreRefused() {
  for (const [id, { value, message }] of state.refused) {
    const el = $(id);
    if (el) { el.value = value; markInvalid(el, message); }
  }
}

// Puts text the officer was typing into the rebuilt field `el`. A value set by the page is not
// the officer's edit, so the browser fires no change when the field is left: if none fires,
// the page records it then itself (once, and only if it differs from what the case has).
function keepTyped(el, typed) {
  if (el.value === typed) return;
  el.value = typed;
  let changed = false;
  el.addEventListener('change', () => { changed = true; }, { once: true });
  el.addEventListener('blur', () => { if (!changed) el.dispatchEvent(new Event('change')); }, { once: true });
}

// A free-text field of the case (`path`: one or two keys), removed when emptied. No
// `maxLength`: a browser cuts pasted text to it without a word. Text longer than the case
// takes is refused by the library, in the page's language, and stays in the field to be
// shortened (see `update`).
function textInput(id, path) {
  const input = keepPrivate(document.createElement('input'));
  input.id = id; input.type = 'text';
  const [a, b] = path;
  input.value = (b ? (state.case[a] || {})[b] : state.case[a]) || '';
  input.addEventListener('change', () => {
    const value = input.value;
    update((next) => {
      if (b) {
        next[a] = next[a] || {};
        if (value.trim() === '') delete next[a][b]; else next[a][b] = value;
      } else if (value.trim() === '') delete next[a]; else next[a] = value;
    }, input);
  });
  return input;
}

function buildPerson() {
  const c = state.catalogue;
  const box = $('person-fields');
  box.replaceChildren();
  const national = field(w('page.national'), triState('f-national', 'national', removalRecorded() ? ['true'] : []));
  if (removalRecorded()) national.append(hint('f-national-hint', 'page.hint.national_with_removal'));
  // The conditions of the interview first: an exploiter present, no interpreter or one linked to
  // the exploiter, no privacy change how every "no" counts (a reviewer, thirty-second session,
  // ticked one after 46 questions and saw 37 answers become "not yet confirmed").
  box.append(checkboxes('f-conditions', 'page.conditions', c.conditions, 'condition.', () => state.case.interview_conditions || [],
    (next, picked) => { next.interview_conditions = picked; return next; }));
  box.append(
    field(w('page.case_reference'), textInput('f-reference', ['case_reference'])),
    field(w('page.age_years'), numberInput('f-age', ['subject', 'age_years'], ...LIMITS.age)),
    field(w('page.minor'), triState('f-minor', 'minor')),
    field(w('page.minor_at_exploitation'), triState('f-minor-act', 'minor_at_exploitation')),
    field(w('page.possibly_minor'), triState('f-possibly-minor', 'possibly_minor')),
    field(w('page.age_at_exploitation'), numberInput('f-age-act', ['subject', 'age_at_exploitation_years'], ...LIMITS.age)),
    field(w('page.exploitation_began_year'), numberInput('f-began', ['exploitation_began_year'], ...LIMITS.year)),
    field(w('page.birth_year'), numberInput('f-birth', ['subject', 'birth_year'], ...LIMITS.year)),
    field(w('page.disability'), triState('f-disability', 'disability')),
    national,
  );
  box.append(field(w('page.visa'), textInput('f-visa', ['subject', 'visa'])));
  const sector = document.createElement('select');
  sector.id = 'f-sector';
  const none = document.createElement('option'); none.value = ''; none.textContent = w('page.unknown'); sector.append(none);
  for (const s of c.sectors) { const o = document.createElement('option'); o.value = s; o.textContent = w('sector.' + s); sector.append(o); }
  sector.value = state.case.sector || '';
  sector.addEventListener('change', () => {
    const value = sector.value;
    update((next) => { if (value === '') delete next.sector; else next.sector = value; });
  });
  box.append(field(w('page.sector'), sector));
  box.append(
    checkboxes('f-forms', 'page.forms', c.forms, 'form.', () => state.case.forms || [],
      (next, picked) => {
        next.forms = picked;
        // The types describe the form `sexual`: without it they would contradict the forms.
        if (!picked.includes('sexual')) delete next.sexual_exploitation_types;
        return next;
      }),
  );
  // How the person was sexually exploited, once the form is recorded: the laws of the sex trade
  // and services are named only where the sex trade may be what happened.
  if ((state.case.forms || []).includes('sexual')) {
    box.append(checkboxes('f-sexual-types', 'page.sexual_exploitation_types', c.sexual_exploitation_types,
      'sexual_type.', () => state.case.sexual_exploitation_types || [],
      (next, picked) => {
        if (picked.length === 0) delete next.sexual_exploitation_types; else next.sexual_exploitation_types = picked;
        return next;
      }));
  }
  box.append(
    offences(c.offences),
    checkboxes('f-measures', 'page.measures', c.measures, 'measure.', () => state.case.measures || [],
      (next, picked) => { next.measures = picked; return next; }, nationalRecorded() ? c.measures_not_for_nationals : []),
  );
  if (nationalRecorded()) $('f-measures').append(hint('f-measures-hint', 'page.hint.removal_for_national'));
}

// The offences, each with how far proceedings have gone (the stage decides no level, but
// the report names it and its wording follows it: an offence charged or convicted is past
// the decision to charge).
function offences(kinds) {
  const set = document.createElement('fieldset');
  set.id = 'f-offences';
  const legend = document.createElement('legend');
  legend.textContent = w('page.offences');
  set.append(legend);
  const recorded = state.case.offences || [];
  for (const kind of kinds) {
    const current = recorded.find((o) => o.kind === kind);
    const box = document.createElement('input');
    box.type = 'checkbox'; box.id = 'f-offences-' + kind; box.value = kind; box.checked = Boolean(current);
    const label = document.createElement('label');
    label.htmlFor = box.id; label.textContent = ' ' + w('offence.' + kind);
    const line = document.createElement('div');
    line.append(box, label);
    box.addEventListener('change', () => {
      const on = box.checked;
      update((next) => {
        const list = (next.offences || []).filter((o) => o.kind !== kind);
        // Ticked again: what was recorded with it before comes back with undo, not here.
        if (on) list.push({ kind });
        next.offences = list;
      });
    });
    if (current) {
      const stage = document.createElement('select');
      stage.id = 'f-offences-' + kind + '-stage';
      stage.setAttribute('aria-label', w('page.stage') + ': ' + w('offence.' + kind));
      for (const value of ['', 'suspected', 'charged', 'convicted']) {
        const o = document.createElement('option');
        o.value = value; o.textContent = value ? w('stage.' + value) : w('page.stage') + ': ' + w('page.unknown');
        stage.append(o);
      }
      stage.value = current.stage || '';
      stage.addEventListener('change', () => {
        const value = stage.value;
        update((next) => {
          const o = (next.offences || []).find((x) => x.kind === kind);
          if (o) { if (value) o.stage = value; else delete o.stage; }
        });
      });
      // What the officer knows of it (where, when, on what grounds), kept with the case and
      // never in the report.
      const note = keepPrivate(document.createElement('input'));
      note.id = 'f-offences-' + kind + '-note'; note.type = 'text';
      note.placeholder = w('page.note');
      note.setAttribute('aria-label', w('page.note') + ': ' + w('offence.' + kind));
      note.value = current.note || '';
      note.addEventListener('change', () => {
        const value = note.value.trim();
        update((next) => {
          const o = (next.offences || []).find((x) => x.kind === kind);
          if (o) { if (value) o.note = value; else delete o.note; }
        }, note);
      });
      line.append(' ', stage, ' ', note);
    }
    set.append(line);
  }
  return set;
}

// ----- checklist mode -----------------------------------------------------------------------

function renderChecklist() {
  keepingFocus(buildChecklist);
  restoreRefused();
}

function buildChecklist() {
  const box = $('checklist-items');
  // A note being typed when the checklist is rebuilt (after another change finished) keeps
  // what was typed; it is recorded when the officer leaves the field.
  const active = document.activeElement;
  const typing = active && active.id.startsWith('c-note-') ? { id: active.id, value: active.value } : null;
  box.replaceChildren();
  const groups = new Map();
  for (const e of state.entries) {
    const key = e.dimension ? 'dimension.' + e.dimension : 'element.' + (e.element || 'purpose');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(e);
  }
  const recorded = new Map((state.case.observations || []).map((o) => [o.indicator, o]));
  const status = new Map([...recorded].map(([id, o]) => [id, o.status]));
  // Wordings of one indicator in one dimension (the ILO/EC and UNODC wordings of withheld
  // wages, of held papers) count once in the dimension and the score: each says so and names
  // the others (a reviewer, thirty-second session, saw no hint which to tick). Every wording
  // that fits is still to be recorded: a rule may read one list only (a second reviewer,
  // thirty-third session: the UNODC wording of no cash of their own, in a list the child rule
  // reads, raised a girl of 15 to reasonable grounds where the ILO/EC wording did not).
  const wordings = new Map();
  for (const e of state.entries) {
    if (!e.dimension) continue;
    const key = e.dimension + ' ' + e.concept;
    if (!wordings.has(key)) wordings.set(key, []);
    wordings.get(key).push(e);
  }
  for (const [key, entries] of groups) {
    // Headings under the checklist panel's own (h2); words meant for inside a sentence
    // ("the act") start with a capital here.
    const h = document.createElement('h3');
    const words = w(key);
    h.textContent = words.charAt(0).toUpperCase() + words.slice(1);
    box.append(h);
    for (const e of entries) {
      const row = document.createElement('div');
      row.className = 'item';
      const text = document.createElement('span');
      text.id = 'c-label-' + e.id;
      text.textContent = e.label;
      const set = document.createElement('fieldset');
      set.setAttribute('aria-labelledby', text.id);
      for (const [value, word] of [['present', 'page.present'], ['absent', 'page.absent'], ['not_assessed', 'page.not_known'], ['', 'page.unanswered']]) {
        const radio = document.createElement('input');
        radio.type = 'radio'; radio.name = 'c-' + e.id; radio.value = value; radio.id = 'c-' + e.id + '-' + (value || 'none');
        radio.checked = (status.get(e.id) || '') === value;
        const label = document.createElement('label'); label.htmlFor = radio.id; label.textContent = w(word);
        // A radio and its label stay on one line, so a narrow screen never separates them.
        const choice = document.createElement('span');
        choice.className = 'choice';
        radio.addEventListener('change', () => {
          update((next) => {
            const observations = next.observations || [];
            const old = observations.find((o) => o.indicator === e.id);
            next.observations = observations.filter((o) => o.indicator !== e.id);
            // A new status keeps what was recorded with the old one (its source and note).
            if (value) next.observations.push({ ...(old || {}), indicator: e.id, status: value });
            // Unanswered again: the interview may ask it again (a question listed as asked
            // must have an answer, or the library refuses the case).
            if (!value && next.interview && next.interview.asked) {
              next.interview.asked = next.interview.asked.filter((id) => id !== e.id);
            }
          });
        });
        choice.append(radio, label);
        set.append(choice);
      }
      // The name, and the other wordings of the same indicator below it (read with the
      // answers by a screen reader; not searched by the filter).
      const head = document.createElement('div');
      head.append(text);
      const others = e.dimension ? wordings.get(e.dimension + ' ' + e.concept).filter((o) => o.id !== e.id) : [];
      if (others.length > 0) {
        const same = document.createElement('div');
        same.id = 'c-same-' + e.id;
        same.className = 'muted same';
        const names = others.map((o) => '‘' + o.label + '’').join(', ');
        if (others.length <= 2) {
          same.textContent = w('page.same_indicator', { others: names });
        } else {
          // Three or more other wordings (six rows of confinement each named the other five,
          // a phone screen at a time): a short line, the names folded under it.
          same.textContent = w('page.same_indicator.many', { count: others.length }) + ' ';
          const fold = document.createElement('details');
          fold.className = 'same-names';
          const summary = document.createElement('summary');
          summary.textContent = w('page.same_indicator.show');
          fold.append(summary, names);
          same.append(fold);
        }
        head.append(same);
        set.setAttribute('aria-describedby', same.id);
      }
      row.append(head, set);
      const observation = recorded.get(e.id);
      if (observation) row.append(checklistDetails(e.id, observation, typing));
      box.append(row);
    }
  }
  filterChecklist();
}

// Shows only the indicators whose name holds the words typed in the filter, and the headings
// of their groups (a reviewer, thirty-second session: 143 items on a phone, no way to find
// the one the officer had in mind). Nothing is recorded or removed: the rest is only hidden.
function filterChecklist() {
  const words = $('checklist-filter').value.trim().toLowerCase().split(/\s+/).filter(Boolean);
  let heading = null;
  let shown = 0;
  let count = 0;
  let total = 0;
  for (const el of $('checklist-items').children) {
    if (el.tagName === 'H3') {
      if (heading) heading.hidden = shown === 0;
      heading = el;
      shown = 0;
      continue;
    }
    const name = (el.querySelector('span[id^="c-label-"]') || el).textContent.toLowerCase();
    const match = words.every((word) => name.includes(word));
    el.hidden = !match;
    total += 1;
    if (match) { shown += 1; count += 1; }
  }
  if (heading) heading.hidden = shown === 0;
  // How many match, said to a screen reader too (a status): only while words are typed.
  setText($('checklist-count'), words.length ? w('page.checklist_count', { count, total }) : '');
}

// How a recorded indicator is known and the officer's note, as in the interview: a source (or
// none recorded) and a note, each changed on its own, the status kept.
function checklistDetails(id, observation, typing) {
  const details = document.createElement('details');
  details.id = 'c-details-' + id;
  details.open = state.openDetails.has(id);
  details.addEventListener('toggle', () => {
    if (details.open) state.openDetails.add(id); else state.openDetails.delete(id);
  });
  const summary = document.createElement('summary');
  summary.id = 'c-summary-' + id;
  const known = [observation.source ? w('source.' + observation.source) : '', observation.note ? w('page.note_recorded') : ''].filter(Boolean);
  summary.textContent = w('page.details') + (known.length ? ': ' + known.join(', ') : '');
  const edit = (change, field) => update((next) => {
    const o = (next.observations || []).find((x) => x.indicator === id);
    if (o) change(o);
  }, field);
  const sourceLabel = document.createElement('label');
  sourceLabel.htmlFor = 'c-source-' + id; sourceLabel.textContent = w('page.source');
  const source = document.createElement('select');
  source.id = 'c-source-' + id;
  for (const value of ['', 'self_report', 'document', 'direct_observation', 'third_party']) {
    const o = document.createElement('option'); o.value = value;
    o.textContent = value ? w('source.' + value) : w('page.source_none');
    source.append(o);
  }
  source.value = observation.source || '';
  source.addEventListener('change', () => {
    const value = source.value;
    edit((o) => { if (value) o.source = value; else delete o.source; });
  });
  const noteLabel = document.createElement('label');
  noteLabel.htmlFor = 'c-note-' + id; noteLabel.textContent = w('page.note');
  const note = keepPrivate(document.createElement('input'));
  note.id = 'c-note-' + id; note.type = 'text';
  note.value = observation.note || '';
  if (typing && typing.id === note.id) keepTyped(note, typing.value);
  // On change (when the field is left), not on every key: each change is assessed.
  note.addEventListener('change', () => {
    const value = note.value.trim();
    edit((o) => { if (value) o.note = value; else delete o.note; }, note);
  });
  details.append(summary, sourceLabel, source, noteLabel, note);
  return details;
}

// ----- interview mode -----------------------------------------------------------------------

function renderQuestion(q, finished) {
  const text = $('question-text');
  $('finished').hidden = !finished;
  // Why the interview can stop, in words: the level cannot change, or every question was asked.
  // The server sends the reason's id: its words are `interview.finished.<id>`.
  const why = ['level_cannot_change', 'every_question_asked'].includes(finished) ? 'interview.finished.' + finished : null;
  $('finished').textContent = w(why || 'page.finished');
  for (const id of ['answer-yes-no', 'answer-number', 'answer-forms']) $(id).hidden = true;
  if (!q) {
    text.textContent = '';
    text.dataset.kind = ''; text.dataset.id = ''; text.dataset.key = '';
    text.removeAttribute('aria-describedby');
    $('question-number').textContent = '';
    // Nothing left to ask: no stale line of what a yes records, nothing to skip, and the end
    // said where the focus is.
    $('question-means').hidden = true;
    $('question-lead').hidden = true;
    $('skip').hidden = true;
    if (focusLost(document.activeElement)) $('finished').focus({ preventScroll: true });
    return;
  }
  $('question-number').textContent = w('page.question', { number: q.number });
  // The same question shown again (after an edit of the person or the checklist, or another
  // language) keeps what the officer has typed or chosen for it: only a new question starts
  // with empty answers.
  const key = q.number + '|' + q.kind + '|' + (q.id || '');
  const same = text.dataset.key === key;
  text.dataset.key = key;
  text.textContent = q.text;
  text.classList.remove('instruction');
  text.dataset.kind = q.kind;
  text.dataset.id = q.id || '';
  $('question-lead').hidden = !q.lead;
  $('question-lead').textContent = w('page.lead');
  $('question-means').hidden = !q.yes_means;
  $('question-means').textContent = q.yes_means || '';
  // What a yes records, and a lead, are read with the question and the yes (only when shown: a
  // hidden element referred to is read all the same).
  // The end of the interview too, when it can stop with a question still shown: the focus is
  // on the question, and the line that says so is not a live region (an accessibility review,
  // forty-first session: the end was never said to a screen reader).
  const described = [q.yes_means && 'question-means', q.lead && 'question-lead', finished && 'finished'].filter(Boolean).join(' ');
  if (described) text.setAttribute('aria-describedby', described); else text.removeAttribute('aria-describedby');
  if (q.yes_means) $('answer-yes').setAttribute('aria-describedby', 'question-means'); else $('answer-yes').removeAttribute('aria-describedby');
  if (q.kind === 'age' || q.kind === 'birth_year') {
    $('answer-number').hidden = false;
    // The field's own short label: the question above it is not read twice.
    $('answer-number-label').textContent = w('page.answer.' + q.kind);
    // The range the library takes, for the field and its arrows (an age, or a year).
    const [min, max] = q.kind === 'age' ? LIMITS.age : LIMITS.year;
    $('answer-number-input').min = min; $('answer-number-input').max = max;
    if (!same) { $('answer-number-input').value = ''; numberAnswerError(null); }
  } else if (q.kind === 'forms' || q.kind === 'sexual_exploitation_types') {
    // The forms, or (once the form sexual is recorded, where the advice depends on it) the
    // types of sexual exploitation: a list to tick.
    const forms = q.kind === 'forms';
    $('answer-forms').hidden = false;
    // An instruction to the interviewer, not a question to read aloud: styled apart.
    text.classList.add('instruction');
    $('answer-forms-legend').textContent = w(forms ? 'page.forms' : 'page.sexual_exploitation_types');
    const list = $('answer-forms-list');
    const checked = same ? new Set([...list.querySelectorAll('input:checked')].map((b) => b.value)) : new Set();
    list.replaceChildren();
    const choices = forms ? state.catalogue.forms : state.catalogue.sexual_exploitation_types;
    for (const f of choices) {
      const box = document.createElement('input');
      box.type = 'checkbox'; box.id = (forms ? 'q-form-' : 'q-sexual-type-') + f; box.value = f; box.checked = checked.has(f);
      const label = document.createElement('label'); label.htmlFor = box.id;
      label.textContent = ' ' + w((forms ? 'form.' : 'sexual_type.') + f);
      const line = document.createElement('div'); line.append(box, label); list.append(line);
    }
  } else {
    $('answer-yes-no').hidden = false;
    if (!same) $('answer-note').value = '';
    // Only an indicator's answer keeps a note and how it is known (the person's own by
    // default): the library refuses either on a safety or a reasons question, so neither box
    // is offered there.
    const indicator = q.kind === 'indicator';
    $('answer-note').hidden = !indicator;
    $('note-label').hidden = !indicator;
    $('answer-source').hidden = !indicator;
    $('source-label').hidden = !indicator;
    // What the interviewer observes (an item of appearance, whether there are reasons to believe
    // the person is a child) is not read aloud, and is known by their own observation (a
    // reviewer, thirty-third session: it was styled as a question and recorded as what the
    // person said).
    const entry = indicator ? state.entries.find((e) => e.id === q.id) : null;
    const observed = q.kind === 'reasons_to_believe_child' || Boolean(entry && entry.appearance);
    text.classList.toggle('instruction', observed);
    if (!same) $('answer-source').value = observed ? 'direct_observation' : 'self_report';
  }
  // Whether there are reasons to believe the person is a child is the interviewer's own
  // observation, yes or no: the library refuses "not known" and a skip there, so the page
  // does not offer them.
  const observation = q.kind === 'reasons_to_believe_child';
  $('answer-not-known').hidden = observation;
  $('skip').hidden = observation;
  // When the answer controls change (yes / no, a number, the forms) or the pressed button was
  // disabled while the answer was sent, the focus falls to the page: put it on the first
  // control of the new answer (now, or when the buttons are enabled again).
  const active = document.activeElement;
  if (focusLost(active)) {
    state.focusAnswer = true;
    focusAnswer();
  }
}

// A number the interview cannot take (out of range, not a whole number, nothing typed): said
// beside the field, tied to it and brought into view (at 400% zoom the error line at the top
// was screens away), with the focus in the field to correct it. `null` clears it.
function numberAnswerError(key) {
  const input = $('answer-number-input');
  const el = $('answer-number-error');
  if (!key) {
    el.hidden = true;
    el.textContent = '';
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
    return;
  }
  el.textContent = w(key);
  el.hidden = false;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', 'answer-number-error');
  if (document.activeElement !== input) input.focus({ preventScroll: true });
  input.scrollIntoView({ block: 'nearest' });
  el.scrollIntoView({ block: 'nearest' });
}

// Whether the focus has fallen to the page: on nothing, on the page itself, or on a control
// that is disabled or hidden.
function focusLost(el) {
  return !el || el === document.body || el.disabled || Boolean(el.closest('[hidden]'));
}

function focusAnswer() {
  // Never take the focus from a control the officer has moved to meanwhile (a field of the
  // person, the checklist): only a focus that fell to the page, or to a disabled or hidden
  // control, is moved.
  const active = document.activeElement;
  if (!focusLost(active)) { state.focusAnswer = false; return; }
  // In the checklist the interview is hidden: its question cannot take the focus.
  if ($('interview').hidden) { state.focusAnswer = false; return; }
  // A number is typed into its field, which records nothing until OK. Any other question takes
  // the focus itself, so that a screen reader reads it and a key pressed once too often
  // answers nothing: the answers follow it in the tab order (a reviewer, thirty-second session:
  // the first focus of the page fell on "yes" of "are you hurt?").
  const number = $('answer-number').hidden ? null : $('answer-number-input');
  // No question left (the interview ended): its end, where it is said.
  const first = number || ($('question-text').textContent ? $('question-text') : null) || ($('finished').hidden ? null : $('finished'));
  if (first && !first.disabled) {
    first.focus({ preventScroll: true });
    state.focusAnswer = false;
    // On a phone an alert above can push the question off the screen: bring it back into view
    // (below the bar of the hide button).
    const r = first.getBoundingClientRect();
    if (r.top < $('hide-bar').getBoundingClientRect().bottom || r.bottom > window.innerHeight) first.scrollIntoView({ block: 'center' });
  }
}

// ----- hiding the screen --------------------------------------------------------------------

// When someone who must not see the page comes near (the exploiter, a broker, an interpreter
// linked to them), one tap or the Escape key covers it with a plain screen and gives the tab a
// plain title; the page under it cannot be reached by the keyboard or a screen reader until
// "continue". Nothing is cleared or sent: the case, the question and what was typed stay.
let beforeCover = null;
let coveredQuestion = null;
function hideScreen() {
  if (!$('cover').hidden) return;
  beforeCover = document.activeElement;
  coveredQuestion = $('question-text').dataset.key;
  for (const el of document.querySelectorAll('body > header, body > main, #hide-bar')) el.inert = true;
  $('cover').hidden = false;
  // Before the words have come, no key is shown as the title: the address stands instead.
  document.title = state.words['page.cover.title'] || '';
  // The cover itself takes the focus, not "continue": a key pressed once too often does not
  // show the page again ("continue" is one Tab away).
  $('cover').focus();
}
function showScreen() {
  for (const el of document.querySelectorAll('body > header, body > main, #hide-bar')) el.inert = false;
  $('cover').hidden = true;
  document.title = w('page.title');
  // Back where the officer was; if an answer finished meanwhile (the question changed), on the
  // new question, never on an answer of it.
  const back = beforeCover;
  beforeCover = null;
  const moved = $('question-text').dataset.key !== coveredQuestion && $('interview').contains(back);
  if (!moved && !focusLost(back) && back !== $('hide-screen') && document.contains(back)) {
    back.focus({ preventScroll: true });
  } else {
    state.focusAnswer = true;
    focusAnswer();
    // The interview ended under the cover: the end is said where the focus is.
    if (document.activeElement === document.body && !$('finished').hidden && !$('interview').hidden) $('finished').focus({ preventScroll: true });
    if (document.activeElement === document.body) $('hide-screen').focus();
  }
}

// An answer names the question it answers; the server refuses it if that question is no
// longer the next one.
function answer(a) {
  const shown = state.next;
  if (!shown) return Promise.resolve();
  const question = { number: shown.number, id: shown.id || null };
  return queued(async () => {
    showError('');
    try {
      const before = JSON.stringify(state.case);
      const result = await api('/api/interview', { case: state.case, answer: { ...a, question } });
      remember(before);
      state.case = result.case;
      await refresh();
    } catch (e) {
      showError(w('page.error', { error: e.message }));
      await refresh();
    }
  });
}

// ----- result -------------------------------------------------------------------------------

let generation = 0;

async function refresh() {
  generation += 1;
  const mine = generation;
  try {
    const [iv, result] = await Promise.all([
      api('/api/interview', { case: state.case, answer: null }),
      api('/api/assess', state.case),
    ]);
    // Only the latest refresh paints: an earlier one that answers late is dropped.
    if (mine !== generation) return;
    state.next = iv.next;
    const a = result.assessment;
    // Safety first (and a safety question not answered), where the officer is looking: beside the
    // question, not only in the report. Set before the question is drawn, so that the focus it
    // places is not lost when the re-ask button is hidden after it.
    const safety = a.explanation.notices
      .map((n, i) => (n.kind === 'safety_first' || n.kind === 'safety_not_known' ? result.prose.notices[i] : null))
      .filter(Boolean);
    $('safety-alert').hidden = safety.length === 0;
    setText($('safety-alert'), safety.join(' '));
    // A safety answer "not known" is asked again when it can be: the alert says to, and the
    // page once had no way but undoing every later answer (a reviewer, thirty-second session).
    $('reask-safety').hidden = !notKnownSafety(state.case).length;
    renderQuestion(iv.next, iv.finished);
    state.levelName = result.prose.level;
    const level = $('level');
    setText(level, w('page.level') + ': ' + result.prose.level);
    level.className = 'level ' + a.level;
    level.dataset.level = a.level;
    const round = (x) => Math.round(x);
    const score = w('page.score', { score: round(a.score), min: round(a.score_range.min), max: round(a.score_range.max) });
    $('score').textContent = score;
    $('score').dataset.score = a.score;
    // The level beside the question too: on a phone the result is far below.
    // Set only when it changes: a live region read again after every answer buries the
    // question (a screen-reader review, thirty-second session).
    // Only the level is live (read when it changes); the score beside it, which changes with
    // most answers, is not (an accessibility review, forty-first session).
    setText($('question-level'), w('page.level') + ': ' + result.prose.level);
    setText($('question-score'), ' · ' + score);
    $('question-status').className = 'status no-print ' + a.level;
    renderReport(result.report);
    renderPerson();
    if (!$('checklist').hidden) renderChecklist();
  } catch (e) {
    showError(w('page.error', { error: e.message }));
  }
}

// The report as the library writes it, the same text to copy and to print, one line to a
// block: the section headings (the words of `report.heading.*`) in bold, and a line that wraps
// indented under its own start (its leading spaces and its number or mark), so that a numbered
// step keeps its indent on a phone (a reviewer, thirty-third session: some 9,700 px of text
// with no visible structure). The indent is set through the style object, which the page
// policy allows (it refuses style attributes written as text).
function renderReport(text) {
  const headings = new Set(Object.entries(state.words).filter(([k]) => k.startsWith('report.heading.')).map(([, v]) => v));
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const box = $('report');
  box.replaceChildren();
  for (const line of lines) {
    const span = document.createElement('span');
    span.className = headings.has(line) ? 'line head' : 'line';
    // A section heading is a heading to a screen reader too (under "Result", an h2), so that
    // one can go from section to section.
    if (headings.has(line)) { span.setAttribute('role', 'heading'); span.setAttribute('aria-level', '3'); }
    const lead = line.match(/^ *(?:(?:\d+\.|[-+*!]) )?/)[0].length;
    if (lead > 0) span.style.setProperty('--hang', String(lead));
    appendMarked(span, line);
    span.append('\n');
    box.append(span);
  }
}

// Korean words inside an English text (the Korean rule sets quote Korean terms: "상당한 이유")
// are marked as Korean, so that a screen reader reads them in a Korean voice. A Korean page
// needs no mark for its Latin letters (a Korean voice reads them).
const HANGUL_RUN = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7A3「『][\u1100-\u11FF\u3130-\u318F\uAC00-\uD7A3「」『』ㆍ·\d ]*[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7A3」』]|[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7A3]/g;
function appendMarked(el, text) {
  if (state.lang === 'ko') { el.append(text); return; }
  let at = 0;
  for (const m of text.matchAll(HANGUL_RUN)) {
    if (m.index > at) el.append(text.slice(at, m.index));
    const run = document.createElement('span');
    run.lang = 'ko';
    run.textContent = m[0];
    el.append(run);
    at = m.index + m[0].length;
  }
  if (at < text.length) el.append(text.slice(at));
}

// Changes the case with `edit` (which changes a copy in place, or returns the new case),
// applied to the case as the change before it left it. `field`, a text field the change came
// from: if the library refuses the change (a text longer than the case takes), what the
// officer typed or pasted stays whole in the field, marked, to be shortened, not cut or
// thrown away; nothing is recorded until it is accepted.
function update(edit, field) {
  const typed = field ? { id: field.id, value: field.value } : null;
  return queued(async () => {
    showError('');
    const before = JSON.stringify(state.case);
    const draft = copy(state.case);
    const next = edit(draft) || draft;
    try {
      await api('/api/assess', next);
      remember(before);
      state.case = next;
      if (typed) state.refused.delete(typed.id);
      await refresh();
    } catch (e) {
      showError(w('page.error', { error: e.message }));
      // Kept beside its field only when the library refused it: a value that never reached
      // the program (not running, a proxy's page) is not marked refused for later.
      if (typed && !e.transport) state.refused.set(typed.id, { value: typed.value, message: e.message });
      renderPerson();
      restoreRefused();
    }
  });
}

async function loadCatalogue() {
  const asked = state.lang + ' ' + state.ruleSet;
  const catalogue = await api('/api/catalogue');
  // A later change of language or rule set wins over an answer that arrives late: the stale
  // change neither paints its words nor refreshes the question (the later one does both).
  if (asked !== state.lang + ' ' + state.ruleSet) return false;
  state.catalogue = catalogue;
  state.words = state.catalogue.words;
  state.entries = state.catalogue.entries;
  const select = $('rule-set');
  if (select.options.length === 0) {
    for (const id of state.catalogue.rule_sets) {
      const o = document.createElement('option'); o.value = id; o.textContent = id; select.append(o);
    }
  }
  // The rule sets by name in the language of the page (a reviewer, thirty-second session: the bare
  // ids meant nothing to an officer); the id stays in the name, as the report prints it.
  for (const o of select.options) {
    const key = 'page.rule_set_name.' + o.value.replace(/-/g, '_');
    o.textContent = state.words[key] || o.value;
  }
  select.value = state.ruleSet;
  renderWords();
  return true;
}

function download() {
  const blob = new Blob([JSON.stringify(state.case, null, 2) + '\n'], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  // The rule set in the name: the case file does not record it, and another rule set can give
  // another level.
  a.download = 'case-' + state.ruleSet + '.json';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// A case file is UTF-8 text (a byte-order mark before it is fine), decoded strictly: a file
// saved as CP949 would otherwise come in with replacement characters in place of its Korean
// and be taken as a case. UTF-16 is named, with what to do, as the command line names it.
function decodeCase(bytes) {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new Error(w('page.error.utf16'));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(w('page.error.not_utf8'));
  }
}

// The safety questions answered "not known" in the interview record of the case.
const SAFETY = ['hurt', 'in_danger', 'needs_doctor'];
function notKnownSafety(c) {
  const s = (c.interview && c.interview.safety) || {};
  return SAFETY.filter((k) => s[k] === 'not_known');
}

// A text set only when it differs: a live region is read again each time it is set.
function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

function load(file) {
  queued(async () => {
    try {
      const text = decodeCase(new Uint8Array(await file.arrayBuffer()));
      await api('/api/assess', text);
      // The decoder takes off one byte-order mark; the library takes any more before the
      // case, and so does the page.
      const loaded = JSON.parse(text.replace(/^\uFEFF+/, ''));
      remember(JSON.stringify(state.case));
      state.case = loaded;
      state.openDetails.clear();
      state.refused.clear();
      showError('');
      await refresh();
      // Said where the officer is, beside the button (the error line is at the top of the
      // page, screens away on a phone).
      $('load-status').textContent = w('page.loaded', { level: state.levelName });
    } catch (e) {
      const message = w('page.load_error', { error: e.message });
      showError(message);
      $('load-status').textContent = message;
    }
    $('load').value = '';
  });
}

function mode(name) {
  const interview = name === 'interview';
  showError('');
  $('interview').hidden = !interview;
  $('checklist').hidden = interview;
  $('tab-interview').setAttribute('aria-selected', String(interview));
  $('tab-checklist').setAttribute('aria-selected', String(!interview));
  if (!interview) renderChecklist();
}

document.addEventListener('DOMContentLoaded', async () => {
  $('hide-screen').addEventListener('click', hideScreen);
  $('cover-show').addEventListener('click', showScreen);
  // Escape hides the screen from anywhere on the page, at the first press (a search field
  // keeps its words; its own button clears them). With a Korean input method on, a browser may
  // send the key as `Process` with the code `Escape`: either is taken.
  document.addEventListener('keydown', (event) => {
    if ((event.key !== 'Escape' && event.code !== 'Escape') || !$('cover').hidden || event.defaultPrevented) return;
    event.preventDefault();
    hideScreen();
  });
  $('checklist-filter').addEventListener('input', filterChecklist);
  // Removing a "not known" safety answer makes the interview ask it next (safety comes first);
  // every other answer stays.
  $('reask-safety').addEventListener('click', () => update((next) => {
    for (const k of notKnownSafety(next)) delete next.interview.safety[k];
  }));
  // Korean means Korean law, unless the officer chose a rule set themselves.
  let ruleSetChosen = false;
  $('lang').addEventListener('change', async () => {
    state.lang = $('lang').value;
    if (!ruleSetChosen && state.lang === 'ko') state.ruleSet = 'kr-2024';
    if (await loadCatalogue()) await refresh();
  });
  $('rule-set').addEventListener('change', async () => {
    ruleSetChosen = true;
    state.ruleSet = $('rule-set').value;
    if (await loadCatalogue()) await refresh();
  });
  $('answer-number-input').addEventListener('keydown', (event) => {
    if (event.key === 'Enter') $('answer-number-ok').click();
  });
  // A new case starts clean: nothing of the last person can come back with "undo".
  $('new-case').addEventListener('click', () => {
    if (Object.keys(state.case).length > 0 && !window.confirm(w('page.confirm_new_case'))) return;
    queued(async () => {
      state.case = {}; state.history = []; state.openDetails.clear(); state.refused.clear();
      await refresh();
      // The new case starts at its first question, where the focus goes: a screen reader reads
      // it, and says that the case before it is gone.
      if (!$('interview').hidden && $('question-text').textContent) {
        $('question-text').focus({ preventScroll: true });
        $('question-text').scrollIntoView({ block: 'nearest' });
      }
    });
  });
  // Nothing is stored in the browser: leaving the page loses the case, so ask first.
  window.addEventListener('beforeunload', (event) => {
    if (Object.keys(state.case).length > 0) event.preventDefault();
  });
  $('tab-interview').addEventListener('click', () => mode('interview'));
  $('tab-checklist').addEventListener('click', () => mode('checklist'));
  // Tabs as the keyboard expects them: left and right arrows move between the two.
  for (const [from, to, name] of [['tab-interview', 'tab-checklist', 'checklist'], ['tab-checklist', 'tab-interview', 'interview']]) {
    $(from).addEventListener('keydown', (event) => {
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        event.preventDefault();
        mode(name);
        $(to).focus();
      }
    });
  }
  const note = () => $('answer-note').value.trim() || undefined;
  const source = () => ($('answer-source').hidden ? undefined : $('answer-source').value);
  $('answer-yes').addEventListener('click', () => answer({ reply: 'yes', note: note(), source: source() }));
  $('answer-no').addEventListener('click', () => answer({ reply: 'no', note: note(), source: source() }));
  $('answer-not-known').addEventListener('click', () => answer({ reply: 'not_known', note: note(), source: source() }));
  $('skip').addEventListener('click', () => answer({ skip: true }));
  $('undo').addEventListener('click', () => queued(async () => {
    if (state.history.length > 0) { state.case = JSON.parse(state.history.pop()); await refresh(); } else showError(w('page.nothing_to_undo'));
  }));
  $('answer-number-ok').addEventListener('click', () => {
    const input = $('answer-number-input');
    const value = input.value;
    // Nothing typed: said, not silently ignored.
    if (value === '' && !input.validity.badInput) { numberAnswerError('page.number_empty'); return; }
    const key = state.next && state.next.kind === 'birth_year' ? 'birth_year' : 'age';
    // A whole number in range (an age from 0 to 130, a year from 1900 to 2100), or the
    // officer is told so in the page's language, beside the field, and nothing is sent.
    const [min, max] = key === 'age' ? LIMITS.age : LIMITS.year;
    const n = Number(value);
    if (input.validity.badInput || !Number.isInteger(n) || n < min || n > max) {
      numberAnswerError(key === 'age' ? 'page.invalid_age' : 'page.invalid_birth_year');
      return;
    }
    numberAnswerError(null);
    answer({ [key]: n });
  });
  $('answer-number-unknown').addEventListener('click', () => {
    const key = state.next && state.next.kind === 'birth_year' ? 'birth_year' : 'age';
    answer({ [key]: null });
  });
  // The list answers the forms, or the types of sexual exploitation: the question shown says which.
  const listKey = () => (state.next && state.next.kind === 'sexual_exploitation_types' ? 'sexual_exploitation_types' : 'forms');
  $('answer-forms-ok').addEventListener('click', () => {
    const picked = [...$('answer-forms-list').querySelectorAll('input:checked')].map((b) => b.value);
    answer({ [listKey()]: picked });
  });
  $('answer-forms-unknown').addEventListener('click', () => answer({ [listKey()]: [] }));
  $('print').addEventListener('click', () => window.print());
  $('download').addEventListener('click', download);
  $('load').addEventListener('change', () => { const f = $('load').files[0]; if (f) load(f); });
  // A browser set to Korean opens the page in Korean, under Korean law.
  if ((navigator.language || '').toLowerCase().startsWith('ko')) {
    state.lang = 'ko';
    state.ruleSet = 'kr-2024';
    $('lang').value = 'ko';
  }
  try {
    await loadCatalogue();
    await refresh();
  } catch (e) {
    showError(w('page.error', { error: e.message }));
  }
});
