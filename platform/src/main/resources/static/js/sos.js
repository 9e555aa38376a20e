// The SOS page: the phone is a device of protocol "app". Its id and secret come in the personal
// link's fragment (#d=…&k=…), which browsers never send to a server, and are kept on the phone so
// that a home-screen shortcut without the fragment still works. It speaks MQTT over WebSocket to
// the gateway like any MQTT device: SOS as a QoS 1 PUBLISH on its events topic (the PUBACK comes
// once the gateway has handed it on), and "help is coming" as a HELP_COMING command on its own
// command topic when the desk acknowledges the alarm.
(function () {
  'use strict';

  const COUNTDOWN_SECONDS = 5;
  const STORE = 'anxin.sos.device';
  const $ = (id) => document.getElementById(id);
  const button = $('sos-button');
  const stateLine = $('sos-state');
  const connectionLine = $('sos-connection');
  let client = null;
  let device = null;
  let countdown = null;
  let fix = null;
  let connection = 'connecting';
  let state = null;

  // The link's credentials, else those this phone kept; the fragment is then taken off the address bar.
  function credentials() {
    const fragment = new URLSearchParams(window.location.hash.slice(1));
    if (fragment.get('d') && fragment.get('k')) {
      const found = { id: fragment.get('d'), secret: fragment.get('k') };
      try { window.localStorage.setItem(STORE, JSON.stringify(found)); } catch (e) { /* private mode: the link still works */ }
      window.history.replaceState(null, '', window.location.pathname);
      return found;
    }
    try {
      const kept = JSON.parse(window.localStorage.getItem(STORE) || 'null');
      return kept && kept.id && kept.secret ? kept : null;
    } catch (e) {
      return null;
    }
  }

  function showConnection(value) {
    // refused is final: the close and offline events that follow it must not hide it
    if (connection === 'refused' && value !== 'refused') return;
    connection = value;
    connectionLine.dataset.state = value;
    connectionLine.textContent = Anxin.t(`sos.connection.${value}`);
    button.disabled = value === 'refused' || !device;
  }

  function showState(value) {
    state = value;
    stateLine.dataset.state = value || '';
    stateLine.textContent = value ? Anxin.t(`sos.state.${value}`) : '';
  }

  function connect(url) {
    const base = `anxin/v1/devices/${device.id}`;
    client = mqtt.connect(url, {
      clientId: device.id,
      username: device.id,
      password: device.secret,
      protocolVersion: 4,
      clean: true,
      keepalive: 60,
      reconnectPeriod: 3000,
      connectTimeout: 10000
    });
    client.on('connect', () => {
      showConnection('online');
      client.subscribe(`${base}/commands`, { qos: 1 });
    });
    client.on('reconnect', () => showConnection('connecting'));
    client.on('offline', () => showConnection('offline'));
    client.on('error', (error) => {
      // CONNACK 5: not authorised. The link was revoked (secret rotated) or mistyped: stop retrying.
      if (error && (error.code === 5 || error.code === 135)) {
        showConnection('refused');
        client.end(true);
      }
    });
    client.on('message', (topic, payload) => {
      let command = null;
      try { command = JSON.parse(new TextDecoder().decode(payload)); } catch (e) { return; }
      if (command && command.type === 'HELP_COMING') {
        showState('coming');
        if (navigator.vibrate) navigator.vibrate([300, 150, 300]);
      }
    });
    return base;
  }

  // Asks for a position as soon as the button is pressed, so it is often there when the countdown ends.
  function locate() {
    fix = null;
    if (!navigator.geolocation) return;
    navigator.geolocation.getCurrentPosition(
      (position) => { fix = position.coords; },
      () => { fix = null; },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  }

  function event(type) {
    const body = { type, ts: new Date().toISOString() };
    if (fix) {
      body.lat = Number(fix.latitude.toFixed(6));
      body.lon = Number(fix.longitude.toFixed(6));
    }
    return JSON.stringify(body);
  }

  function send(eventsTopic) {
    const hadFix = fix !== null;
    showState('sending');
    client.publish(eventsTopic, event('SOS'), { qos: 1 }, (error) => {
      if (!error && state === 'sending') showState('sent');
    });
    if (!hadFix && navigator.geolocation) {
      // the SOS did not wait for a fix; one that comes later follows as a LOCATION
      navigator.geolocation.getCurrentPosition((position) => {
        fix = position.coords;
        client.publish(eventsTopic, event('LOCATION'), { qos: 1 });
      }, () => {}, { enableHighAccuracy: true, timeout: 30000, maximumAge: 60000 });
    }
  }

  function startCountdown(eventsTopic) {
    if (countdown) return;
    locate();
    let left = COUNTDOWN_SECONDS;
    $('sos-seconds').textContent = String(left);
    $('sos-countdown').hidden = false;
    button.hidden = true;
    $('sos-hint').hidden = true;
    showState('countdown');
    $('sos-cancel').focus();
    countdown = window.setInterval(() => {
      left -= 1;
      $('sos-seconds').textContent = String(left);
      if (left <= 0) {
        stopCountdown();
        send(eventsTopic);
      }
    }, 1000);
  }

  function stopCountdown() {
    window.clearInterval(countdown);
    countdown = null;
    $('sos-countdown').hidden = true;
    button.hidden = false;
    $('sos-hint').hidden = false;
  }

  function relabel() {
    showConnection(connection);
    showState(state);
  }

  Anxin.apply();
  Anxin.bindSwitch(relabel);
  device = credentials();
  if (!device) {
    $('sos-link-error').hidden = false;
    showConnection('offline');
    return;
  }
  // Where the gateway is; asked again every 5 s while the platform cannot be reached.
  function start() {
    showConnection('connecting');
    fetch('/api/sos-page/config', { headers: { Accept: 'application/json' } })
      .then((response) => {
        if (!response.ok) throw new Error(`config ${response.status}`);
        return response.json();
      })
      .then((config) => {
        const eventsTopic = `${connect(config.mqttWsUrl)}/events`;
        button.disabled = false;
        button.addEventListener('click', () => startCountdown(eventsTopic));
        $('sos-cancel').addEventListener('click', () => {
          stopCountdown();
          showState('cancelled');
          button.focus();
        });
      })
      .catch(() => {
        showConnection('offline');
        window.setTimeout(start, 5000);
      });
  }

  start();
})();
