'use strict';
/* Shared by the Bureau's, Finance's and Audit's pages: the compliance table, the overdue list and work queues. */
const Oversight = (() => {
  const { el } = App;
  async function compliance(box) {
    try {
      const data = await App.api('GET', '/api/compliance');
      box.replaceChildren(App.table(['单位', '项目数#', '已到期期限#', '按期完成#', '逾期完成#', '逾期未办#', '按期率#', '第十七条标记#'],
        data.items.map(u => [u.unit, u.projects, u.fallenDue, u.metOnTime, u.metLate,
          u.overdue ? App.badge('overdue', String(u.overdue)) : '0', (u.onTimeShare * 100).toFixed(1) + '%',
          u.art17Flagged ? App.badge('overdue', String(u.art17Flagged)) : '0']), 'compliance-table'));
    } catch (e) { box.replaceChildren(el('div', { class: 'refusal' })); App.showError(box.firstChild, e); }
  }
  async function overdue(box) {
    try {
      const data = await App.api('GET', '/api/overdue');
      box.replaceChildren(App.table(['项目', '单位', '期限事项', '依据', '到期日', '状态'], data.items.map(i => [
        App.projectLink(i.projectId, i.projectName), i.unit, i.kindZh, i.article, i.due, App.badge('OVERDUE', '已逾期')]), 'overdue-table'));
    } catch (e) { box.replaceChildren(el('div', { class: 'refusal' })); App.showError(box.firstChild, e); }
  }
  async function queue(box, title, state) {
    try {
      const data = await App.api('GET', '/api/projects?size=200&state=' + state);
      box.append(el('h3', {}, title + '（' + data.total + '）'),
        App.table(['项目', '单位', '计划年度', '总投资#'], data.items.map(p => [App.projectLink(p.id, p.name), p.unit, p.planYear, App.yuan(p.totalInvestment)]), 'queue-' + state));
    } catch (e) { box.append(el('div', { class: 'refusal', text: e.message })); }
  }
  function planExport(link) {
    const year = App.year();
    link.href = '/api/exports/annual-plan.xlsx?year=' + year;
    link.textContent = '导出' + year + '年度实施计划（Excel）';
  }
  return { compliance, overdue, queue, planExport };
})();
