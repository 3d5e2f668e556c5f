'use strict';

/**
 * Where to go after signing in: the `next` parameter only when it is a path of this site. Refused (→ index.html):
 * anything not starting with exactly one '/', any backslash (browsers read '\' as '/', so '/\evil.example' is
 * '//evil.example'), any control character or whitespace (a tab inside '/\t/evil.example' is dropped by the URL
 * parser), and anything that, parsed against this origin, leaves it or yields a path starting with '//'.
 */
function safeNext(next) {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2048) return null;
  if (next[0] !== '/' || next[1] === '/' || /[\\\s\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(next)) return null;
  let url;
  try { url = new URL(next, location.origin); } catch (e) { return null; }
  if (url.origin !== location.origin || url.username || url.password) return null;
  if (!url.pathname.startsWith('/') || url.pathname.startsWith('//') || url.pathname.includes('\\')) return null;
  return url.pathname + url.search + url.hash;
}

/** The signed-in session's CSRF token, and the password just typed (only while a change is due), for the change. */
let csrfToken = null;
let typedPassword = null;
/** Whether the person chose to change the password (rather than having to). */
let voluntary = false;

/** Shows the change-password form instead of the sign-in form (the password must be changed first). */
function askForChange(session, knowsCurrent) {
  csrfToken = session.csrfToken;
  voluntary = !session.passwordChangeRequired;
  document.querySelector('section.login').hidden = true;
  document.getElementById('change-section').hidden = false;
  document.getElementById('current-row').hidden = knowsCurrent;
  document.getElementById('change-cancel').textContent = voluntary ? '返回' : '退出';
  document.getElementById('change-reason').textContent = voluntary ? '修改本人密码（' + session.name + '）。'
    : (session.passwordChangeMessage || '须修改密码') + '。修改密码后才能继续使用系统。';
  document.getElementById(knowsCurrent ? 'new-password' : 'current-password').focus();
}

/*
 * Signing in: the password first; an account with a second factor is then asked for its 6-digit code on the same page
 * (the server keeps the password's success for 10 minutes in a session that may do nothing else), and an
 * administrator without one enrols first (QR code), which completes the sign-in. A password that must be changed is
 * changed here before anything else.
 */
function onward() {
  location.href = safeNext(App.param('next')) || 'index.html';
}

/** Signed in (with the code, when one was owed): on, or first the change of a password that must be changed. */
function signedIn(session) {
  if (session && session.passwordChangeRequired) {
    askForChange(session, typedPassword !== null);
    return;
  }
  typedPassword = null;
  onward();
}

document.getElementById('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const box = document.getElementById('login-error');
  const button = document.getElementById('login-button');
  box.replaceChildren();
  button.disabled = true;
  const password = document.getElementById('password').value;
  try {
    const session = await App.api('POST', '/api/session', {
      username: document.getElementById('username').value.trim(),
      password
    });
    typedPassword = password;
    document.getElementById('password').value = '';
    signedIn(session);
  } catch (e) {
    if (e.status === 401 && e.body && e.body.code === 'AUTH_SECOND_FACTOR_REQUIRED' && e.body.csrfToken) {
      // kept only until the sign-in completes, for a password change that may be due
      typedPassword = password;
      secondStep(e.body.next, { 'X-CSRF-Token': e.body.csrfToken });
      return;
    }
    App.showError(box, e);
    button.disabled = false;
  }
});

function secondStep(next, headers) {
  document.getElementById('login-form').hidden = true;
  document.getElementById('password').value = '';
  if (next === 'ENROLMENT') {
    document.getElementById('enrol-step').hidden = false;
    Otp.enrolment(document.getElementById('enrol'), headers, async () => {
      let session = null;
      try { session = await App.api('GET', '/api/session'); } catch (e) { /* on to the page, which asks again */ }
      signedIn(session);
    });
    return;
  }
  const form = document.getElementById('code-form');
  form.hidden = false;
  document.getElementById('otp-code').focus();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const box = document.getElementById('code-error');
    const button = document.getElementById('otp-button');
    box.replaceChildren();
    button.disabled = true;
    try {
      const session = await App.api('POST', '/api/session/code', { code: document.getElementById('otp-code').value.trim() }, headers);
      signedIn(session);
    } catch (e) {
      App.showError(box, e);
      button.disabled = false;
    }
  });
}

document.getElementById('change-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const box = document.getElementById('change-error');
  const button = document.getElementById('change-button');
  box.replaceChildren();
  const next = document.getElementById('new-password').value;
  if (next !== document.getElementById('confirm-password').value) {
    box.append(App.el('span', { class: 'message', text: '两次输入的新密码不一致' }));
    return;
  }
  button.disabled = true;
  try {
    await App.api('PUT', '/api/me/password', {
      currentPassword: typedPassword !== null ? typedPassword : document.getElementById('current-password').value,
      newPassword: next
    }, { 'X-CSRF-Token': csrfToken });
    typedPassword = null;
    onward();
  } catch (e) {
    App.showError(box, e);
    button.disabled = false;
  }
});

document.getElementById('change-cancel').addEventListener('click', async () => {
  typedPassword = null;
  if (voluntary) { onward(); return; }
  try { await App.api('DELETE', '/api/session', null, { 'X-CSRF-Token': csrfToken }); } catch (e) { /* signed out anyway */ }
  location.href = 'login.html';
});

// sent here by a page whose session must change its password first, or whose session was ended elsewhere
(async () => {
  if (App.param('ended')) {
    document.getElementById('login-error').replaceChildren(App.el('span', { class: 'message',
      text: '您的账号已在其他地方登录，本会话已结束；如非本人操作，请立即修改密码并联系管理员' }));
  }
  if (!App.param('change')) return;
  let session = null;
  try { session = await App.api('GET', '/api/session'); } catch (e) { return; }
  if (session) askForChange(session, false);
})();
