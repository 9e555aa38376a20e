// The desk's SOS links: a senior with a smartphone but no wearable gets a device of protocol "app"
// (POST /api/devices), and its personal link sos.html#d=<id>&k=<secret> as text and a printable QR
// code. The secret is shown once, here, and is never put in a query string; an ADMIN revokes a
// link by issuing a new secret for the device (POST /api/devices/{id}/secret).
(function () {
  'use strict';

  const { send } = Portal;
  const messages = Portal.messages('sos-links-error', 'sos-links-notice');
  const seniorSelect = document.getElementById('senior');
  let seniors = [];

  function randomSuffix() {
    const bytes = new Uint8Array(4);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }


  function showLink(deviceId, secret) {
    const link = `${window.location.origin}/sos.html#d=${encodeURIComponent(deviceId)}&k=${encodeURIComponent(secret)}`;
    const senior = seniors.find((s) => String(s.id) === seniorSelect.value);
    document.getElementById('card-senior').textContent = senior ? senior.name : '';
    document.getElementById('sos-link').value = link;
    Portal.drawQr(document.getElementById('sos-qr'), link);
    document.getElementById('sos-card').hidden = false;
  }

  function listDevices() {
    const list = document.getElementById('app-devices');
    if (!seniorSelect.value) { list.replaceChildren(); return Promise.resolve(); }
    return send('GET', `/api/devices?seniorId=${encodeURIComponent(seniorSelect.value)}`).then((devices) => {
      const apps = devices.filter((d) => d.protocol === 'app');
      if (!apps.length) {
        const li = document.createElement('li');
        li.textContent = Anxin.t('sosLinks.none');
        list.replaceChildren(li);
        return;
      }
      list.replaceChildren(...apps.map((d) => {
        const li = document.createElement('li');
        li.append(`${d.id} `);
        const rotate = document.createElement('button');
        rotate.type = 'button';
        rotate.dataset.roles = 'ADMIN';
        rotate.dataset.i18n = 'sosLinks.rotate';
        rotate.textContent = Anxin.t('sosLinks.rotate');
        rotate.addEventListener('click', () => send('POST', `/api/devices/${encodeURIComponent(d.id)}/secret`)
          .then((body) => { messages.notice(Anxin.t('sosLinks.created')); showLink(body.id, body.secret); })
          .catch(messages.fail));
        li.append(rotate);
        return li;
      }));
      Portal.me().then((user) => Portal.showForRole(user.role)).catch(() => {});
    }).catch(messages.fail);
  }

  document.getElementById('sos-link-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const seniorId = Number(seniorSelect.value);
    send('POST', '/api/devices', { id: `app-${seniorId}-${randomSuffix()}`, protocol: 'app', seniorId })
      .then((device) => {
        messages.notice(Anxin.t('sosLinks.created'));
        showLink(device.id, device.secret);
        return listDevices();
      })
      .catch(messages.fail);
  });
  seniorSelect.addEventListener('change', () => {
    document.getElementById('sos-card').hidden = true;
    listDevices();
  });
  document.getElementById('print').addEventListener('click', () => window.print());

  Anxin.apply();
  Anxin.bindSwitch(listDevices);
  send('GET', '/api/seniors')
    .then((list) => {
      seniors = list;
      seniorSelect.replaceChildren(...list.map((s) => Portal.option(s.id, `${s.name} (#${s.id})`)));
      return listDevices();
    })
    .catch(messages.fail);
})();
