// The family's page: book a home visit for one of their own seniors after seeing the quote, and
// follow, cancel, reschedule and rate their orders. Every rule (whose senior, when a cancel is
// still allowed, which step is legal) is the API's; the page shows its answer.
(function () {
  'use strict';

  const CANCELLABLE = new Set(['REQUESTED', 'ASSIGNED', 'ACCEPTED', 'EN_ROUTE']);
  const RESCHEDULABLE = new Set(['REQUESTED', 'ASSIGNED']);
  const { send, option, money } = Portal;
  const status = Portal.messages('family-error', 'family-notice');
  const fail = status.fail;
  let zone = 'Asia/Shanghai';
  let catalog = [];
  let orders = [];
  let quoted = null;

  function itemLabel(i) {
    const name = Anxin.lang() === 'en' && i.nameEn ? i.nameEn : i.name;
    return `${name} · ${money(i.price)} · ${i.durationMinutes} ${Anxin.t('minutes')}`;
  }

  function fillItems() {
    const select = document.getElementById('item');
    const chosen = select.value;
    select.replaceChildren(...catalog.filter((c) => c.items.length).map((c) => {
      const group = document.createElement('optgroup');
      group.label = Anxin.t(`categories.${c.code}`);
      group.append(...c.items.map((i) => option(i.id, itemLabel(i))));
      return group;
    }));
    if (chosen) select.value = chosen;
  }

  function booking() {
    const date = document.getElementById('date').value;
    return {
      seniorId: Number(document.getElementById('senior').value),
      itemId: Number(document.getElementById('item').value),
      window: {
        from: CityTime.instant(zone, date, document.getElementById('from').value),
        to: CityTime.instant(zone, date, document.getElementById('to').value)
      },
      notes: document.getElementById('notes').value
    };
  }

  function showQuote(quote) {
    const box = document.getElementById('quote');
    box.querySelector('.q-item').textContent = quote.itemName;
    box.querySelector('.q-price').textContent = money(quote.price);
    box.querySelector('.q-subsidy').textContent = money(quote.subsidyPays);
    box.querySelector('.q-own').textContent = money(quote.seniorPays);
    box.querySelector('.q-note').textContent = quote.subsidy || '—';
    box.hidden = false;
  }

  // A changed form needs a new quote before it can be booked.
  function dropQuote() {
    quoted = null;
    document.getElementById('quote').hidden = true;
  }

  function item(text) {
    const li = document.createElement('li');
    li.textContent = text;
    return li;
  }

  function label(group, code) {
    const text = Anxin.t(`${group}.${code}`);
    return text === `${group}.${code}` ? code : text;
  }

  function toggleTimeline(card, o) {
    const list = card.querySelector('.o-timeline');
    if (!list.hidden) { list.hidden = true; return; }
    send('GET', `/api/orders/${o.id}`).then((detail) => {
      list.replaceChildren(...detail.timeline.map((s) => item(`${CityTime.timeText(zone, s.at)} · `
        + `${label('orderAction', s.action)} · ${s.actor}${s.note ? ` · ${s.note}` : ''}`)));
      list.hidden = false;
    }).catch(fail);
  }

  function act(promise) {
    return promise.then(() => { status.clear(); return loadOrders(); }).catch(fail);
  }

  function renderOrder(o) {
    const card = document.getElementById('order-template').content.firstElementChild.cloneNode(true);
    card.dataset.orderId = o.id;
    card.dataset.status = o.status;
    Anxin.apply(card);
    const q = (selector) => card.querySelector(selector);
    q('.o-item').textContent = o.itemName;
    q('.o-status').textContent = label('orderStatus', o.status);
    q('.senior-name').textContent = o.seniorName;
    q('.o-window').textContent = CityTime.windowText(zone, o.window.from, o.window.to);
    // the day plan's arrival window, when the visit is on a planned route (404 otherwise: nothing shown)
    if (!['CANCELLED', 'COMPLETED', 'RATED', 'NO_SHOW'].includes(o.status)) {
      send('GET', `/api/plans/arrival?orderId=${o.id}`).then((a) => {
        q('.o-arrival').textContent = `${Anxin.t('plan.arrival')} ${CityTime.windowText(zone, a.arriveFrom, a.arriveTo)}`;
      }).catch(() => {});
    }
    q('.o-price').textContent = `${Anxin.t('price')} ${money(o.price)} · ${Anxin.t('subsidyShare')}`
      + ` ${money(o.subsidyPays)} · ${Anxin.t('ownShare')} ${money(o.seniorPays)}`;
    q('.o-worker').textContent = o.responderName ? `${Anxin.t('worker')} ${o.responderName}` : '';
    q('.o-rating').textContent = o.stars ? `${'★'.repeat(o.stars)}${o.ratingComment ? ` ${o.ratingComment}` : ''}` : '';
    q('.show-timeline').addEventListener('click', () => toggleTimeline(card, o));
    q('.cancel-order').hidden = !CANCELLABLE.has(o.status);
    q('.cancel-order').addEventListener('click', () => act(send('POST', `/api/orders/${o.id}/cancel`, {})));
    const reschedule = q('.reschedule-form');
    q('.reschedule').hidden = !RESCHEDULABLE.has(o.status);
    q('.reschedule').addEventListener('click', () => {
      const from = CityTime.wall(zone, o.window.from);
      reschedule.querySelector('.r-date').value = from.date;
      reschedule.querySelector('.r-from').value = from.time;
      reschedule.querySelector('.r-to').value = CityTime.wall(zone, o.window.to).time;
      reschedule.hidden = !reschedule.hidden;
    });
    reschedule.addEventListener('submit', (event) => {
      event.preventDefault();
      const date = reschedule.querySelector('.r-date').value;
      act(send('PUT', `/api/orders/${o.id}/window`, {
        from: CityTime.instant(zone, date, reschedule.querySelector('.r-from').value),
        to: CityTime.instant(zone, date, reschedule.querySelector('.r-to').value)
      }));
    });
    const rating = q('.rating-form');
    rating.hidden = !(o.status === 'COMPLETED' && !o.closedAt);
    rating.addEventListener('submit', (event) => {
      event.preventDefault();
      act(send('POST', `/api/orders/${o.id}/rating`, {
        stars: Number(rating.querySelector('.stars').value), comment: rating.querySelector('.comment').value
      }));
    });
    return card;
  }

  function renderOrders() {
    document.getElementById('orders').replaceChildren(...orders.map(renderOrder));
    document.getElementById('no-orders').hidden = orders.length > 0;
  }

  function loadOrders() {
    return send('GET', '/api/orders').then((list) => { orders = list; renderOrders(); });
  }

  function start() {
    Anxin.apply();
    Anxin.bindSwitch(() => { fillItems(); renderOrders(); });
    const form = document.getElementById('booking-form');
    form.addEventListener('input', dropQuote);
    form.addEventListener('change', dropQuote);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const request = booking();
      send('POST', '/api/orders/quote', request)
        .then((quote) => { status.clear(); quoted = request; showQuote(quote); })
        .catch(fail);
    });
    document.getElementById('confirm-booking').addEventListener('click', () => {
      if (!quoted) return;
      send('POST', '/api/orders', quoted)
        .then((order) => { dropQuote(); status.notice(`${Anxin.t('booked')} ${order.id}`); return loadOrders(); })
        .catch(fail);
    });
    Portal.me().then((me) => {
      document.getElementById('whoami').textContent = me.displayName || me.username;
      return Promise.all([send('GET', '/api/portal/config'), send('GET', '/api/seniors'), send('GET', '/api/catalog')]);
    }).then(([config, seniors, items]) => {
      zone = config.zone || zone;
      catalog = items;
      document.getElementById('senior').replaceChildren(...seniors.map((s) => option(s.id, s.name)));
      document.getElementById('no-seniors').hidden = seniors.length > 0;
      form.hidden = seniors.length === 0;
      fillItems();
      document.getElementById('date').value = CityTime.date(zone, 1);
      return loadOrders();
    }).catch(fail);
  }

  start();
})();
