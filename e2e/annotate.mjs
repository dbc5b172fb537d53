// Drives Quarry's annotation app in headless Chromium with the keyboard only, then refreshes the page and checks that
// nothing answered comes back. Usage: node e2e/annotate.mjs URL [SESSION]   (URL: the server root, e.g.
// http://127.0.0.1:8080/). The mode comes from GET /v1/annotate/config. Prints one line of JSON saying what was
// answered (texts as shown, keys pressed) for AnnotateBrowserIT to check against the dataset; exits 1 on a failed
// check. Needs Debian's /usr/bin/chromium (or CHROMIUM=path) and `npm ci --prefix e2e`.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [root, session = 'alice'] = process.argv.slice(2);
if (!root) {
  console.error('usage: node e2e/annotate.mjs URL [SESSION]');
  process.exit(2);
}
const base = root.endsWith('/') ? root : root + '/';
const TIMEOUT_MS = 20_000;

// The flags the machine notes ask for: no network beyond loopback, no first-run work, no sandbox (CI runs as root).
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function check(ok, message) {
  if (!ok) {
    throw new Error('check failed: ' + message);
  }
}

// The task as the page shows it: the text of #text without the label tags, its id, and whether anything ran.
async function shown(page) {
  return page.evaluate(() => {
    const text = document.getElementById('text');
    const copy = text.cloneNode(true);
    copy.querySelectorAll('.tag').forEach((tag) => tag.remove());
    const foreign = text.querySelectorAll('script, img, iframe, object, svg, a, [onerror], [onclick]').length;
    return {
      id: text.dataset.taskId || null,
      text: copy.textContent,
      state: document.body.dataset.state,
      foreign,
      xss: window.__quarryXss === true,
      answered: Number(document.getElementById('progress').dataset.answered),
      question: document.getElementById('question').textContent,
      label: document.getElementById('question').dataset.label || null,
      relabels: Array.from(document.querySelectorAll('#labels button'), (b) => b.dataset.label),
      message: document.getElementById('message').textContent,
    };
  });
}

async function ready(page, notId) {
  await page.waitForFunction((previous) => {
    const state = document.body.dataset.state;
    const id = document.getElementById('text').dataset.taskId || null;
    return state === 'done' || state === 'ready' && id !== previous;
  }, notId, { timeout: TIMEOUT_MS });
  const task = await shown(page);
  check(task.foreign === 0 && !task.xss, 'task text was inserted as HTML: ' + JSON.stringify(task));
  return task;
}

// Presses the keys, the last one answering; waits for the next task.
async function answer(page, task, keys) {
  for (const key of keys) {
    await page.keyboard.press(key);
  }
  return ready(page, task.id);
}

const scenarios = {
  // ner manual: accept the suggestions; add a span (tokens 1-2, second label); ignore; reject, undo, accept.
  async manual(page, first) {
    const steps = [];
    let task = first;
    for (const keys of [['a'], ['ArrowRight', 'Shift+ArrowRight', '2', 'Enter'], ['Space'], ['x']]) {
      steps.push({ id: task.id, text: task.text, keys });
      task = await answer(page, task, keys);
    }
    return undoAndRedo(page, task, steps, ['a']);
  },
  // binary: accept, reject, ignore, accept; undo the last and answer "no, it is L" instead (ner: L the first label
  // other than the one asked about, by its number; textcat: reject).
  async binary(page, first, config) {
    const steps = [];
    let task = first;
    for (const keys of [['a'], ['x'], ['Space'], ['a']]) {
      steps.push({ id: task.id, text: task.text, question: task.question, keys });
      task = await answer(page, task, keys);
    }
    return undoAndRedo(page, task, steps, (back) => config.kind === 'ner' ? relabel(config, back) : { keys: ['x'] });
  },
  // choice: option 1; options 2 and 3; reject; ignore; undo the ignore and pick option 1.
  async choice(page, first) {
    const steps = [];
    let task = first;
    for (const keys of [['1', 'Enter'], ['2', '3', 'Enter'], ['x'], ['Space']]) {
      steps.push({ id: task.id, text: task.text, keys });
      task = await answer(page, task, keys);
    }
    return undoAndRedo(page, task, steps, ['1', 'Enter']);
  },
};

// The key of "no, it is L" on a ner binary question: L the first of the app's labels that is not the one asked about,
// which the page must offer as a button.
function relabel(config, task) {
  const index = config.labels.findIndex((label) => label !== task.label);
  check(task.label && index >= 0 && index < 9, 'no other label to name on ' + JSON.stringify(task));
  const label = config.labels[index];
  check(task.relabels.includes(label) && !task.relabels.includes(task.label),
    'the page offers ' + JSON.stringify(task.relabels) + ' on a question about ' + task.label);
  return { keys: [String(index + 1)], relabel: label };
}

// Backspace brings the last answered task back (same text); `redo` (keys, or a function of the task shown giving
// {keys, ...}) answers it again; the redone step replaces it.
async function undoAndRedo(page, task, steps, redo) {
  const last = steps[steps.length - 1];
  const back = await answer(page, task, ['Backspace']);
  check(back.id === last.id && back.text === last.text, 'undo showed ' + JSON.stringify(back) + ', expected '
    + JSON.stringify(last));
  check(back.message.startsWith('Your earlier answer: '), 'undo did not say how the task was answered: '
    + JSON.stringify(back));
  const again = typeof redo === 'function' ? redo(back) : { keys: redo };
  steps[steps.length - 1] = { ...last, undone: last.keys, ...again };
  const next = await answer(page, back, again.keys);
  return { steps, next };
}

async function main() {
  const config = await (await fetch(base + 'v1/annotate/config')).json();
  const profile = mkdtempSync(join(tmpdir(), 'quarry-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(base + 'annotate/?session=' + encodeURIComponent(session));
    const first = await ready(page, null);
    check(first.state === 'ready', 'no task on the first load: ' + JSON.stringify(first));
    const { steps, next } = await scenarios[config.mode](page, first, config);
    await page.reload();
    const afterRefresh = await ready(page, null);
    const answered = new Set(steps.map((step) => step.id));
    check(afterRefresh.state === 'done' || !answered.has(afterRefresh.id),
      'an answered task came back after the refresh: ' + JSON.stringify(afterRefresh));
    check(next.id === afterRefresh.id, 'the refresh showed task ' + afterRefresh.id + ', not the one reserved, '
      + next.id);
    check(errors.length === 0, 'errors on the page: ' + errors.join('; '));
    console.log(JSON.stringify({ mode: config.mode, session, steps, after_refresh: afterRefresh }));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(String(error && error.stack || error));
  process.exit(1);
});
