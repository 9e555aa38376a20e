// My account: a user changes their own password (PUT /api/me/password, the current one required).
(function () {
  'use strict';
  Anxin.apply();
  Anxin.bindSwitch();
  const status = Portal.messages('account-error', 'account-notice');
  const form = document.getElementById('password-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const current = document.getElementById('current-password').value;
    const next = document.getElementById('new-password').value;
    if (next !== document.getElementById('repeat-password').value) {
      status.fail({ status: 400, message: Anxin.t('account.mismatch') });
      return;
    }
    Portal.send('PUT', '/api/me/password', { currentPassword: current, newPassword: next })
      .then(() => { form.reset(); status.notice(Anxin.t('account.changed')); })
      .catch(status.fail);
  });
})();
