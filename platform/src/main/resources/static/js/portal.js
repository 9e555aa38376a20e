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

  function bindLogout() {
    const form = document.getElementById('logout-form');
    if (form) {
      form.addEventListener('submit', () => { document.getElementById('logout-csrf').value = Anxin.csrfToken() || ''; });
    }
  }

  // Pages that include this script get their role-bound navigation without further code.
  if (document.querySelector('[data-roles]')) me().then((user) => showForRole(user.role)).catch(() => {});

  window.Portal = { send, me, messages, option, showForRole, bindLogout };
})();
