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

/*
 * Signing in: the password first; an account with a second factor is then asked for its 6-digit code on the same page
 * (the server keeps the password's success for 10 minutes in a session that may do nothing else), and an
 * administrator without one enrols first (QR code), which completes the sign-in.
 */
function signedIn() {
  location.href = safeNext(App.param('next')) || 'index.html';
}

document.getElementById('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const box = document.getElementById('login-error');
  const button = document.getElementById('login-button');
  box.replaceChildren();
  button.disabled = true;
  try {
    await App.api('POST', '/api/session', {
      username: document.getElementById('username').value.trim(),
      password: document.getElementById('password').value
    });
    signedIn();
  } catch (e) {
    if (e.status === 401 && e.body && e.body.code === 'AUTH_SECOND_FACTOR_REQUIRED' && e.body.csrfToken) {
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
    Otp.enrolment(document.getElementById('enrol'), headers, signedIn);
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
      await App.api('POST', '/api/session/code', { code: document.getElementById('otp-code').value.trim() }, headers);
      signedIn();
    } catch (e) {
      App.showError(box, e);
      button.disabled = false;
    }
  });
}
