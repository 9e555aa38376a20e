// What the portal's pages share: the API as JSON over fetch with the session's CSRF token (back to
// the login page on 401, otherwise an error carrying the problem's detail and status), the
// signed-in user, a page's error and notice lines, role-bound navigation and the logout form.
(function () {
  'use strict';

  function send(method, url, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const token = Anxin.csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
    return fetch(url, {
      method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body)
    }).then((response) => {
      if (response.status === 401) window.location.assign('/login.html');
      if (!response.ok) {
        return response.json().catch(() => ({})).then((problem) => {
          const error = new Error(problem.detail || problem.title || response.statusText);
          error.status = response.status;
          throw error;
        });
      }
      return response.status === 204 ? null : response.json();
    });
  }

  // A page's two message lines: fail(error) shows "操作失败（409）：detail", notice(text) a success; each hides the other.
  function messages(errorId, noticeId) {
    const errorBox = document.getElementById(errorId);
    const noticeBox = document.getElementById(noticeId);
    function show(box, text) {
      box.textContent = text || '';
      box.hidden = !text;
    }
    return {
      fail(error) {
        show(noticeBox, null);
        show(errorBox, `${Anxin.t('actionFailed')}（${error.status || '—'}）：${error.message}`);
        errorBox.scrollIntoView({ block: 'nearest' });
      },
      notice(text) {
        show(errorBox, null);
        show(noticeBox, text);
      },
      clear() {
        show(errorBox, null);
        show(noticeBox, null);
      }
    };
  }

  // The one money formatter: an API amount (Money, {"fen": 8000, "yuan": "80.00"}) as "¥80.00",
  // from its exact yuan text (never a float); "—" for none.
  function money(m) {
    if (m == null) return '—';
    const yuan = m.yuan != null ? String(m.yuan) : (Number(m.fen) / 100).toFixed(2);
    return yuan.startsWith('-') ? `-¥${yuan.slice(1)}` : `¥${yuan}`;
  }

  // A Money as a form field's value: "32.5" (an input of yuan shows no trailing zeros).
  function moneyInput(m) {
    return m == null ? '' : String(Number(m.yuan));
  }

  // A form field's yuan text as the Money a request sends; the API refuses a third decimal.
  function moneyOf(text) {
    return { yuan: String(text).trim() };
  }

  // The one way a user's text reaches HTML where a DOM node cannot be used: & < > " ' as entities.
  function escape(text) {
    return String(text == null ? '' : text).replace(/[&<>"']/g, (c) => ({
      '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'
    }[c]));
  }

  // A user's text as a DOM node, for Leaflet's bindTooltip/bindPopup (which insert a string as HTML).
  function textNode(text, tag) {
    const node = document.createElement(tag || 'span');
    node.textContent = text == null ? '' : String(text);
    return node;
  }

  function option(value, label) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    return o;
  }

  // Links and buttons marked data-roles="ADMIN SUPERVISOR" stay hidden unless the user has one of those roles.
  function showForRole(role) {
    document.querySelectorAll('[data-roles]').forEach((el) => {
      el.hidden = !el.dataset.roles.split(' ').includes(role);
    });
  }

  let current = null;

  // The signed-in user (GET /api/me), asked once per page.
  function me() {
    if (!current) current = send('GET', '/api/me');
    return current;
  }

  // A form post carries the CSRF token as the server hands it out (/api/csrf, as the login page
  // does): the cookie may not be set yet on a page that only read, and a form field needs the
  // masked form of the token, not the cookie's.
  function bindLogout() {
    const form = document.getElementById('logout-form');
    if (!form) return;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const field = document.getElementById('logout-csrf');
      fetch('/api/csrf', { credentials: 'same-origin' })
        .then((r) => r.json())
        .then((body) => { field.name = body.parameterName; field.value = body.token; })
        .catch(() => { field.value = Anxin.csrfToken() || ''; })
        .then(() => form.submit());
    });
  }

  // The portal's pages and who may use each: the one list every page's top bar is drawn from.
  const NAV = [
    ['/operator.html', 'console', '接警台', 'ADMIN SUPERVISOR OPERATOR'],
    ['/calls.html', 'calls.title', '12349 来电', 'ADMIN SUPERVISOR OPERATOR'],
    ['/callreports.html', 'callReport.title', '12349 话务报表', 'ADMIN SUPERVISOR OPERATOR BUREAU'],
    ['/reports.html', 'reports', '接警时效报表', 'ADMIN SUPERVISOR OPERATOR'],
    ['/coverage.html', 'coverage', '服务覆盖', 'ADMIN SUPERVISOR OPERATOR'],
    ['/followups.html', 'followUps', '服务回访', 'ADMIN SUPERVISOR OPERATOR'],
    ['/senior.html', 'seniorPage.new', '登记新老人', 'ADMIN SUPERVISOR OPERATOR'],
    ['/plans.html', 'plans', '服务排班', 'ADMIN SUPERVISOR OPERATOR'],
    ['/sos-links.html', 'sosLinks.nav', '一键呼救链接', 'ADMIN SUPERVISOR OPERATOR'],
    ['/catalog.html', 'catalog', '服务目录', 'ADMIN'],
    ['/dashboard.html', 'dashboard.title', '养老服务数据看板', 'COMMUNITY STREET BUREAU'],
    ['/provider-grades.html', 'grading.title', '服务机构评级', 'COMMUNITY STREET BUREAU'],
    ['/settlement.html', 'settlement', '月度结算', 'ADMIN SUPERVISOR BUREAU'],
    ['/subsidy.html', 'subsidy.title', '养老服务补贴', 'ADMIN SUPERVISOR OPERATOR COMMUNITY STREET BUREAU FAMILY'],
    ['/assessment.html', 'assessment.title', '老年人能力评估', 'ADMIN SUPERVISOR OPERATOR COMMUNITY STREET BUREAU ASSESSOR'],
    ['/family.html', 'familyApp', '家属服务', 'FAMILY'],
    ['/devices.html', 'deviceGroups.nav', '设备分组', 'ADMIN'],
    ['/audit.html', 'audit.title', '审计日志', 'ADMIN'],
    ['/account.html', 'account.title', '我的账号', 'ADMIN SUPERVISOR OPERATOR RESPONDER FAMILY COMMUNITY STREET BUREAU ASSESSOR'],
  ];

  // Fills <nav id="portal-nav"> with a link to every other page, hidden until the user's role is known.
  function drawNav() {
    const nav = document.getElementById('portal-nav');
    if (!nav) return;
    NAV.filter(([href]) => href !== window.location.pathname).forEach(([href, key, label, roles]) => {
      const a = document.createElement('a');
      a.href = href;
      a.className = 'nav-link';
      a.dataset.roles = roles;
      a.dataset.i18n = key;
      a.hidden = true;
      a.textContent = window.Anxin && window.Anxin.t ? window.Anxin.t(key) : label;
      nav.appendChild(a);
    });
  }

  // Fills <div id="portal-account"> with the signed-in user's name, the language switch and the
  // logout form (its CSRF token set on submit): the same on every page.
  function drawAccount() {
    const box = document.getElementById('portal-account');
    if (!box) return;
    box.innerHTML = '<span id="whoami" class="whoami"></span>'
      + '<div class="lang-switch"><button type="button" data-lang="zh-CN">中文</button>'
      + '<button type="button" data-lang="en">English</button></div>'
      + '<form method="post" action="/logout" id="logout-form">'
      + '<input type="hidden" name="_csrf" id="logout-csrf"><button type="submit" data-i18n="logout">退出</button></form>';
    bindLogout();
    const whoami = document.getElementById('whoami');
    me().then((user) => { if (!whoami.textContent) whoami.textContent = user.displayName || user.username; })
      .catch(() => {});
  }

  drawNav();
  drawAccount();
  // Pages that include this script get their role-bound navigation without further code.
  if (document.querySelector('[data-roles]')) me().then((user) => showForRole(user.role)).catch(() => {});

  // A QR code drawn module by module on the canvas, with the standard quiet zone of 4 modules
  // (the page loads the vendored qrcode-generator first).
  function drawQr(canvas, text) {
    const qr = qrcode(0, 'M');
    qr.addData(text);
    qr.make();
    const count = qr.getModuleCount();
    const scale = Math.floor(canvas.width / (count + 8)) || 1;
    const offset = Math.floor((canvas.width - count * scale) / 2);
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.fillStyle = '#000';
    for (let r = 0; r < count; r++) {
      for (let c = 0; c < count; c++) {
        if (qr.isDark(r, c)) g.fillRect(offset + c * scale, offset + r * scale, scale, scale);
      }
    }
  }

  window.Portal = { send, me, messages, money, moneyInput, moneyOf, option, showForRole, escape, textNode, drawQr };
})();
