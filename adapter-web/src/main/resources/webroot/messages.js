'use strict';
/* 消息中心: the signed-in person's reminders and escalations, newest first; unread filter, mark read, mark all read. */
(async () => {
  const me = await App.start('messages', null);
  if (!me) return;
  const { el } = App;
  const list = document.getElementById('messages');
  const more = document.getElementById('more');
  const error = document.getElementById('messages-error');
  const unreadOnly = document.getElementById('unread-only');
  const summary = document.getElementById('unread-summary');
  let next = null;

  function counted(unread) {
    summary.textContent = unread === 0 ? '没有未读消息' : '未读 ' + unread + ' 条';
    if (typeof Bell !== 'undefined') Bell.show(unread);
  }

  async function markRead(m, item) {
    const r = await App.api('POST', '/api/me/messages/' + m.id + '/read');
    m.read = true;
    item.classList.remove('unread');
    const button = item.querySelector('.mark-read');
    if (button) button.replaceWith(el('span', { class: 'muted', text: '已读' }));
    counted(r.unread);
    if (unreadOnly.checked) item.remove();
  }

  function row(m) {
    const item = el('li', { class: m.read ? null : 'unread', id: 'message-' + m.id, 'data-id': String(m.id) });
    const open = el('a', { href: m.link, class: 'message-title', id: 'open-' + m.id, text: m.title });
    // opening a message reads it: marked read first, then the project's page at the action
    open.addEventListener('click', async (event) => {
      if (m.read || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      try { await markRead(m, item); } catch (e) { /* still opened */ }
      location.href = m.link;
    });
    // a reminder whose deadline was met (or waived) since is withdrawn: 已办结 with the day, no longer urgent nor unread
    const settled = m.settled ? m.settledZh + (m.settledOn ? '（' + m.settledOn + '）' : '') : null;
    if (m.settled) item.classList.add('settled');
    const badges = m.settled ? [App.badge('MET_ON_TIME', settled)] : [App.badge(m.escalation ? 'overdue' : 'DUE_SOON', m.escalation ? '督办' : '提醒')];
    if (m.classified) badges.push(App.badge('classified', '涉密'));
    item.append(el('div', { class: 'message-main' }, open, el('p', { class: 'message-body', text: m.body }),
      m.settled ? el('p', { class: 'message-settled', id: 'settled-' + m.id, text: m.settledAs === 'MET'
        ? '该期限已于 ' + (m.settledOn || '') + ' 办结，本提醒已收回，无需再办。' : '该期限已撤销' + (m.settledOn ? '（' + m.settledOn + '）' : '') + '，本提醒已收回，无需再办。' }) : null,
      el('div', { class: 'muted' }, '到期日 ' + m.due + ' · 提醒日 ' + m.remindOn + ' · 收到于 ' + App.when(m.createdAt))));
    const side = el('div', { class: 'message-side' }, badges);
    side.append(m.settled ? el('span', { class: 'muted', text: '已收回' }) : m.read ? el('span', { class: 'muted', text: '已读' })
      : el('button', { type: 'button', class: 'secondary mark-read', id: 'read-' + m.id, text: '标为已读',
        'aria-label': '将“' + m.title + '”标为已读',
        onclick: async () => { try { await markRead(m, item); } catch (e) { App.showError(error, e); } } }));
    item.append(side);
    return item;
  }

  async function load(reset) {
    error.replaceChildren();
    try {
      const q = new URLSearchParams({ limit: '20' });
      if (unreadOnly.checked) q.set('unread', 'true');
      // the export holds what the list shows: the same filter
      document.getElementById('messages-export').href = '/api/exports/messages.xlsx' + (unreadOnly.checked ? '?unread=true' : '');
      if (!reset && next) q.set('before', String(next));
      const page = await App.api('GET', '/api/me/messages?' + q);
      if (reset) list.replaceChildren();
      page.items.forEach(m => list.append(row(m)));
      if (!list.children.length) list.append(el('li', { class: 'muted', id: 'messages-empty', text: unreadOnly.checked ? '没有未读消息' : '暂无消息' }));
      next = page.nextBefore;
      more.hidden = !next;
      counted(page.unread);
    } catch (e) { App.showError(error, e); }
  }

  // the unread filter is kept per person in the browser and restored on return
  const kept = Finder.filters('messages', ['unread-only']);
  kept.restore();
  unreadOnly.addEventListener('change', () => { kept.save(); load(true); });
  more.addEventListener('click', () => load(false));
  document.getElementById('read-all').addEventListener('click', async () => {
    try {
      await App.api('POST', '/api/me/messages/read-all');
      await load(true);
    } catch (e) { App.showError(error, e); }
  });
  load(true);
})();
