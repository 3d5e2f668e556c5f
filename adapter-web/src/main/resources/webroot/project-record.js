'use strict';
/*
 * A project's record (项目档案), to print on A4 or download as PDF: the declaration, the performance goals, every step
 * of its life (who by name and unit, when, under which article), the deadlines (missed ones marked) and the documents
 * with their SM3 digests. Read from the project's page API, so a classified project shows only inside its 知悉范围.
 */
(async () => {
  const me = await App.start('project-record');
  if (!me) return;
  const { el } = App;
  const id = App.param('id');
  const root = document.getElementById('record');
  const dash = v => v === null || v === undefined || v === '' ? '—' : v;

  function facts(p) {
    const f = p.profile;
    const dl = el('dl', { class: 'facts', id: 'record-facts' });
    const add = (k, v) => dl.append(el('dt', { text: k }), el('dd', {}, dash(v)));
    add('项目名称', f.name);
    add('项目编号', p.id);
    add('实施单位', App.unitFull(p.unit));
    add('计划年度', f.planYear);
    add('项目类别', f.categoryZh);
    add('建设性质', f.natureZh);
    add('资金来源', f.fundingZh);
    add('涉密项目', f.classified ? '是' : '否');
    add('使用密码技术', f.usesCryptography ? '是' : '否');
    add('含软件开发', f.softwareDevelopment ? '是' : '否');
    add('总投资', App.yuan(f.totalInvestment));
    add('当前状态', p.stateZh);
    add('创建日期', p.createdOn);
    add('申报日期', p.declaredOn || '尚未申报');
    add('建设内容', f.scopeItems.join('；'));
    const person = x => x ? [x.name, x.mobile && '手机 ' + x.mobile, x.email && '邮箱 ' + x.email].filter(Boolean).join('，') : '—';
    if (f.people) { add('分管领导', person(f.people.leader)); add('项目负责人', person(f.people.responsible)); }
    return dl;
  }

  function section(n, title, ...content) {
    return el('section', { class: 'record-section' }, el('h2', { text: n + '、' + title }), ...content);
  }

  function render(p) {
    const f = p.profile;
    document.title = '项目档案 · ' + f.name;
    document.querySelector('h1').textContent = (p.policy && p.policy.recordTitleZh) || '电子政务项目档案';
    Finder.trail([['projects.html', '项目列表'], ['project.html?id=' + encodeURIComponent(id), f.name], [null, '项目档案']]);
    const numbers = ['一', '二', '三', '四', '五'];
    let n = 0;
    const goals = p.performance.goals;
    const missed = d => d.status === 'OVERDUE' || d.status === 'MET_LATE';
    root.replaceChildren(
      // repeated at the top of every printed page
      el('div', { class: 'print-head', id: 'print-head', 'aria-hidden': 'true' },
        el('span', { text: '项目档案：' + f.name + (f.classified ? '（涉密）' : '') }), el('span', { text: '项目编号 ' + p.id })),
      el('div', { class: 'record-tools no-print' },
        el('button', { type: 'button', id: 'print', text: '打印', onclick: () => window.print() }), ' ',
        el('a', { class: 'button secondary', id: 'record-pdf', href: '/api/projects/' + encodeURIComponent(id) + '/record.pdf', text: '下载PDF' }), ' ',
        el('a', { class: 'button secondary', href: 'project.html?id=' + encodeURIComponent(id), text: '返回项目' })),
      el('p', { class: 'record-name', id: 'record-name', text: f.name }),
      el('p', { class: 'muted record-basis', text: '依据《' + App.measures(p.policy) + '》' + (f.classified ? '　涉密项目：仅限知悉范围内人员阅知（' + App.article('CLASSIFIED', p.policy) + '）' : '') }),
      section(numbers[n++], '项目申报', facts(p), el('h3', { text: '预算明细' }),
        App.table(['序号', '事项', '金额（元）#', '采购类别', '监理'], f.budgetLines.map((b, i) => [i + 1, b.item, b.amount, dash(b.kindZh), b.supervision ? '是' : '否']), 'record-budget')),
      goals.length ? section(numbers[n++], '绩效目标（' + App.article('SELF_INSPECTION ACCEPTANCE', p.policy) + '）', App.table(['指标', '类别', '目标值', '自查（实际值、达成）', '验收评价'], goals.map(g => [
        g.indicator, dash(g.kindZh), g.hasTarget ? g.targetZh : '—',
        g.achievement ? (g.achievement.actual ? g.achievement.actual + '，' : '') + g.achievement.attainmentZh : '—',
        g.assessment ? g.assessment.attainmentZh + (g.assessment.opinion ? '：' + g.assessment.opinion : '') : '—']), 'record-goals')) : null,
      section(numbers[n++], '办理记录（谁、何时、依据哪一条）', App.table(['时间', '办理人（单位）', '事项', '依据', '状态变化', '说明'], p.timeline.map(t => [
        App.when(t.at), App.person(t.actorName, t.userId, t.unit), t.actionZh || t.action, dash(t.article),
        t.toStateZh ? (t.fromStateZh ? t.fromStateZh + ' → ' : '') + t.toStateZh : '—', dash(t.summary)]), 'record-timeline')),
      section(numbers[n++], '期限（到期日、办结日；逾期的标出）', App.table(['事项', '依据', '起算日', '到期日', '办结日', '情况'], p.deadlines.map(d => [
        d.kindZh + (d.ref ? '（' + d.ref + '）' : ''), d.article, d.start, d.due + (d.provisional ? '（暂定）' : ''), dash(d.metOn),
        el('span', { class: missed(d) ? 'missed' : null }, (missed(d) ? '【逾期】' : '') + d.statusZh + (d.waivedReason ? '：' + d.waivedReason : ''))]), 'record-deadlines')),
      section(numbers[n++], '文档（SM3摘要，GB/T 32905）', App.table(['文件名', '类别', '大小（字节）#', '上传人', '上传时间', 'SM3摘要'], p.documents.map(d => [
        d.fileName, d.kind, d.size, d.uploadedByName || d.uploadedBy, App.when(d.uploadedAt), el('code', { class: 'digest', text: dash(d.sm3) })]), 'record-documents')),
      el('p', { class: 'muted record-end', text: '本档案由系统根据项目数据和办理记录生成。阅览人：' + me.name + '（' + App.unit(me.unit) + '）；'
        + App.now().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) + '。联系方式已脱敏。' }));
  }

  try {
    if (!id) throw new Error('缺少项目编号');
    render(await App.api('GET', '/api/projects/' + encodeURIComponent(id)));
  } catch (e) {
    root.replaceChildren(el('div', { class: 'refusal', role: 'alert', id: 'record-error' }));
    App.showError(root.firstChild, e);
  }
})();
