'use strict';
/*
 * The bell of every signed-in page: how many messages of the 消息中心 are unread, asked at a modest interval (and when
 * the page comes back into view, and after marking read), linking to the message centre. Mounted by App.start.
 */
const Bell = (() => {
  const INTERVAL_MS = 30000;
  let link = null;
  let badge = null;
  let timer = null;

  function show(n) {
    if (!link) return;
    const count = Math.max(0, Number(n) || 0);
    badge.textContent = count > 99 ? '99+' : String(count);
    badge.hidden = count === 0;
    link.dataset.unread = String(count);
    link.setAttribute('aria-label', count === 0 ? '消息中心，没有未读消息' : '消息中心，' + (count > 99 ? '99条以上' : count + '条') + '未读消息');
    link.title = link.getAttribute('aria-label');
  }

  async function refresh() {
    if (!link) return;
    try {
      const r = await App.api('GET', '/api/me/messages/unread-count');
      show(r.unread);
    } catch (e) { /* a convenience: the bell keeps what it showed */ }
  }

  function mount(header) {
    if (link || !header) return;
    const style = App.el('link', { rel: 'stylesheet', href: 'bell.css' });
    document.head.append(style);
    badge = App.el('span', { class: 'bell-count', id: 'bell-count', 'aria-hidden': 'true', text: '0' });
    link = App.el('a', { href: 'messages.html', id: 'bell', class: 'bell' + (location.pathname.endsWith('/messages.html') ? ' current' : '') },
      App.el('span', { class: 'bell-icon', 'aria-hidden': 'true', text: '🔔' }), App.el('span', { class: 'bell-label', text: '消息' }), badge);
    const who = header.querySelector('#who');
    header.insertBefore(link, who);
    show(0);
    refresh();
    timer = setInterval(refresh, INTERVAL_MS);
    document.addEventListener('visibilitychange', () => { if (!document.hidden) refresh(); });
  }

  return { mount, refresh, show, get timer() { return timer; } };
})();
