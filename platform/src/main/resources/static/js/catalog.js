// The admin's catalogue: items by GB/T 43153 category with price (Money), standard duration, skill
// and active flag, a new item, and which providers offer which items. The page reads the whole
// catalogue (inactive items too) from an admin-only answer, so any other role sees the API's 403.
(function () {
  'use strict';

  const { send, option } = Portal;
  const status = Portal.messages('catalog-error', 'catalog-notice');
  const fail = status.fail;
  let catalog = [];
  let providers = [];

  function saved() {
    status.notice(Anxin.t('saved'));
  }

  function skillOptions(select, chosen) {
    select.replaceChildren(...Object.keys(Anxin.t('skills')).map((s) => option(s, Anxin.t(`skills.${s}`))));
    if (chosen) select.value = chosen;
  }

  function categoryName(c) {
    const name = Anxin.t(`categories.${c.code}`);
    return name === `categories.${c.code}` ? c.name : name;
  }

  // The item as the form shows it, in the API's shape (the price as Money, from yuan with at most two decimals).
  function read(form, category) {
    return {
      category,
      name: form.querySelector('.name').value,
      nameEn: form.querySelector('.name-en').value,
      price: Portal.moneyOf(form.querySelector('.price').value),
      durationMinutes: Number(form.querySelector('.duration').value),
      skill: form.querySelector('.skill').value,
      active: form.querySelector('.active').checked
    };
  }

  function renderItem(item) {
    const row = document.getElementById('item-template').content.firstElementChild.cloneNode(true);
    row.dataset.itemId = item.id;
    row.classList.toggle('inactive', !item.active);
    Anxin.apply(row);
    row.querySelector('.name').value = item.name;
    row.querySelector('.name-en').value = item.nameEn || '';
    row.querySelector('.price').value = Portal.moneyInput(item.price);
    row.querySelector('.duration').value = item.durationMinutes;
    skillOptions(row.querySelector('.skill'), item.skill);
    row.querySelector('.active').checked = item.active;
    row.querySelector('.item-providers').textContent = item.providers.map((p) => p.name).join('、') || '—';
    row.querySelector('.save-item').addEventListener('click', () => {
      send('PUT', `/api/catalog/items/${item.id}`, read(row, item.category)).then(saved).then(load).catch(fail);
    });
    return row;
  }

  function renderOffered() {
    const provider = Number(document.getElementById('provider').value);
    document.getElementById('offered').replaceChildren(...catalog.flatMap((c) => c.items.map((item) => {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = item.id;
      box.checked = item.providers.some((p) => p.id === provider);
      label.append(box, ` ${item.name}`);
      return label;
    })));
  }

  function render() {
    document.getElementById('categories').replaceChildren(...catalog.map((c) => {
      const section = document.getElementById('category-template').content.firstElementChild.cloneNode(true);
      section.dataset.category = c.code;
      Anxin.apply(section);
      section.querySelector('.category-name').textContent = categoryName(c);
      section.querySelector('tbody').replaceChildren(...c.items.map(renderItem));
      section.querySelector('table').hidden = c.items.length === 0;
      section.querySelector('.no-items').hidden = c.items.length > 0;
      return section;
    }));
    const add = document.getElementById('add-form');
    const category = add.querySelector('.category');
    const chosen = category.value;
    category.replaceChildren(...catalog.map((c) => option(c.code, categoryName(c))));
    if (chosen) category.value = chosen;
    if (!add.querySelector('.skill').options.length) skillOptions(add.querySelector('.skill'));
    const select = document.getElementById('provider');
    const provider = select.value;
    select.replaceChildren(...providers.map((p) => option(p.id, p.name)));
    if (provider) select.value = provider;
    renderOffered();
  }

  function load() {
    // one after the other, so that a refused user sees the catalogue's own refusal
    return send('GET', '/api/catalog?includeInactive=true')
      .then((items) => send('GET', '/api/providers').then((list) => [items, list]))
      .then(([items, list]) => {
        catalog = items;
        providers = list;
        document.getElementById('editor').hidden = false;
        render();
      });
  }

  function start() {
    Anxin.apply();
    Anxin.bindSwitch(render);
    document.getElementById('add-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const form = event.target;
      send('POST', '/api/catalog/items', read(form, form.querySelector('.category').value))
        .then(() => { form.reset(); saved(); return load(); }).catch(fail);
    });
    document.getElementById('provider').addEventListener('change', renderOffered);
    document.getElementById('provider-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const provider = document.getElementById('provider').value;
      if (!provider) return;
      const itemIds = [...document.querySelectorAll('#offered input:checked')].map((box) => Number(box.value));
      send('PUT', `/api/providers/${provider}/items`, { itemIds }).then(saved).then(load).catch(fail);
    });
    Portal.me().then((me) => {
      document.getElementById('whoami').textContent = me.displayName || me.username;
      return load();
    }).catch(fail);
  }

  start();
})();
