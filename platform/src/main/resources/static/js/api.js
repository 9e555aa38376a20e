// What every portal page does with the API: JSON over fetch with the session's CSRF token, back
// to the login page on 401, and an error carrying the problem's detail and status otherwise.
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

  // Shows "操作失败（409）：detail" in the box, or hides it for null.
  function showError(boxId, error) {
    const box = document.getElementById(boxId);
    box.textContent = error ? `${Anxin.t('actionFailed')}（${error.status || '—'}）：${error.message}` : '';
    box.hidden = !error;
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

  window.AnxinApi = { send, me, showError, showForRole, bindLogout };
})();
