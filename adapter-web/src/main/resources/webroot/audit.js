'use strict';
(async () => {
  const me = await App.start('audit', ['AUDIT', 'BDB_OFFICER']);
  if (!me) return;
  const { el } = App;
  let page = 1;
  const size = 50;
  const actionSel = document.getElementById('a-action');
  const cat = await App.api('GET', '/api/actions');
  [['SIGN_IN', '登录'], ['CALENDAR_TOKEN', '日历订阅令牌']].concat(cat.actions.map(a => [a.action, a.labelZh]))
    .forEach(([v, t]) => actionSel.append(el('option', { value: v, text: t })));
  // the filters are kept per person in the browser and restored on return, unless the address names a project
  const kept = Finder.filters('audit', ['a-user', 'a-action', 'a-project', 'a-from', 'a-to']);
  if (App.param('project')) { document.getElementById('a-project').value = App.param('project'); kept.save(); } else kept.restore();
  async function load() {
    const q = new URLSearchParams({ page, size });
    for (const [k, id] of [['user', 'a-user'], ['action', 'a-action'], ['project', 'a-project'], ['from', 'a-from'], ['to', 'a-to']]) {
      const v = document.getElementById(id).value.trim();
      if (v) q.set(k, v);
    }
    // the export holds exactly the records the filter finds
    const filter = new URLSearchParams(q);
    filter.delete('page'); filter.delete('size');
    document.getElementById('audit-export').href = '/api/exports/audit-records.xlsx' + (filter.toString() ? '?' + filter : '');
    const box = document.getElementById('audit-error');
    box.replaceChildren();
    try {
      const data = await App.api('GET', '/api/audit-records?' + q);
      document.getElementById('records').replaceChildren(App.table(['时间', '用户', '角色', '单位', '操作', '依据', '项目', '状态变化', '摘要', '请求编号'],
        data.items.map(r => [App.when(r.at), App.person(r.actorName, r.userId), r.roleZh, r.unitName || App.unit(r.unit), r.actionZh, r.article,
          r.projectId ? App.projectLink(r.projectId, App.shortNumber(r.projectId)) : '—',
          (r.fromStateZh || r.toStateZh) ? (r.fromStateZh || '—') + ' → ' + (r.toStateZh || '—') : '—', r.summary, r.requestId]), 'audit-table'));
      const pages = Math.max(1, Math.ceil(data.total / size));
      document.getElementById('page-info').textContent = '第 ' + page + ' / ' + pages + ' 页，共 ' + data.total + ' 条';
      document.getElementById('prev').disabled = page <= 1;
      document.getElementById('next').disabled = page >= pages;
    } catch (e) { App.showError(box, e); }
  }
  document.getElementById('audit-form').addEventListener('submit', e => { e.preventDefault(); page = 1; kept.save(); load(); });
  document.getElementById('audit-reset').addEventListener('click', () => {
    kept.reset();
    if (location.search) history.replaceState(null, '', location.pathname);
    page = 1;
    load();
  });
  document.getElementById('prev').addEventListener('click', () => { page--; load(); });
  document.getElementById('next').addEventListener('click', () => { page++; load(); });
  load();
  Oversight.compliance(document.getElementById('compliance'));
  Oversight.performance(document.getElementById('performance'), false);
})();
