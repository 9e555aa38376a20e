// The capability assessment (GB/T 42195-2022) on a tablet: pick a senior, score the 26 items of the
// four dimensions (radio buttons 0…max, drawn from /api/assessments/form), the senior's or
// guardian's confirmation, submit; the server computes the level. Also the senior's history and
// the re-assessment list.
(function () {
  'use strict';

  const { send } = Portal;
  const status = Portal.messages('assessment-error', 'assessment-notice');
  let form = null;
  let seniorId = null;

  function cell(text) {
    const td = document.createElement('td');
    td.textContent = text == null ? '—' : String(text);
    return td;
  }

  function levelText(level) {
    const found = form && form.levels.find((l) => l.level === level);
    if (!found) return level;
    return Anxin.lang() === 'en' ? found.en : found.zh;
  }

  function drawItems() {
    const box = document.getElementById('items');
    box.innerHTML = '';
    let section = null;
    let dimension = null;
    form.items.forEach((item) => {
      if (item.dimension !== dimension) {
        dimension = item.dimension;
        section = document.createElement('section');
        section.className = 'dimension';
        section.dataset.dimension = dimension;
        const h = document.createElement('h3');
        h.textContent = Anxin.t(`assessment.dimensions.${dimension}`);
        section.appendChild(h);
        box.appendChild(section);
      }
      const row = document.createElement('div');
      row.className = 'item';
      row.dataset.item = item.name;
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = `${item.code} ${Anxin.lang() === 'en' ? item.en : item.zh}`;
      const scores = document.createElement('span');
      scores.className = 'scores';
      for (let s = item.max; s >= 0; s -= 1) {
        const choice = document.createElement('label');
        const input = document.createElement('input');
        input.type = 'radio';
        input.name = item.name;
        input.value = String(s);
        input.required = true;
        input.addEventListener('change', runningTotal);
        const face = document.createElement('span');
        face.textContent = String(s);
        choice.append(input, face);
        scores.appendChild(choice);
      }
      row.append(label, scores);
      section.appendChild(row);
    });
  }

  function chosen() {
    const scores = {};
    form.items.forEach((item) => {
      const checked = document.querySelector(`input[name="${item.name}"]:checked`);
      if (checked) scores[item.name] = Number(checked.value);
    });
    return scores;
  }

  function runningTotal() {
    const scores = chosen();
    const given = Object.keys(scores).length;
    const total = Object.values(scores).reduce((a, b) => a + b, 0);
    document.getElementById('running-total').textContent = `${total} / ${form.maxTotal} (${given}/${form.items.length})`;
  }

  function loadSenior() {
    if (!seniorId) return;
    send('GET', `/api/seniors/${seniorId}/assessments`).then((data) => {
      document.getElementById('senior-name').textContent = `${data.seniorName} · ${data.community || '—'}`;
      const body = document.querySelector('#history tbody');
      body.innerHTML = '';
      data.assessments.forEach((a) => {
        const tr = document.createElement('tr');
        tr.dataset.id = a.id;
        tr.dataset.level = a.level;
        tr.append(cell(a.assessedOn), cell(a.total), cell(levelText(a.level)), cell(`${a.agency} · ${a.assessor}`),
          cell(`${Anxin.t(`assessment.confirmers.${a.confirmedBy}`)} ${a.confirmerName}`), cell(a.dueOn));
        body.appendChild(tr);
      });
    }).catch(status.fail);
  }

  function loadDue() {
    // the dashboard links here with ?within=P40D: the re-assessments falling due by the end of its period
    const within = new URLSearchParams(window.location.search).get('within');
    const query = within ? `?within=${encodeURIComponent(within)}` : '';
    send('GET', `/api/assessments/due${query}`).then((list) => {
      const body = document.querySelector('#due tbody');
      body.innerHTML = '';
      list.forEach((d) => {
        const tr = document.createElement('tr');
        tr.dataset.senior = d.seniorId;
        if (d.overdue) tr.className = 'late';
        tr.append(cell(`${d.seniorName} (#${d.seniorId})`), cell(d.community), cell(levelText(d.level)),
          cell(d.overdue ? `${d.dueOn} ${Anxin.t('assessment.overdue')}` : d.dueOn));
        body.appendChild(tr);
      });
    }).catch(status.fail);
  }

  function submit(event) {
    event.preventDefault();
    if (!seniorId) {
      status.fail({ status: 400, message: Anxin.t('assessment.pickSenior') });
      return;
    }
    const body = {
      assessedOn: document.getElementById('assessed-on').value,
      place: document.getElementById('place').value,
      reason: document.getElementById('reason').value,
      scores: chosen(),
      coma: document.getElementById('coma').checked,
      mentalDiagnosis: document.getElementById('mental').checked,
      riskEvents: Number(document.getElementById('risk-events').value || 0),
      confirmedBy: document.getElementById('confirmed-by').value,
      confirmerName: document.getElementById('confirmer-name').value
    };
    send('POST', `/api/seniors/${seniorId}/assessments`, body).then((a) => {
      const result = document.getElementById('result');
      result.hidden = false;
      result.dataset.level = a.level;
      result.textContent = `${Anxin.t('assessment.result')}: ${a.total} / ${form.maxTotal} → ${levelText(a.level)}`
        + ` · ${Anxin.t('assessment.dueOn')} ${a.dueOn}`;
      status.notice(Anxin.t('assessment.saved'));
      document.getElementById('assessment-form').reset();
      document.getElementById('assessed-on').value = today();
      runningTotal();
      loadSenior();
      loadDue();
    }).catch(status.fail);
  }

  // today in the city's time zone (the server's "today"), as YYYY-MM-DD
  let zone;
  function today() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(new Date());
  }

  function draw() {
    Anxin.apply();
    if (form) {
      drawItems();
      runningTotal();
    }
    loadSenior();
    loadDue();
  }

  document.getElementById('senior-form').addEventListener('submit', (event) => {
    event.preventDefault();
    seniorId = Number(document.getElementById('senior-id').value);
    status.clear();
    loadSenior();
  });
  document.getElementById('assessment-form').addEventListener('submit', submit);
  document.getElementById('assessor-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const username = document.getElementById('assessor-username').value.trim();
    send('PUT', `/api/assessors/${encodeURIComponent(username)}`,
      { agency: document.getElementById('assessor-agency').value })
      .then((a) => status.notice(`${a.username} · ${a.agency}`)).catch(status.fail);
  });
  Anxin.bindSwitch(draw);
  Anxin.apply();
  const fromUrl = new URLSearchParams(window.location.search).get('senior');
  if (fromUrl) {
    seniorId = Number(fromUrl);
    document.getElementById('senior-id').value = fromUrl;
  }
  send('GET', '/api/portal/config').then((config) => { zone = config.zone; })
    .catch(() => {})
    .then(() => { document.getElementById('assessed-on').value = today(); });
  send('GET', '/api/assessments/form').then((f) => { form = f; draw(); }).catch(status.fail);
})();
