(function () {
  'use strict';
  const params = new URLSearchParams(window.location.search);
  document.getElementById('login-error').hidden = !params.has('error');
  document.getElementById('login-out').hidden = !params.has('logout');
  document.getElementById('login-locked').hidden = !params.has('locked');
  document.getElementById('login-expired').hidden = !params.has('expired');
  Anxin.apply();
  Anxin.bindSwitch();

  const form = document.getElementById('login-form');
  const csrf = document.getElementById('csrf');
  // The CSRF token comes from the server (cookie + /api/csrf); the form is not sent without it.
  const ready = fetch('/api/csrf', { credentials: 'same-origin' })
    .then((response) => response.json())
    .then((body) => { csrf.name = body.parameterName; csrf.value = body.token; })
    .catch(() => { csrf.value = Anxin.csrfToken() || ''; });
  form.addEventListener('submit', (event) => {
    if (csrf.value) return;
    event.preventDefault();
    ready.then(() => form.submit());
  });
})();
