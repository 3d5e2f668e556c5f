'use strict';
(async () => {
  const me = await App.start('todo');
  if (!me) return;
  const { el } = App;
  async function load() {
    const days = document.getElementById('days').value;
    const box = document.getElementById('todo');
    try {
      const data = await App.api('GET', '/api/me/deadlines?days=' + days);
      const groups = [['OVERDUE', '已逾期'], ['DUE_TODAY', '今日到期'], ['DUE_SOON', '即将到期（7日内）'], ['LATER', '其他待办']];
      box.replaceChildren();
      for (const [key, title] of groups) {
        const items = data.items.filter(i => i.urgency === key);
        const section = el('section', { class: 'card', id: 'todo-' + key, 'aria-label': title });
        section.append(el('h2', {}, title + '（' + items.length + '）'));
        section.append(App.table(['项目', '单位', '期限事项', '依据', '到期日', '状态', '办理'], items.map(i => [
          App.projectLink(i.projectId, i.projectName),
          App.unit(i.unit),
          i.kindZh,
          i.article,
          el('span', {}, i.due, i.provisional ? el('span', { class: 'muted', text: '（暂定）' }) : null),
          App.badge(i.urgency, i.urgencyZh),
          i.action ? el('a', { href: 'project.html?id=' + i.projectId + '#action-' + i.action, text: i.actionZh }) : '—'
        ]), 'table-' + key));
        box.append(section);
      }
    } catch (e) {
      box.replaceChildren(el('div', { class: 'refusal', role: 'alert' }));
      App.showError(box.firstChild, e);
    }
  }
  document.getElementById('days').addEventListener('change', load);
  document.getElementById('issue-token').addEventListener('click', async () => {
    const box = document.getElementById('token-result');
    try {
      const t = await App.api('POST', '/api/me/calendar-token');
      const url = location.origin + t.path;
      box.replaceChildren(el('p', {}, '订阅地址（只显示这一次）：'), el('input', { type: 'text', readonly: true, value: url, id: 'token-url', 'aria-label': '订阅地址' }));
    } catch (e) { App.showError(box, e); }
  });
  document.getElementById('revoke-token').addEventListener('click', async () => {
    const box = document.getElementById('token-result');
    try {
      const r = await App.api('DELETE', '/api/me/calendar-token');
      App.showOk(box, r.revoked ? '订阅地址已撤销' : '您还没有订阅地址');
    } catch (e) { App.showError(box, e); }
  });
  load();
})();
