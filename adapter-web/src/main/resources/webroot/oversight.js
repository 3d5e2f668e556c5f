'use strict';
/*
 * Shared by the Bureau's, Finance's and Audit's pages: the compliance table, the overdue list, work queues and the
 * yearly performance evaluation.
 */
const Oversight = (() => {
  const { el } = App;
  async function compliance(box) {
    try {
      const data = await App.api('GET', '/api/compliance');
      box.replaceChildren(App.table(['单位', '项目数#', '已到期期限#', '按期完成#', '逾期完成#', '逾期未办#', '按期率#', App.ruleArticle('ART17_NO_SUBSTANTIVE_START') + '标记#'],
        data.items.map(u => [App.unit(u.unit), u.projects, u.fallenDue, u.metOnTime, u.metLate,
          u.overdue ? App.badge('overdue', String(u.overdue)) : '0', (u.onTimeShare * 100).toFixed(1) + '%',
          u.art17Flagged ? App.badge('overdue', String(u.art17Flagged)) : '0']), 'compliance-table'));
    } catch (e) { box.replaceChildren(el('div', { class: 'refusal' })); App.showError(box.firstChild, e); }
  }
  async function overdue(box) {
    try {
      const data = await App.api('GET', '/api/overdue');
      box.replaceChildren(App.table(['项目', '单位', '期限事项', '依据', '到期日', '状态'], data.items.map(i => [
        App.projectLink(i.projectId, i.projectName), App.unit(i.unit), i.kindZh, i.article, i.due, App.badge('OVERDUE', '已逾期')]), 'overdue-table'));
    } catch (e) { box.replaceChildren(el('div', { class: 'refusal' })); App.showError(box.firstChild, e); }
  }
  async function queue(box, title, state) {
    try {
      const data = await App.api('GET', '/api/projects?size=200&state=' + state);
      box.append(el('h3', {}, title + '（' + data.total + '）'),
        App.table(['项目', '单位', '计划年度', '总投资#'], data.items.map(p => [App.projectLink(p.id, p.name), App.unit(p.unit), p.planYear, App.yuan(p.totalInvestment)]), 'queue-' + state),
        // the queue's projects as the project list exports them, with the same state
        el('p', {}, el('a', { class: 'button secondary', id: 'export-queue-' + state, href: '/api/exports/projects.xlsx?state=' + encodeURIComponent(state),
          'data-operation': title + '（Excel）', text: '导出' + title + '（Excel）' })));
    } catch (e) { box.append(el('div', { class: 'refusal', text: e.message })); }
  }
  function planExport(link) {
    const year = App.year();
    link.href = '/api/exports/annual-plan.xlsx?year=' + year;
    link.textContent = '导出' + year + '年度实施计划（Excel）';
  }
  /*
   * The yearly performance evaluation (绩效考核, Art. 4): units and projects of a plan year with their scores, the
   * suggested and the recorded grades. The Bureau records grades and comments here (editable); Finance and Audit read.
   */
  function performance(box, editable) {
    const yearInput = el('input', { type: 'number', id: 'perf-year', value: App.year(), 'aria-label': '考核年度' });
    const exportLink = el('a', { class: 'button secondary', id: 'export-performance', href: '#' });
    const error = el('div', { class: 'refusal', role: 'alert', id: 'performance-error' });
    const method = el('details', { id: 'performance-method' }, el('summary', { text: '计分方法' }), el('p', { class: 'muted' }));
    const units = el('div', { id: 'performance-units' });
    const projects = el('div', { id: 'performance-projects' });
    const pct = v => v === null || v === undefined ? '—' : v.toFixed(1);
    const graded = g => g ? App.badge('grade', g.gradeZh) : el('span', { class: 'muted', text: '未评定' });
    function gradeForm(path, row, grades, idPrefix) {
      const select = el('select', { id: idPrefix + '-grade', 'aria-label': '评定等级' });
      grades.forEach(g => select.append(el('option', { value: g.grade, text: g.gradeZh })));
      select.value = row.grade ? row.grade.grade : (row.suggestedGrade || 'GOOD');
      const comment = el('input', { type: 'text', id: idPrefix + '-comment', 'aria-label': '考核意见', value: row.grade && row.grade.comment ? row.grade.comment : '' });
      const save = el('button', { type: 'button', class: 'secondary', id: idPrefix + '-save', text: '保存评定' });
      save.addEventListener('click', async () => {
        error.replaceChildren();
        save.disabled = true;
        try {
          await App.api('PUT', '/api/performance/' + encodeURIComponent(yearInput.value) + '/' + path, { grade: select.value, comment: comment.value.trim() || null });
          await load();
        } catch (e) { App.showError(error, e); save.disabled = false; }
      });
      return el('span', { class: 'grade-form' }, select, comment, save);
    }
    async function load() {
      const year = yearInput.value;
      exportLink.href = '/api/exports/performance.xlsx?year=' + encodeURIComponent(year);
      exportLink.textContent = '导出' + year + '年度绩效考核（Excel）';
      try {
        const data = await App.api('GET', '/api/performance?year=' + encodeURIComponent(year));
        method.querySelector('p').textContent = data.methodZh;
        const uh = ['单位', '纳入考核项目#', '已计分项目#', '项目平均分#', '期限合规率#', '单位得分#', '建议等级', '评定等级', '考核意见'];
        units.replaceChildren(App.table(editable ? uh.concat(['评定']) : uh, data.units.map(u => [App.unit(u.unit), u.projects, u.scoredProjects,
          pct(u.projectAverage), pct(u.complianceScore) + '%', pct(u.score), u.suggestedGradeZh, graded(u.grade), u.grade ? u.grade.comment : null]
          .concat(editable ? [gradeForm('units/' + encodeURIComponent(u.unit), u, data.grades, 'grade-unit-' + u.unit)] : [])), 'performance-unit-table'));
        const ph = ['项目', '单位', '状态', '绩效目标#', '达成#', '部分达成#', '未达成#', '计分依据', '项目得分#', '建议等级', '评定等级', '考核意见'];
        projects.replaceChildren(App.table(editable ? ph.concat(['评定']) : ph, data.projects.map(p => [App.projectLink(p.id, p.name), App.unit(p.unit), p.stateZh,
          p.goals, p.met, p.partlyMet, p.notMet, p.basisZh, pct(p.score), p.suggestedGradeZh, graded(p.grade), p.grade ? p.grade.comment : null]
          .concat(editable ? [gradeForm('projects/' + encodeURIComponent(p.id), p, data.grades, 'grade-project-' + p.id)] : [])), 'performance-project-table'));
      } catch (e) { units.replaceChildren(); projects.replaceChildren(); App.showError(error, e); }
    }
    const load_ = el('button', { type: 'button', id: 'perf-load', text: '查询' });
    load_.addEventListener('click', () => { error.replaceChildren(); load(); });
    box.replaceChildren(el('div', { class: 'row' }, el('div', {}, el('label', { for: 'perf-year', text: '计划年度' }), yearInput), el('div', {}, load_)),
      method, el('h3', { text: '实施单位' }), units, el('h3', { text: '项目' }), projects, el('p', {}, exportLink), error);
    return load();
  }
  return { compliance, overdue, queue, planExport, performance };
})();
