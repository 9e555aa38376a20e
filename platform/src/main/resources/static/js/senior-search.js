// The senior registry's search box on every desk page: a page adds <div data-senior-search></div>
// (and this script); typing searches GET /api/seniors?q= (name, phone, ID card's last four,
// address, community) and a hit opens the senior page. Enter opens the first hit.
(function () {
  'use strict';

  function hitLabel(hit) {
    return [hit.name, hit.phone, hit.idCardLast4 ? `…${hit.idCardLast4}` : null, hit.community, hit.address]
      .filter(Boolean).join(' · ');
  }

  function mount(box) {
    const input = document.createElement('input');
    input.type = 'search';
    input.className = 'senior-search-input';
    input.dataset.i18nPlaceholder = 'seniorSearch.placeholder';
    input.placeholder = Anxin.t('seniorSearch.placeholder');
    input.setAttribute('aria-label', Anxin.t('seniorSearch.placeholder'));
    input.autocomplete = 'off';
    const list = document.createElement('ul');
    list.className = 'senior-search-hits';
    list.hidden = true;
    box.replaceChildren(input, list);
    let timer = null;
    let asked = 0;

    function show(hits) {
      if (!hits.length) {
        const li = document.createElement('li');
        li.textContent = Anxin.t('seniorSearch.none');
        list.replaceChildren(li);
      } else {
        list.replaceChildren(...hits.map((hit) => {
          const li = document.createElement('li');
          const a = document.createElement('a');
          a.href = `/senior.html?id=${encodeURIComponent(hit.id)}`;
          a.textContent = hitLabel(hit);
          li.appendChild(a);
          return li;
        }));
      }
      list.hidden = false;
    }

    function search() {
      const q = input.value.trim();
      if (!q) { list.hidden = true; return; }
      const mine = ++asked;
      Portal.send('GET', `/api/seniors?q=${encodeURIComponent(q)}`)
        .then((hits) => { if (mine === asked) show(hits); })
        .catch((error) => {
          const li = document.createElement('li');
          li.className = 'error';
          li.textContent = error.message;
          list.replaceChildren(li);
          list.hidden = false;
        });
    }

    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 250); });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        const first = list.querySelector('a');
        if (first && !list.hidden) window.location.assign(first.href); else search();
      } else if (event.key === 'Escape') {
        list.hidden = true;
      }
    });
    document.addEventListener('click', (event) => { if (!box.contains(event.target)) list.hidden = true; });
  }

  // only the desk searches the registry (a family finds only their own, on their own page)
  const boxes = document.querySelectorAll('[data-senior-search]');
  boxes.forEach((box) => { box.hidden = true; mount(box); });
  Portal.me().then((user) => {
    const desk = ['ADMIN', 'SUPERVISOR', 'OPERATOR'].includes(user.role);
    boxes.forEach((box) => { box.hidden = !desk; });
  }).catch(() => {});
})();
