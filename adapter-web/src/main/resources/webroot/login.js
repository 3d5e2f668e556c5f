'use strict';
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
    const next = App.param('next');
    location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : 'index.html';
  } catch (e) {
    App.showError(box, e);
    button.disabled = false;
  }
});
