'use strict';
(async () => {
  const me = await App.start('todo');
  if (!me) return;
  const { el } = App;
  // the horizon is kept per person in the browser and restored on return; the export holds what the list shows
  const kept = Finder.filters('todo', ['days']);
  kept.restore();
  if (!document.getElementById('days').value) document.getElementById('days').value = '90';
  async function load() {
    const days = document.getElementById('days').value;
    document.getElementById('todo-export').href = '/api/exports/my-deadlines.xlsx?days=' + encodeURIComponent(days);
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
  /*
   * The month ahead as a calendar: the weeks from this week's Monday to a month after today, each day with the
   * deadlines due on it (a classified project named only as such), overdue ones listed on today.
   */
  async function month() {
    const box = document.getElementById('month');
    try {
      const data = await App.api('GET', '/api/me/deadlines?days=42');
      const today = data.today || App.today();
      const iso = d => d.toISOString().substring(0, 10);
      const first = new Date(today + 'T00:00:00Z');
      const offset = (first.getUTCDay() + 6) % 7;
      first.setUTCDate(first.getUTCDate() - offset);
      const weeks = Math.ceil((offset + 32) / 7);
      const byDay = new Map();
      data.items.forEach(i => {
        const key = i.due < today ? today : i.due;
        if (!byDay.has(key)) byDay.set(key, []);
        byDay.get(key).push(i);
      });
      const table = el('table', { class: 'month', id: 'month-table' });
      table.append(el('caption', { class: 'muted', text: '未来一个月的法定期限（' + today + ' 起；已逾期的列在今天）' }));
      table.append(el('thead', {}, el('tr', {}, ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'].map(w => el('th', { scope: 'col', text: w })))));
      const body = el('tbody');
      for (let w = 0; w < weeks; w++) {
        const tr = el('tr');
        for (let d = 0; d < 7; d++) {
          const date = new Date(first);
          date.setUTCDate(first.getUTCDate() + w * 7 + d);
          const key = iso(date);
          const items = byDay.get(key) || [];
          const cell = el('td', { class: [key === today ? 'today' : '', key < today ? 'past' : '', d >= 5 ? 'weekend' : ''].join(' ').trim() || null,
            id: 'day-' + key, 'data-count': String(items.length) },
            el('div', { class: 'day', text: (date.getUTCDate() === 1 || (w === 0 && d === 0) ? (date.getUTCMonth() + 1) + '月' : '') + date.getUTCDate() + '日' }));
          items.forEach(i => cell.append(el('div', { class: 'due ' + i.urgency },
            i.classified ? el('span', { text: i.projectName }) : App.projectLink(i.projectId, i.projectName), '：' + i.kindZh + (i.urgency === 'OVERDUE' ? '（已逾期，原定 ' + i.due + '）' : ''))));
          tr.append(cell);
        }
        body.append(tr);
      }
      table.append(body);
      box.replaceChildren(table);
    } catch (e) {
      box.replaceChildren(el('div', { class: 'refusal', role: 'alert' }));
      App.showError(box.firstChild, e);
    }
  }
  document.getElementById('days').addEventListener('change', () => { kept.save(); load(); });
  document.getElementById('todo-filter').addEventListener('submit', e => e.preventDefault());
  document.getElementById('todo-reset').addEventListener('click', () => {
    kept.reset();
    document.getElementById('days').value = '90';
    load();
  });
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
  month();
})();
