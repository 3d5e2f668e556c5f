'use strict';
/* 我的账号: the signed-in person's second factor — its state, enrolling, and (for an ordinary account) disabling. */
(async () => {
  const me = await App.start('account', null);
  if (!me) return;
  const { el } = App;

  async function show() {
    const s = await App.api('GET', '/api/second-factor');
    const status = document.getElementById('otp-status');
    const panel = document.getElementById('otp-panel');
    if (!s.enrolled) {
      status.replaceChildren(el('p', { id: 'otp-state', text: '尚未绑定动态口令' + (s.mandatory ? '（您的账号必须绑定）' : '') }));
      Otp.enrolment(panel, undefined, () => show());
      return;
    }
    status.replaceChildren(el('p', { id: 'otp-state', text: '已绑定动态口令：' + (s.algorithm === 'SM3' ? 'HMAC-SM3' : 'HMAC-SHA1')
      + '，绑定于 ' + App.when(s.enrolledAt) }));
    if (s.mandatory) {
      panel.replaceChildren(el('p', { class: 'muted', text: '管理员账号不能解除绑定；更换手机请由安全保密管理员重置后重新绑定。' }));
      return;
    }
    const box = el('div', { id: 'otp-disable-error', class: 'refusal', role: 'alert' });
    const form = el('form', { id: 'otp-disable-form', novalidate: true }, Otp.codeInput('otp-disable-code', '当前动态口令'),
      el('p', {}, el('button', { type: 'submit', class: 'danger', id: 'otp-disable', text: '解除绑定' })), box);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await App.api('POST', '/api/second-factor/disable', { code: document.getElementById('otp-disable-code').value.trim() });
        show();
      } catch (e) { App.showError(box, e); }
    });
    panel.replaceChildren(form);
  }
  show();
})();
