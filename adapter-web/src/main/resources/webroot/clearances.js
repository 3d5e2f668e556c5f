'use strict';
/* 涉密资格: the security administrator grants and revokes clearances; the security auditor reads them (三员分立). */
(async () => {
  const me = await App.start('clearances', ['SECURITY_ADMIN', 'AUDIT_ADMIN']);
  if (!me) return;
  const { el } = App;
  const manages = me.role === 'SECURITY_ADMIN';
  const box = document.getElementById('clearance-result');
  let people = [];
  function shown() {
    const q = document.getElementById('c-search').value.trim().toLowerCase();
    const state = document.getElementById('c-state').value;
    return people.filter(p => (!q || p.displayName.toLowerCase().includes(q) || p.username.toLowerCase().includes(q))
      && (!state || (state === 'yes') === p.cleared));
  }
  function action(p) {
    if (!manages) return '—';
    if (p.cleared) {
      return el('button', { type: 'button', class: 'danger', id: 'revoke-' + p.username, text: '撤销资格',
        'aria-label': '撤销' + p.displayName + '的涉密资格',
        onclick: async () => {
          if (!confirm('撤销「' + p.displayName + '」的涉密资格？其所在的全部涉密项目知悉范围将一并移出。')) return;
          await change('DELETE', p, r => '已撤销' + p.displayName + '的涉密资格' + (r.scopesLeft ? '，并移出 ' + r.scopesLeft + ' 个涉密项目的知悉范围' : ''));
        } });
    }
    return el('button', { type: 'button', id: 'grant-' + p.username, text: '授予资格', disabled: !p.enabled,
      'aria-label': '授予' + p.displayName + '涉密资格',
      onclick: () => change('PUT', p, () => '已授予' + p.displayName + '涉密资格') });
  }
  async function change(method, p, said) {
    box.replaceChildren();
    try {
      const r = await App.api(method, '/api/clearances/' + encodeURIComponent(p.userId));
      await load();
      App.showOk(box, said(r));
    } catch (e) { App.showError(box, e); }
  }
  function render() {
    const f = new URLSearchParams();
    const q = document.getElementById('c-search').value.trim();
    const state = document.getElementById('c-state').value;
    if (q) f.set('q', q);
    if (state) f.set('state', state);
    document.getElementById('clearance-export').href = '/api/exports/clearances.xlsx' + (f.toString() ? '?' + f : '');
    const rows = shown();
    document.getElementById('clearance-count').textContent = '共 ' + rows.length + ' 人' + (rows.length < people.length ? '（全部 ' + people.length + ' 人）' : '');
    document.getElementById('clearances').replaceChildren(App.table(['姓名', '用户名', '角色', '单位', '账号状态', '涉密资格', '授予时间', '授予人', ''],
      rows.map(p => [p.displayName, p.username, p.roleZh, App.unitFull(p.unit), p.enabled ? '启用' : '已停用',
        p.cleared ? '已获资格' : '未获资格', p.grantedAt ? App.when(p.grantedAt) : '—', p.grantedBy || '—', action(p)]), 'clearance-table'));
  }
  async function load() {
    const data = await App.api('GET', '/api/clearances');
    people = data.items;
    render();
  }
  // the filters are kept per person in the browser and restored on return; the export applies them on the server
  const kept = Finder.filters('clearances', ['c-search', 'c-state']);
  kept.restore();
  document.getElementById('c-search').addEventListener('input', () => { kept.save(); render(); });
  document.getElementById('c-state').addEventListener('change', () => { kept.save(); render(); });
  document.getElementById('clearance-reset').addEventListener('click', () => { kept.reset(); render(); });
  document.getElementById('clearance-filter').addEventListener('submit', e => e.preventDefault());
  try { await load(); } catch (e) { App.showError(box, e); }
})();
