'use strict';
(async () => {
  const me = await App.start('projects');
  if (!me) return;
  const { el } = App;
  let page = 1;
  const size = 20;
  const stateSel = document.getElementById('f-state');
  App.STATES.forEach(([v, t]) => stateSel.append(el('option', { value: v, text: t })));
  const catSel = document.getElementById('f-category');
  ['BUSINESS_SYSTEM', 'RESOURCE_CATALOGUE', 'SECURITY_SYSTEM', 'STANDARDS_SUPPORT', 'NETWORK_DATA_CENTRE']
    .forEach(v => catSel.append(el('option', { value: v, text: App.zh(v) })));
  try {
    const units = await App.api('GET', '/api/units');
    const unitSel = document.getElementById('f-unit');
    units.items.filter(u => u.kind === 'IMPLEMENTING').forEach(u => unitSel.append(el('option', { value: u.code, text: u.nameZh })));
  } catch (e) { /* the unit filter stays empty */ }
  // the filters are kept per person in the browser and restored on return, unless the address names its own
  const kept = Finder.filters('projects', ['f-q', 'f-year', 'f-unit', 'f-state', 'f-category', 'f-overdue']);
  const named = ['q', 'year', 'state', 'unit', 'category', 'overdue'].some(k => App.param(k) !== null);
  if (!named) kept.restore();
  for (const [k, id] of [['q', 'f-q'], ['year', 'f-year'], ['state', 'f-state'], ['unit', 'f-unit'], ['category', 'f-category']]) {
    if (App.param(k)) document.getElementById(id).value = App.param(k);
  }
  if (App.param('overdue') === 'true') document.getElementById('f-overdue').checked = true;
  if (named) kept.save();

  async function load() {
    const box = document.getElementById('list');
    const q = new URLSearchParams({ page, size });
    const filter = new URLSearchParams();
    for (const [k, id] of [['year', 'f-year'], ['unit', 'f-unit'], ['state', 'f-state'], ['category', 'f-category'], ['q', 'f-q']]) {
      const v = document.getElementById(id).value.trim();
      if (v) { q.set(k, v); filter.set(k, v); }
    }
    // the export holds exactly the rows the filter finds (the overdue ones: the overdue deadlines of those projects)
    const overdue = document.getElementById('f-overdue').checked;
    const given = filter.toString() ? '?' + filter : '';
    document.getElementById('export').href = (overdue ? '/api/exports/overdue.xlsx' : '/api/exports/projects.xlsx') + given;
    document.getElementById('export').textContent = overdue ? '导出逾期清单（Excel）' : '导出Excel';
    document.getElementById('export').dataset.operation = overdue ? '逾期清单（Excel）' : '项目列表（Excel）';
    try {
      if (overdue) {
        // the server applies the list's filter to the overdue deadlines, as the export does
        const data = await App.api('GET', '/api/overdue' + given);
        const byProject = new Map();
        data.items.forEach(i => { if (!byProject.has(i.projectId)) byProject.set(i.projectId, Object.assign({ count: 0 }, i)); byProject.get(i.projectId).count++; });
        const rows = [...byProject.values()];
        box.replaceChildren(App.table(['项目', '单位', '状态', '逾期期限数#', '最早到期'], rows.map(p => [App.projectLink(p.projectId, p.projectName), App.unit(p.unit), p.stateZh, p.count, p.due]), 'project-table'));
        document.getElementById('page-info').textContent = '共 ' + rows.length + ' 个项目有逾期期限（' + data.items.length + ' 项）';
        document.getElementById('prev').disabled = true;
        document.getElementById('next').disabled = true;
        return;
      }
      const data = await App.api('GET', '/api/projects?' + q);
      box.replaceChildren(App.table(['项目名称', '单位', '计划年度', '类别', '性质', '总投资#', '状态'], data.items.map(p => [
        el('span', {}, App.projectLink(p.id, p.name), p.classified ? el('span', {}, ' ', App.badge('classified', '涉密')) : null),
        App.unit(p.unit), p.planYear, p.categoryZh, p.natureZh, App.yuan(p.totalInvestment), p.stateZh]), 'project-table'));
      const pages = Math.max(1, Math.ceil(data.total / size));
      document.getElementById('page-info').textContent = '第 ' + page + ' / ' + pages + ' 页，共 ' + data.total + ' 个项目';
      document.getElementById('prev').disabled = page <= 1;
      document.getElementById('next').disabled = page >= pages;
    } catch (e) {
      box.replaceChildren(el('div', { class: 'refusal', role: 'alert' }));
      App.showError(box.firstChild, e);
    }
  }
  document.getElementById('filters').addEventListener('submit', e => { e.preventDefault(); page = 1; kept.save(); load(); });
  document.getElementById('reset').addEventListener('click', () => {
    kept.reset();
    if (location.search) history.replaceState(null, '', location.pathname);
    page = 1;
    load();
  });
  document.getElementById('prev').addEventListener('click', () => { page--; load(); });
  document.getElementById('next').addEventListener('click', () => { page++; load(); });
  load();
  if (me.role === 'UNIT_STAFF' || me.role === 'UNIT_LEADER') {
    document.getElementById('new-draft').classList.remove('hidden');
    ProfileForm.render(document.getElementById('draft-form'), null, async (profile, box) => {
      const created = await App.api('POST', '/api/projects', profile);
      location.href = 'project.html?id=' + created.id;
    }, '保存草稿');
  }
})();
