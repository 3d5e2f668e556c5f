'use strict';
/*
 * The second factor on the pages: enrolling an authenticator app (a QR code drawn by the server, the secret to type
 * in, a first code to confirm) and asking for a 6-digit code. Used by the sign-in page and 我的账号.
 */
const Otp = (() => {
  const { el } = App;

  /** A 6-digit code field with its label. */
  function codeInput(id, label) {
    return el('div', {}, el('label', { for: id, text: label || '动态口令（身份验证器上的6位数字）' }),
      el('input', { type: 'text', id, inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6', pattern: '[0-9]{6}', required: true }));
  }

  /**
   * Builds the enrolment into the container: choose the algorithm, get a secret and its QR code, confirm with a code.
   * `headers` are sent with each request (the CSRF token of a session that owes its enrolment); `done` is called once
   * the enrolment is confirmed, with the server's answer.
   */
  function enrolment(container, headers, done) {
    const algorithm = el('select', { id: 'otp-algorithm' },
      el('option', { value: 'SM3', text: 'HMAC-SM3（国密，默认）' }), el('option', { value: 'SHA1', text: 'HMAC-SHA1（常见身份验证器应用）' }));
    const box = el('div', { id: 'otp-error', class: 'refusal', role: 'alert' });
    const shown = el('div', { id: 'otp-enrolment' });
    const start = el('button', { type: 'button', id: 'otp-start', text: '生成密钥和二维码' });
    start.addEventListener('click', async () => {
      box.replaceChildren();
      try {
        const e = await App.api('POST', '/api/second-factor/enrolment', { algorithm: algorithm.value }, headers);
        const form = el('form', { id: 'otp-confirm-form', novalidate: true },
          el('p', { text: '用身份验证器扫描二维码（或手工输入密钥），再输入它显示的6位动态口令完成绑定。密钥只显示这一次。' }),
          el('img', { id: 'otp-qr', src: e.qrCode, alt: '动态口令绑定二维码', width: '240', height: '240' }),
          el('p', {}, '密钥（base32）：', el('code', { id: 'otp-secret', text: e.secret }), '；算法：',
            el('span', { id: 'otp-alg', text: e.algorithm }), '；6位，30秒'),
          el('details', {}, el('summary', { text: 'otpauth 地址' }), el('code', { id: 'otp-uri', text: e.uri })),
          codeInput('otp-enrol-code'),
          el('p', {}, el('button', { type: 'submit', id: 'otp-confirm', text: '确认绑定' })));
        form.addEventListener('submit', async (event) => {
          event.preventDefault();
          box.replaceChildren();
          try {
            const answer = await App.api('POST', '/api/second-factor/enrolment/confirm',
              { code: document.getElementById('otp-enrol-code').value.trim() }, headers);
            done(answer);
          } catch (err) { App.showError(box, err); }
        });
        shown.replaceChildren(form);
      } catch (err) { App.showError(box, err); }
    });
    container.replaceChildren(el('div', { class: 'row' },
      el('div', {}, el('label', { for: 'otp-algorithm', text: '算法' }), algorithm), el('div', {}, start)), shown, box);
  }

  return { enrolment, codeInput };
})();
