'use strict';
/* 我的账号 · 提醒方式: the signed-in person's channels for reminders (e-mail, SMS; the inbox always) and quiet hours. */
(async () => {
  // account.js signs the page in (App.start); saving happens once the person acts, signed in by then
  const form = document.getElementById('notify-form');
  if (!form) return;
  const email = document.getElementById('notify-email');
  const sms = document.getElementById('notify-sms');
  const quiet = document.getElementById('notify-quiet');
  const start = document.getElementById('notify-quiet-start');
  const end = document.getElementById('notify-quiet-end');
  const result = document.getElementById('notify-result');
  const error = document.getElementById('notify-error');

  function fill(p) {
    email.checked = p.email;
    sms.checked = p.sms;
    quiet.checked = !!p.quietStart;
    if (p.quietStart) { start.value = p.quietStart; end.value = p.quietEnd; }
    start.disabled = end.disabled = !quiet.checked;
  }
  quiet.addEventListener('change', () => { start.disabled = end.disabled = !quiet.checked; });
  try { fill(await App.api('GET', '/api/me/notification-preferences')); } catch (e) { App.showError(error, e); }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.replaceChildren();
    result.replaceChildren();
    const body = { email: email.checked, sms: sms.checked, quietStart: null, quietEnd: null };
    if (quiet.checked) { body.quietStart = start.value.substring(0, 5); body.quietEnd = end.value.substring(0, 5); }
    try {
      const saved = await App.api('PUT', '/api/me/notification-preferences', body);
      fill(saved);
      App.showOk(result, '已保存' + (saved.quietStart ? '：免打扰时段 ' + saved.quietStart + '—' + saved.quietEnd + '（北京时间）' : ''));
    } catch (e) { App.showError(error, e); }
  });
})();
