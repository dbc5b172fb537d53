// Quarry's annotation page: plain JavaScript, no build step. Talks to /v1/annotate/* (see AnnotateEndpoints).
// Every text from a task is put into the page with textContent, never parsed as HTML.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const SESSION_RULE = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;

  const state = {
    session: new URLSearchParams(location.search).get('session'),
    config: null,
    taskId: null,
    task: null,
    chars: [],      // the text as code points: offsets in tasks count code points
    tokens: [],
    spans: [],      // manual: the spans being edited, {start, end, label}
    cursor: 0,
    anchor: null,
    chosen: [],     // choice: the labels picked, in the order picked
    busy: false,
  };

  // ---- the API ----

  async function api(method, path, body) {
    const init = { method, headers: {} };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const json = await response.json();
    if (!response.ok) {
      const error = new Error(json.message || response.statusText);
      error.code = json.code;
      throw error;
    }
    return json;
  }

  const sessionQuery = () => '?session=' + encodeURIComponent(state.session);

  async function start() {
    if (!state.session || !SESSION_RULE.test(state.session)) {
      askForSession();
      return;
    }
    state.config = await api('GET', '/v1/annotate/config');
    renderHeader();
    renderKeys();
    await fetchNext();
  }

  function askForSession() {
    const form = $('login');
    form.hidden = false;
    $('login-name').focus();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = $('login-name').value.trim();
      if (SESSION_RULE.test(name)) {
        location.search = '?session=' + encodeURIComponent(name);
      }
    });
    setState('login');
  }

  async function pollNext() {
    if (state.busy || state.task) {
      return;
    }
    try {
      await fetchNext();
    } catch (error) {
      message(error.message);
    }
  }

  async function fetchNext() {
    show(await api('GET', '/v1/annotate/next' + sessionQuery()));
  }

  // `label` (ner binary, with an accept): "no, it is label", another label than the one asked about.
  async function submit(answer, label) {
    if (state.busy || !state.task) {
      return;
    }
    const body = { session: state.session, task_id: state.taskId, answer };
    if (label !== undefined) {
      body.label = label;
    }
    if (state.config.mode === 'manual') {
      body.spans = state.spans.map((s) => ({ start: s.start, end: s.end, label: s.label }));
    } else if (state.config.mode === 'choice') {
      body.accept = answer === 'accept' ? state.chosen.slice() : [];
    }
    await busy(async () => {
      const saved = await api('POST', '/v1/annotate/answer', body);
      renderProgress(saved.progress);
      await fetchNext();
    });
  }

  async function undo() {
    if (state.busy) {
      return;
    }
    await busy(async () => show(await api('POST', '/v1/annotate/undo', { session: state.session })));
  }

  async function busy(work) {
    state.busy = true;
    setState('saving');
    message('');
    try {
      await work();
    } catch (error) {
      await recover(error);
    } finally {
      state.busy = false;
      if (document.body.dataset.state === 'saving') {
        setState(state.task ? 'ready' : 'done');
      }
    }
  }

  // The server knows best: after a conflict (restart, timed-out reservation, double answer) ask it again.
  async function recover(error) {
    message(error.message + (error.code ? ' (' + error.code + ')' : ''));
    const conflicts = ['unknown_session', 'stale_session', 'task_not_served', 'already_answered'];
    if (conflicts.includes(error.code)) {
      try {
        await fetchNext();
      } catch (again) {
        message(again.message);
      }
    }
  }

  // ---- state to page ----

  function show(reply) {
    state.taskId = reply.task_id;
    state.task = reply.task;
    state.anchor = null;
    state.cursor = 0;
    if (reply.progress) {
      renderProgress(reply.progress);
    }
    if (!state.task) {
      state.chars = [];
      state.tokens = [];
      state.spans = [];
      state.chosen = [];
      renderDone();
      return;
    }
    const previous = reply.previous || {};
    state.chars = Array.from(state.task.text);
    state.tokens = state.task.tokens || [];
    // A model's suggestion keeps its origin and score, so it shows as one until the annotator changes it.
    state.spans = (previous.spans || state.task.spans || []).map((s) => ({ start: s.start, end: s.end,
      label: s.label, origin: s.origin, score: s.score }));
    state.chosen = (previous.accept || []).slice();
    render();
    if (reply.previous) {
      message(earlierAnswer(reply.previous));
    }
    setState('ready');
  }

  // A task back by undo says how it was answered: in binary mode nothing else on the page shows it.
  function earlierAnswer(previous) {
    const span = previous.spans && previous.spans[0];
    const relabelled = state.config.mode === 'binary' && state.config.kind === 'ner' && span
      && span.label !== askedLabel();
    return 'Your earlier answer: ' + previous.answer + (relabelled ? ' as ' + span.label : '') + '. Answer again.';
  }

  function setState(value) {
    document.body.dataset.state = value;
  }

  function message(text) {
    $('message').textContent = text;
  }

  function renderHeader() {
    const config = state.config;
    $('dataset').textContent = 'dataset: ' + config.dataset;
    $('mode').textContent = config.kind + ' · ' + config.mode + (config.exclusive ? ' (one label)' : '');
    $('session').textContent = 'session: ' + state.session;
    document.title = 'Quarry · ' + config.dataset;
  }

  function renderProgress(progress) {
    state.progress = progress;
    const left = progress.left === null ? '?' : String(progress.left);
    const element = $('progress');
    element.textContent = progress.answered + ' answered (you: ' + progress.session + ') · ' + left + ' left';
    element.dataset.answered = String(progress.answered);
    element.dataset.left = left;
  }

  function renderKeys() {
    const keys = {
      manual: '← → move · shift+← → select · 1-9 label the selection · d remove the span here · ' +
        'a/enter accept · x reject · space ignore · backspace undo',
      binary: state.config.kind === 'ner'
        ? 'a accept · x reject · 1-9 no, it is that label · space ignore · backspace undo'
        : 'a accept · x reject · space ignore · backspace undo',
      choice: '1-9 pick a label · enter accept · x reject · space ignore · backspace undo',
    };
    $('keys').textContent = keys[state.config.mode];
  }

  function renderDone() {
    clear('question');
    clear('labels');
    clear('options');
    clear('actions');
    const text = clear('text');
    delete text.dataset.taskId;
    // Tasks other sessions hold come back when their reservation runs out: look again now and then.
    const reserved = state.progress ? state.progress.reserved || 0 : 0;
    text.textContent = reserved > 0
      ? 'No free task for this session now; ' + reserved + ' held by other sessions come back if they are not '
        + 'answered, so this page looks again every 10 s. Everything answered is saved.'
      : 'No more tasks for this session. Everything answered is saved.';
    setState('done');
    clearTimeout(state.poll);
    if (reserved > 0) {
      state.poll = setTimeout(pollNext, 10000);
    }
  }

  function render() {
    const text = clear('text');
    text.dataset.taskId = String(state.taskId);
    renderQuestion();
    if (state.config.mode === 'manual') {
      renderTokens(text);
      renderLabelButtons();
    } else {
      renderSpans(text, state.task.spans || []);
      renderRelabelButtons();
    }
    renderOptions();
    renderActions();
  }

  function renderQuestion() {
    const question = clear('question');
    const task = state.task;
    delete question.dataset.label;
    if (state.config.mode === 'binary') {
      const label = askedLabel();
      question.dataset.label = label;
      question.textContent = state.config.kind === 'ner' ? 'Is the highlighted text a ' + label + '?'
        : 'Is this text ' + label + '?' + modelScore(task, label);
    } else if (state.config.mode === 'choice') {
      question.textContent = state.config.exclusive ? 'Pick the label of this text' : 'Pick every label that applies';
    } else {
      question.textContent = 'Mark every entity';
    }
  }

  // The label a binary question asks about: the task's (textcat) or its one span's (ner).
  function askedLabel() {
    const task = state.task;
    return task.label || (task.spans && task.spans.length ? task.spans[0].label : '');
  }

  // The model's probability of the label, when a model scored the text.
  function modelScore(task, label) {
    const score = task.cats ? task.cats[label] : undefined;
    return typeof score === 'number' ? ' (model: ' + score.toFixed(2) + ')' : '';
  }

  function clear(id) {
    const element = $(id);
    element.replaceChildren();
    return element;
  }

  function labelClass(label) {
    const index = state.config.labels.indexOf(label);
    return 'span l' + (index < 0 ? 0 : index % 9);
  }

  function slice(from, to) {
    return state.chars.slice(from, to).join('');
  }

  function mark(span) {
    const label = span.label;
    const element = document.createElement('mark');
    element.className = labelClass(label) + (isModel(span) ? ' model' : '');
    element.dataset.label = label;
    if (isModel(span)) {
      element.dataset.origin = 'model';
      element.title = 'suggested by the model' + (typeof span.score === 'number' ? ', score '
        + span.score.toFixed(2) : '');
    }
    return element;
  }

  // A model's span says so, with its score: "PER 0.87" on a dashed highlight.
  function isModel(span) {
    return span.origin === 'model';
  }

  function tag(span) {
    const label = span.label + (isModel(span) && typeof span.score === 'number' ? ' ' + span.score.toFixed(2) : '');
    const element = document.createElement('span');
    element.className = 'tag';
    element.textContent = label;
    return element;
  }

  // Binary and choice: the text with its spans highlighted, not editable.
  function renderSpans(container, spans) {
    let at = 0;
    for (const span of spans.slice().sort((a, b) => a.start - b.start)) {
      if (span.start < at) {
        continue;
      }
      container.append(document.createTextNode(slice(at, span.start)));
      const element = mark(span);
      element.append(document.createTextNode(slice(span.start, span.end)), tag(span));
      container.append(element);
      at = span.end;
    }
    container.append(document.createTextNode(slice(at, state.chars.length)));
  }

  // Manual: every token a target for the mouse and the cursor; spans wrap their tokens.
  function renderTokens(container) {
    const [low, high] = selection();
    let at = 0;
    let open = null;
    state.tokens.forEach((token, i) => {
      const span = spanAt(i);
      if (open && (!span || span !== open.span)) {
        open.element.append(tag(open.span));
        open = null;
      }
      const gap = document.createTextNode(slice(at, token.start));
      (open ? open.element : container).append(gap);
      if (span && !open) {
        open = { span, element: mark(span) };
        open.element.addEventListener('click', (event) => removeOnTag(event, span));
        container.append(open.element);
      }
      const element = document.createElement('span');
      element.className = 'token' + (i === state.cursor ? ' cursor' : '') + (i >= low && i <= high ? ' selected' : '');
      element.dataset.i = String(i);
      element.textContent = slice(token.start, token.end);
      (open ? open.element : container).append(element);
      at = token.end;
    });
    if (open) {
      open.element.append(tag(open.span));
    }
    container.append(document.createTextNode(slice(at, state.chars.length)));
  }

  function removeOnTag(event, span) {
    if (event.target.classList.contains('tag')) {
      state.spans = state.spans.filter((s) => s !== span);
      render();
    }
  }

  function spanAt(tokenIndex) {
    const token = state.tokens[tokenIndex];
    return state.spans.find((s) => s.start <= token.start && token.end <= s.end) || null;
  }

  function selection() {
    if (state.anchor === null) {
      return [state.cursor, state.cursor];
    }
    return [Math.min(state.anchor, state.cursor), Math.max(state.anchor, state.cursor)];
  }

  function renderLabelButtons() {
    const bar = clear('labels');
    state.config.labels.forEach((label, i) => {
      bar.append(button('label', i < 9 ? String(i + 1) : '', label, () => labelSelection(i)));
    });
  }

  // Ner binary: "no, it is L" for every label but the one asked about; the key is the label's number.
  function renderRelabelButtons() {
    const bar = clear('labels');
    if (state.config.mode !== 'binary' || state.config.kind !== 'ner') {
      return;
    }
    state.config.labels.forEach((label, i) => {
      if (label !== askedLabel()) {
        const element = button('label', i < 9 ? String(i + 1) : '', 'no, it is ' + label, () => relabel(i));
        element.dataset.label = label;
        bar.append(element);
      }
    });
  }

  function renderOptions() {
    const bar = clear('options');
    if (state.config.mode !== 'choice') {
      return;
    }
    (state.task.options || []).forEach((option, i) => {
      const element = button('option', i < 9 ? String(i + 1) : '', option.text || option.id, () => choose(i));
      element.dataset.id = option.id;
      element.setAttribute('aria-pressed', String(state.chosen.includes(option.id)));
      if (state.chosen.includes(option.id)) {
        element.classList.add('chosen');
      }
      bar.append(element);
    });
  }

  function renderActions() {
    const bar = clear('actions');
    bar.append(button('accept', state.config.mode === 'binary' ? 'a' : 'enter', 'accept', () => submit('accept')),
      button('reject', 'x', 'reject', () => submit('reject')),
      button('ignore', 'space', 'ignore', () => submit('ignore')),
      button('undo', 'backspace', 'undo', () => undo()));
  }

  function button(kind, key, text, onClick) {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = kind;
    if (key) {
      const hint = document.createElement('span');
      hint.className = 'key';
      hint.textContent = key;
      element.append(hint);
    }
    element.append(document.createTextNode(text));
    element.addEventListener('click', (event) => {
      event.currentTarget.blur();
      onClick();
    });
    return element;
  }

  // ---- editing ----

  function labelSelection(labelIndex) {
    if (!state.tokens.length || labelIndex >= state.config.labels.length) {
      return;
    }
    const [low, high] = selection();
    const start = state.tokens[low].start;
    const end = state.tokens[high].end;
    state.spans = state.spans.filter((s) => s.end <= start || s.start >= end);
    state.spans.push({ start, end, label: state.config.labels[labelIndex] });
    state.spans.sort((a, b) => a.start - b.start);
    state.anchor = null;
    render();
  }

  function removeSpanAtCursor() {
    const span = state.tokens.length ? spanAt(state.cursor) : null;
    if (span) {
      state.spans = state.spans.filter((s) => s !== span);
      render();
    }
  }

  function move(step, extend) {
    if (!state.tokens.length) {
      return;
    }
    if (extend && state.anchor === null) {
      state.anchor = state.cursor;
    } else if (!extend) {
      state.anchor = null;
    }
    state.cursor = Math.max(0, Math.min(state.tokens.length - 1, state.cursor + step));
    render();
  }

  // Ner binary: the highlighted tokens are an entity of label `labelIndex`; the asked label's number accepts.
  function relabel(labelIndex) {
    const label = state.config.labels[labelIndex];
    if (label === undefined) {
      return;
    }
    if (label === askedLabel()) {
      submit('accept');
    } else {
      submit('accept', label);
    }
  }

  function choose(index) {
    const option = state.task.options[index];
    if (!option) {
      return;
    }
    if (state.config.exclusive) {
      state.chosen = state.chosen.includes(option.id) ? [] : [option.id];
    } else if (state.chosen.includes(option.id)) {
      state.chosen = state.chosen.filter((id) => id !== option.id);
    } else {
      state.chosen.push(option.id);
    }
    renderOptions();
  }

  // Mouse selection of tokens: press on one, release on another.
  function onMouseDown(event) {
    const token = event.target.closest('.token');
    if (!token || state.config.mode !== 'manual' || event.target.classList.contains('tag')) {
      return;
    }
    state.cursor = Number(token.dataset.i);
    state.anchor = state.cursor;
    state.dragging = true;
    render();
  }

  function onMouseOver(event) {
    const token = event.target.closest('.token');
    if (state.dragging && token) {
      state.cursor = Number(token.dataset.i);
      render();
    }
  }

  // ---- keys ----

  function onKey(event) {
    if (!state.config || !state.task && event.key !== 'Backspace' || event.target.tagName === 'INPUT'
        || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const handled = handleKey(event);
    if (handled) {
      event.preventDefault();
    }
  }

  function handleKey(event) {
    const mode = state.config.mode;
    const key = event.key;
    if (key === 'Backspace') {
      undo();
    } else if (key === 'x' || key === 'X') {
      submit('reject');
    } else if (key === ' ') {
      submit('ignore');
    } else if (key === 'Enter' || key === 'a' && mode !== 'choice') {
      submit('accept');
    } else if (/^[1-9]$/.test(key) && mode === 'binary' && state.config.kind === 'ner') {
      relabel(Number(key) - 1);
    } else if (/^[1-9]$/.test(key) && mode !== 'binary') {
      (mode === 'manual' ? labelSelection : choose)(Number(key) - 1);
    } else if ((key === 'ArrowLeft' || key === 'ArrowRight') && mode === 'manual') {
      move(key === 'ArrowLeft' ? -1 : 1, event.shiftKey);
    } else if ((key === 'd' || key === 'Delete') && mode === 'manual') {
      removeSpanAtCursor();
    } else {
      return false;
    }
    return true;
  }

  document.addEventListener('keydown', onKey);
  document.addEventListener('mouseup', () => { state.dragging = false; });
  $('text').addEventListener('mousedown', onMouseDown);
  $('text').addEventListener('mouseover', onMouseOver);
  start().catch((error) => {
    message(error.message);
    setState('error');
  });
})();
