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
    location.href = safeNext(App.param('next')) || 'index.html';
  } catch (e) {
    App.showError(box, e);
    button.disabled = false;
  }
});
