// The 12349 calls page: the live call queue over the live feed (call events), the screen pop of
// the chosen call, taking a call, the work-order form while on the call, my open work orders and
// the overdue tracking tasks. Every string from the server reaches the page as textContent.
(function () {
  'use strict';

  const { send } = Portal;
  const status = Portal.messages('calls-error', 'calls-notice');
  const CATEGORIES = {
    CONSULTATION: ['POLICY', 'SUBSIDY', 'SERVICE', 'HEALTH', 'COMPLAINT', 'OTHER'],
    REFERRAL: ['PROVIDER', 'COMMUNITY', 'HOSPITAL', 'AGENCY'],
    TRACKING: ['CALL_BACK', 'VISIT', 'FOLLOW_UP', 'OTHER'],
    EVALUATION: ['SATISFACTION'],
  };
  const cards = new Map(); // call id → the call's screen pop
  let catalog = null; // the service catalogue, loaded when a work order first books a visit
  let me = null;
  let selected = null;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = String(text);
    return node;
  }

  function button(label, onClick, className) {
    const b = el('button', className, label);
    b.type = 'button';
    b.addEventListener('click', (event) => { event.stopPropagation(); onClick(); });
    return b;
  }

  function time(instant) {
    return instant ? new Date(instant).toLocaleString(Anxin.lang()) : '—';
  }

  // ---- the queue

  function callCard(card) {
    const c = card.call;
    const li = el('li', 'card call');
    li.id = `call-${c.id}`;
    li.dataset.status = c.status;
    if (c.claimedBy && (!me || c.claimedBy !== me.username)) li.classList.add('taken');
    if (selected === c.id) li.classList.add('selected');
    const head = el('div', 'card-head');
    head.append(el('span', 'alarm-type', c.choice ? Anxin.t(`calls.choices.${c.choice}`) : Anxin.t('calls.inMenu')),
      el('span', 'alarm-status call-status', Anxin.t(`calls.statuses.${c.status}`)));
    const who = el('div', 'senior-name call-who', c.callerName);
    const meta = el('div', 'card-meta');
    meta.append(el('span', 'call-number', c.direction === 'INBOUND' ? c.from : c.to), el('span', null, time(c.startedAt)));
    if (c.callbackNeeded) meta.append(el('span', 'call-back', Anxin.t('calls.callBack')));
    const actions = el('div', 'card-actions');
    if (!c.claimedBy) {
      actions.append(button(Anxin.t('calls.take'), () => claim(c.id), 'take-call'));
    } else {
      actions.append(el('span', 'taken-by', `${Anxin.t('calls.takenBy')} ${c.claimedBy}`));
      if (c.callbackNeeded && me && c.claimedBy === me.username) {
        actions.append(button(Anxin.t('calls.calledBack'), () => calledBack(c.id), 'called-back'));
      }
    }
    li.append(head, who, meta, actions);
    li.addEventListener('click', () => select(c.id));
    return li;
  }

  function drawQueue() {
    const list = [...cards.values()].filter((card) => card.call.status === 'IN_IVR' || card.call.status === 'QUEUED'
      || card.call.status === 'RINGING' || card.call.status === 'ANSWERED' || card.call.callbackNeeded
      || card.call.id === selected);
    list.sort((a, b) => a.call.priority - b.call.priority || a.call.id - b.call.id);
    document.getElementById('call-queue').replaceChildren(...list.map(callCard));
    document.getElementById('call-count').textContent = String(list.length);
    document.getElementById('calls-empty').hidden = list.length > 0;
  }

  function upsert(card) {
    cards.set(card.call.id, card);
    drawQueue();
    if (selected === card.call.id) drawPop(card);
  }

  function claim(id) {
    send('POST', `/api/calls/${id}/claim`).then((card) => { upsert(card); select(id); }).catch(status.fail);
  }

  function calledBack(id) {
    send('POST', `/api/calls/${id}/called-back`, { note: null }).then(upsert).catch(status.fail);
  }

  // ---- the screen pop

  function list(selector, items, draw, emptyKey) {
    const box = document.querySelector(selector);
    box.replaceChildren(...(items.length ? items.map(draw) : [el('li', 'empty', Anxin.t(emptyKey))]));
  }

  function drawPop(card) {
    const c = card.call;
    const pop = document.getElementById('pop');
    pop.hidden = false;
    pop.dataset.callId = c.id;
    const q = (s) => pop.querySelector(s);
    q('.p-who').textContent = c.callerName;
    q('.p-number').textContent = c.direction === 'INBOUND' ? c.from : c.to;
    q('.p-status').textContent = Anxin.t(`calls.statuses.${c.status}`);
    q('.p-claimed').textContent = c.claimedBy ? `${Anxin.t('calls.takenBy')} ${c.claimedBy}` : Anxin.t('calls.notTaken');
    const s = card.senior;
    q('.p-senior').hidden = !s;
    if (s) {
      q('.p-name').textContent = s.name;
      q('.p-age').textContent = s.age == null ? '—' : String(s.age);
      q('.p-phone').textContent = s.phone || '—';
      q('.p-address').textContent = [s.community, s.address].filter(Boolean).join(' · ') || '—';
      q('.p-health').textContent = s.healthNotes || '—';
      q('.p-medicines').textContent = s.medicines || '—';
      q('.p-allergies').textContent = s.allergies || '—';
      list('.p-contacts', s.contacts, (k) => el('li', null, `${k.name}${k.relation ? `（${k.relation}）` : ''} ${k.phone}`),
        'calls.none');
      send('GET', `/api/care-calls/checks?seniorId=${s.id}&limit=5`).then((checks) => {
        if (selected !== c.id) return;
        list('.p-care', checks, (k) => el('li', null, `${time(k.createdAt)} · ${Anxin.t(`calls.care.${k.status}`)}`),
          'calls.none');
      }).catch(() => {});
    }
    list('.p-alarms', card.openAlarms, (a) => el('li', null, `#${a.id} ${a.type} · ${a.status} · ${time(a.createdAt)}`),
      'calls.none');
    list('.p-tickets', card.openTickets,
      (t) => el('li', null, `#${t.id} ${Anxin.t(`calls.kinds.${t.kind}`)} · ${t.summary} · ${Anxin.t(`calls.ticketStatuses.${t.status}`)}`),
      'calls.none');
    list('.p-recent', card.recentCalls,
      (r) => el('li', null, `${time(r.startedAt)} · ${r.direction === 'INBOUND' ? '↙' : '↗'} ${Anxin.t(`calls.statuses.${r.status}`)}`),
      'calls.none');
  }

  function select(id) {
    selected = id;
    const card = cards.get(id);
    if (card) drawPop(card);
    drawQueue();
  }

  // ---- work orders

  function drawCategories() {
    const kind = document.getElementById('t-kind').value;
    document.getElementById('t-category').replaceChildren(
      ...CATEGORIES[kind].map((c) => Portal.option(c, Anxin.t(`calls.categories.${c}`))));
    document.getElementById('t-due-label').hidden = kind !== 'TRACKING';
    drawProvider();
  }

  // A complaint may name the provider it is about: it then counts in the provider's grade.
  function isComplaint() {
    return document.getElementById('t-kind').value === 'CONSULTATION'
      && document.getElementById('t-category').value === 'COMPLAINT';
  }

  function drawProvider() {
    document.getElementById('t-provider-label').hidden = !isComplaint();
  }

  const providerNames = new Map();

  function loadProviders() {
    return send('GET', '/api/providers').then((providers) => {
      providers.forEach((p) => providerNames.set(p.id, p.name));
      document.getElementById('t-provider').replaceChildren(Portal.option('', Anxin.t('calls.noProvider')),
        ...providers.map((p) => Portal.option(p.id, p.name)));
    });
  }

  function createTicket(event) {
    event.preventDefault();
    const card = cards.get(selected);
    const body = {
      callId: card ? card.call.id : null,
      seniorId: card && card.senior ? card.senior.id : null,
      kind: document.getElementById('t-kind').value,
      category: document.getElementById('t-category').value,
      summary: document.getElementById('t-summary').value,
    };
    const provider = document.getElementById('t-provider').value;
    if (isComplaint() && provider) body.providerId = Number(provider);
    const due = document.getElementById('t-due').value;
    if (body.kind === 'TRACKING' && due) body.dueAt = new Date(due).toISOString();
    send('POST', '/api/tickets', body).then((detail) => {
      document.getElementById('t-summary').value = '';
      status.notice(`${Anxin.t('calls.ticketCreated')} #${detail.ticket.id}`);
      loadTickets();
      if (card) send('GET', `/api/calls/${card.call.id}`).then((d) => upsert(d.card)).catch(() => {});
    }).catch(status.fail);
  }

  // an action with one text field (resolution, referred to, accepted by, score)
  function inlineAction(label, field, path, className, transform) {
    const form = el('form', `inline ${className}`);
    const input = el('input');
    input.required = true;
    input.maxLength = 200;
    input.placeholder = Anxin.t(`calls.fields.${field}`);
    const submit = el('button', null, label);
    submit.type = 'submit';
    form.append(input, submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = transform ? transform(input.value) : input.value;
      send('POST', path, { [field]: value }).then(() => { status.notice(label); loadTickets(); }).catch(status.fail);
    });
    return form;
  }

  // books a home-service visit for the ticket's senior: catalogue item and window, as the family page does
  function orderForm(t) {
    const details = el('details', 'ticket-order');
    details.append(el('summary', null, Anxin.t('calls.bookService')));
    const form = el('form', 'inline');
    const item = el('select', 't-item');
    item.required = true;
    const from = el('input', 't-from');
    const to = el('input', 't-to');
    from.type = to.type = 'datetime-local';
    from.required = to.required = true;
    from.title = Anxin.t('calls.fields.from');
    to.title = Anxin.t('calls.fields.until');
    const submit = el('button', null, Anxin.t('calls.book'));
    submit.type = 'submit';
    form.append(item, from, to, submit);
    details.append(form);
    details.addEventListener('toggle', () => {
      if (!details.open || item.options.length) return;
      (catalog ? Promise.resolve(catalog) : send('GET', '/api/catalog')).then((categories) => {
        catalog = categories;
        item.replaceChildren(...categories.flatMap((c) => c.items).map((i) => Portal.option(
          i.id, `${Anxin.lang() === 'en' && i.nameEn ? i.nameEn : i.name} · ${Portal.money(i.price)}`)));
      }).catch(status.fail);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const body = {
        itemId: Number(item.value),
        window: { from: new Date(from.value).toISOString(), to: new Date(to.value).toISOString() },
      };
      send('POST', `/api/tickets/${t.id}/order`, body).then((detail) => {
        status.notice(`${Anxin.t('calls.orderBooked')} #${detail.ticket.orderId}`);
        loadTickets();
      }).catch(status.fail);
    });
    return details;
  }

  function ticketCard(t) {
    const li = el('li', 'card ticket');
    li.id = `ticket-${t.id}`;
    li.dataset.status = t.status;
    if (t.sla === 'OVERDUE') li.classList.add('overdue');
    const head = el('div', 'card-head');
    head.append(el('span', 'alarm-type', `#${t.id} ${Anxin.t(`calls.kinds.${t.kind}`)}`),
      el('span', 'alarm-status ticket-status', Anxin.t(`calls.ticketStatuses.${t.status}`)));
    const meta = el('div', 'card-meta');
    meta.append(el('span', null, Anxin.t(`calls.categories.${t.category}`)));
    if (t.dueAt) meta.append(el('span', 'due', `${Anxin.t('calls.due')} ${time(t.dueAt)}`));
    if (t.sla !== 'NONE') meta.append(el('span', 'sla', Anxin.t(`calls.sla.${t.sla}`)));
    if (t.referredTo) meta.append(el('span', null, `→ ${t.referredTo}`));
    if (t.providerId != null) {
      meta.append(el('span', 'complained-provider', `${Anxin.t('calls.provider')}：${providerNames.get(t.providerId) || `#${t.providerId}`}`));
    }
    if (t.orderId) meta.append(el('span', 'ticket-order-link', `${Anxin.t('calls.order')} #${t.orderId}`));
    if (t.alarmId) meta.append(el('span', 'ticket-alarm-link', `${Anxin.t('calls.alarm')} #${t.alarmId}`));
    li.append(head, el('div', 'ticket-summary', t.summary), meta);
    const base = `/api/tickets/${t.id}`;
    if (t.kind === 'REFERRAL' && t.status === 'OPEN') li.append(inlineAction(Anxin.t('calls.refer'), 'to', `${base}/refer`, 'refer'));
    if (t.kind === 'REFERRAL' && t.status === 'REFERRED') li.append(inlineAction(Anxin.t('calls.accept'), 'by', `${base}/accept`, 'accept'));
    if (t.kind === 'EVALUATION' && t.status === 'OPEN') {
      li.append(inlineAction(Anxin.t('calls.score'), 'score', `${base}/evaluation`, 'score', Number));
    } else if ((t.kind !== 'REFERRAL' && t.status === 'OPEN') || t.status === 'ACCEPTED') {
      li.append(inlineAction(Anxin.t('calls.close'), 'resolution', `${base}/close`, 'close-ticket'));
    }
    if (t.seniorId && ['OPEN', 'REFERRED', 'ACCEPTED'].includes(t.status)) {
      if (!t.orderId) li.append(orderForm(t));
      if (!t.alarmId) li.append(inlineAction(Anxin.t('calls.raiseAlarm'), 'detail', `${base}/alarm`, 'raise-alarm'));
    }
    return li;
  }

  function loadTickets() {
    send('GET', '/api/tickets?mine=true&status=OPEN,REFERRED,ACCEPTED').then((mine) => {
      document.getElementById('my-tickets').replaceChildren(...mine.map(ticketCard));
      document.getElementById('tickets-empty').hidden = mine.length > 0;
    }).catch(status.fail);
    send('GET', '/api/tickets?kind=TRACKING&sla=OVERDUE&status=OPEN').then((overdue) => {
      document.getElementById('overdue-tickets').replaceChildren(...overdue.map(ticketCard));
    }).catch(status.fail);
  }

  // ---- duty and the feed

  function drawDuty(state) {
    document.getElementById('duty-state').textContent = state.onDuty ? Anxin.t('calls.onDuty') : Anxin.t('calls.offDuty');
    const toggle = document.getElementById('duty-toggle');
    toggle.textContent = state.onDuty ? Anxin.t('goOffDuty') : Anxin.t('goOnDuty');
    toggle.onclick = () => send('PUT', '/api/calls/duty', { onDuty: !state.onDuty }).then(drawDuty).catch(status.fail);
  }

  function loadBoard() {
    return send('GET', '/api/calls/live').then((board) => {
      cards.clear();
      board.forEach((card) => cards.set(card.call.id, card));
      drawQueue();
    });
  }

  function connect() {
    const badge = document.getElementById('feed-state');
    const source = new EventSource('/api/alarms/stream');
    source.addEventListener('hello', () => {
      badge.dataset.state = 'live';
      badge.textContent = Anxin.t('live');
      loadBoard().catch(status.fail); // whatever was missed while disconnected
    });
    source.addEventListener('call', (event) => upsert(JSON.parse(event.data)));
    source.onerror = () => { badge.dataset.state = 'reconnecting'; badge.textContent = Anxin.t('reconnecting'); };
  }

  function redraw() {
    drawCategories();
    drawQueue();
    if (selected && cards.get(selected)) drawPop(cards.get(selected));
    loadTickets();
    send('GET', '/api/calls/duty').then(drawDuty).catch(() => {});
  }

  Anxin.apply();
  Anxin.bindSwitch(redraw);
  document.getElementById('t-kind').addEventListener('change', drawCategories);
  document.getElementById('t-category').addEventListener('change', drawProvider);
  loadProviders().catch(() => {});
  document.getElementById('ticket-form').addEventListener('submit', createTicket);
  drawCategories();
  Portal.me().then((user) => {
    me = user;
    send('GET', '/api/calls/duty').then(drawDuty).catch(status.fail);
    loadTickets();
    connect();
  }).catch(status.fail);
})();
