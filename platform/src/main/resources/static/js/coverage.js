// Coverage: for every senior, can an available responder with the needed skill reach them
// inside the circle now? Green dots are covered, red are not; shares per community, and the
// uncovered seniors listed by name.
(function () {
  'use strict';

  const SKILLS = ['FIRST_AID', 'NURSING', 'MEAL', 'BATHING', 'CLEANING', 'ESCORT', 'SHOPPING', 'DOCTOR_ESCORT'];
  const option = Portal.option;
  let last = null;
  let map = null;
  let dots = null;

  function fillSelects() {
    const kind = document.getElementById('kind');
    const skill = document.getElementById('skill');
    const chosenKind = kind.value || 'emergency';
    const chosenSkill = skill.value;
    kind.replaceChildren(option('emergency', Anxin.t('kinds.emergency')), option('service', Anxin.t('kinds.service')));
    kind.value = chosenKind;
    skill.replaceChildren(option('', Anxin.t('skillDefault')), ...SKILLS.map((s) => option(s, Anxin.t(`skills.${s}`))));
    skill.value = chosenSkill;
  }

  function cell(text) {
    const td = document.createElement('td');
    td.textContent = text;
    return td;
  }

  function render() {
    fillSelects();
    if (!last) return;
    document.getElementById('coverage-summary').textContent =
      `${Anxin.t('coveredSummary')}: ${last.covered} / ${last.seniors} (${last.sharePercent} %) · `
      + `${Math.round(last.circleSeconds / 60)} ${Anxin.t('minutes')} · ${Anxin.t(`skills.${last.skill}`)}`;
    document.querySelector('#per-community tbody').replaceChildren(...last.perCommunity.map((c) => {
      const tr = document.createElement('tr');
      tr.append(cell(c.community), cell(String(c.seniors)), cell(String(c.covered)), cell(`${c.sharePercent} %`));
      return tr;
    }));
    document.getElementById('all-covered').hidden = last.uncovered.length > 0;
    document.getElementById('uncovered-list').replaceChildren(...last.uncovered.map((u) => {
      const li = document.createElement('li');
      li.dataset.seniorId = u.seniorId;
      li.textContent = `${u.name} · ${u.community || '—'}`;
      return li;
    }));
    if (map) {
      if (dots) dots.remove();
      dots = L.layerGroup().addTo(map);
      last.perSenior.forEach((s) => {
        L.circleMarker([s.lat, s.lon], {
          radius: 6, weight: 1, fillOpacity: 0.8,
          color: s.covered ? '#1b5e20' : '#b00020', fillColor: s.covered ? '#43a047' : '#e53935'
        }).bindTooltip(Portal.textNode(`${s.name} · ${s.community || '—'}`)).addTo(dots);
      });
    }
  }

  function load() {
    const error = document.getElementById('coverage-error');
    const params = new URLSearchParams({ kind: document.getElementById('kind').value || 'emergency' });
    const skill = document.getElementById('skill').value;
    if (skill) params.set('skill', skill);
    Portal.send('GET', `/api/coverage?${params}`)
      .then((coverage) => { last = coverage; error.hidden = true; render(); })
      .catch((e) => { error.textContent = `${Anxin.t('actionFailed')}: ${e.message}`; error.hidden = false; });
  }

  document.getElementById('coverage-form').addEventListener('submit', (event) => { event.preventDefault(); load(); });
  Anxin.apply();
  Anxin.bindSwitch(render);
  fillSelects();
  Portal.send('GET', '/api/portal/config')
    .then((config) => {
      map = AlarmMap.base('map', config, () => { document.getElementById('map-note').hidden = false; });
    })
    .catch(() => { document.getElementById('map-note').hidden = false; })
    .finally(load);
})();
