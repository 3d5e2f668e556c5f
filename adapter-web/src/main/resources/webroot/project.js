'use strict';
(async () => {
  const me = await App.start('project');
  if (!me) return;
  const { el } = App;
  const id = App.param('id');
  const root = document.getElementById('project');
  let catalog = null;

  function facts(p) {
    const f = p.profile;
    const dl = el('dl', { class: 'facts', id: 'facts' });
    const add = (k, v) => dl.append(el('dt', { text: k }), el('dd', {}, v === null || v === undefined || v === '' ? '—' : v));
    add('状态', el('strong', { id: 'state', text: p.stateZh }));
    add('实施单位', p.unit);
    add('计划年度', f.planYear);
    add('类别 / 性质', f.categoryZh + ' / ' + f.natureZh);
    add('资金来源', f.fundingZh);
    add('总投资', App.yuan(f.totalInvestment));
    add('涉密', f.classified ? App.badge('classified', '涉密项目') : '否');
    add('建设内容', f.scopeItems.join('；'));
    add('绩效目标', f.performanceGoals.map(g => g.indicator + '（' + (g.kindZh || '未注明类别') + '，目标值' + g.targetZh + '）').join('；'));
    if (f.people) add('分管领导 / 责任人', [f.people.leader && f.people.leader.name, f.people.responsible && f.people.responsible.name].filter(Boolean).join(' / '));
    add('申报日期', p.declaredOn);
    if (p.plan) add('列入计划', p.plan.on + '（' + (p.plan.reference || '') + (p.plan.addition ? '，追加' : '') + '）');
    if (p.contracts.length) add('合同', p.contracts.map(c => c.number + ' ' + App.yuan(c.amount) + ' 签订 ' + c.signedOn + (c.filedOn ? ' 报送 ' + c.filedOn : ' 未报送')).join('；'));
    add('试运行', p.trialStartOn);
    add('投入使用', p.operatingFrom);
    add('版本', p.version);
    return dl;
  }

  function deadlines(p) {
    return App.table(['期限事项', '依据', '起算', '到期日', '状态', '完成日'], p.deadlines.map(d => [
      d.kindZh + (d.ref ? '（' + d.ref + '）' : ''), d.article, d.start,
      el('span', {}, d.due, d.provisional ? el('span', { class: 'muted', text: '（暂定）' }) : null),
      App.badge(d.status, d.statusZh), d.metOn || (d.waivedReason ? '豁免：' + d.waivedReason : null)]), 'deadline-table');
  }

  /* The goal-by-goal rows of a self-inspection (Art. 23) or of the acceptance experts' view (Art. 24). */
  function goalRows(field, p) {
    const achievements = field.type === 'goalAchievements';
    const wrap = el('div', { id: 'f-' + field.name, 'data-composite': field.type, class: 'goal-rows' });
    const goals = p.profile.performanceGoals;
    if (!goals.length) wrap.append(el('p', { class: 'muted', text: '本项目未设定绩效目标。' }));
    goals.forEach((g, i) => {
      const attainment = el('select', { 'data-goal': i, 'data-part': 'attainment', 'aria-label': g.indicator + '：达成情况' });
      if (!achievements) attainment.append(el('option', { value: '', text: '（不评价）' }));
      field.options.forEach(o => attainment.append(el('option', { value: o, text: ATTAINMENT[o] || o })));
      const note = el('input', { type: 'text', 'data-goal': i, 'data-part': achievements ? 'explanation' : 'opinion',
        'aria-label': g.indicator + (achievements ? '：未完全达成的原因' : '：专家意见'), placeholder: achievements ? '未完全达成时说明原因' : '专家意见（选填）' });
      const row = el('div', { class: 'row goal-row' }, el('div', {}, el('strong', { text: g.indicator }),
        el('div', { class: 'muted', text: (g.kindZh || '未注明类别') + '，目标值' + g.targetZh })));
      if (achievements) row.append(el('div', {}, el('input', { type: 'text', 'data-goal': i, 'data-part': 'actual', 'aria-label': g.indicator + '：实际完成值', placeholder: '实际完成值' })));
      row.append(el('div', {}, attainment), el('div', {}, note));
      wrap.append(row);
    });
    return wrap;
  }
  const ATTAINMENT = { MET: '达成', PARTLY_MET: '部分达成', NOT_MET: '未达成' };

  function goalValues(field, form, p) {
    const wrap = form.querySelector('[data-composite="' + field.type + '"]');
    const items = [];
    p.profile.performanceGoals.forEach((g, i) => {
      const part = name => { const x = wrap.querySelector('[data-goal="' + i + '"][data-part="' + name + '"]'); return x ? x.value.trim() : ''; };
      const attainment = part('attainment');
      if (!attainment) return;
      const item = { indicator: g.indicator, attainment };
      for (const name of ['actual', 'explanation', 'opinion']) { if (part(name)) item[name] = part(name); }
      items.push(item);
    });
    return items;
  }

  /* The performance goals with what the unit reported and the experts judged (Art. 23, 24). */
  function goalsTable(p) {
    const perf = p.performance;
    return App.table(['指标名称', '指标类别', '目标值', '实际完成值', '自查达成情况', '说明', '验收专家意见'], perf.goals.map(g => [
      g.indicator, g.kindZh, g.targetZh, g.achievement ? g.achievement.actual : null,
      g.achievement ? App.badge(g.achievement.attainment, g.achievement.attainmentZh) : null,
      g.achievement ? g.achievement.explanation : null,
      g.assessment ? g.assessment.attainmentZh + (g.assessment.opinion ? '：' + g.assessment.opinion : '') : null]), 'goal-table');
  }

  function input(field, p) {
    if (field.type === 'goalAchievements' || field.type === 'goalAssessments') return goalRows(field, p);
    const fid = 'f-' + field.name;
    const attrs = { id: fid, name: field.name, required: field.required, 'aria-required': field.required ? 'true' : null };
    switch (field.type) {
      case 'textarea': case 'list': return el('textarea', attrs);
      case 'date': return el('input', Object.assign({ type: 'date' }, attrs));
      case 'int': return el('input', Object.assign({ type: 'number' }, attrs));
      case 'money': return el('input', Object.assign({ type: 'text', inputmode: 'decimal', placeholder: '元' }, attrs));
      case 'bool': { const s = el('select', attrs); s.append(el('option', { value: 'true', text: '是' }), el('option', { value: 'false', text: '否' })); return s; }
      case 'enum': { const s = el('select', attrs); field.options.forEach(o => s.append(el('option', { value: o, text: App.zh(o) }))); return s; }
      case 'deadline': { const s = el('select', attrs); p.deadlines.filter(d => d.status === 'PENDING' || d.status === 'OVERDUE').forEach(d => s.append(el('option', { value: d.id, text: d.kindZh + '（到期 ' + d.due + '）' }))); return s; }
      case 'change': { const s = el('select', attrs); p.changes.filter(c => c.status === 'PENDING').forEach(c => s.append(el('option', { value: c.id, text: c.description }))); return s; }
      case 'contract': { const s = el('select', attrs); p.contracts.filter(c => !c.filedOn).forEach(c => s.append(el('option', { value: c.number, text: c.number }))); return s; }
      default: return el('input', Object.assign({ type: 'text' }, attrs));
    }
  }

  function value(field, form) {
    const raw = form.querySelector('[name="' + field.name + '"]').value;
    switch (field.type) {
      case 'bool': return raw === 'true';
      case 'int': return raw === '' ? null : parseInt(raw, 10);
      case 'list': return raw.split('\n').map(s => s.trim()).filter(Boolean);
      default: return raw.trim() === '' ? null : raw.trim();
    }
  }

  function actionForm(a, p) {
    const spec = catalog.get(a.action);
    const details = el('details', { class: 'action', id: 'action-' + a.action });
    details.append(el('summary', {}, a.labelZh + '（' + a.article + '）'));
    const form = el('form', { 'data-action': a.action, novalidate: true });
    const error = el('div', { class: 'refusal', role: 'alert', 'aria-live': 'assertive', id: 'refusal-' + a.action });
    if (a.action === 'EDIT_DRAFT') {
      ProfileForm.render(form, p.profile, async (profile) => {
        await App.api('POST', '/api/projects/' + id + '/actions/EDIT_DRAFT', { profile, expectedVersion: p.version });
        location.reload();
      }, '保存修改');
      details.append(form);
      return details;
    }
    const fields = spec ? spec.fields : [];
    fields.forEach(f => form.append(el('label', { for: 'f-' + f.name }, f.labelZh + (f.required ? '' : '（选填）')), input(f, p)));
    if (a.action === 'RECORD_ACCEPTANCE') {
      const docs = form.querySelector('[name="documents"]');
      if (docs) docs.placeholder = '如：验收申请、项目建设总结报告、测评报告、用户使用报告、监理报告、资料清单';
    }
    form.append(el('p', {}, el('button', { type: 'submit', id: 'submit-' + a.action, text: '提交：' + a.labelZh })), error);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.replaceChildren();
      const body = { expectedVersion: p.version };
      fields.forEach(f => {
        const v = f.type === 'goalAchievements' || f.type === 'goalAssessments' ? goalValues(f, form, p) : value(f, form);
        if (v !== null) body[f.name] = v;
      });
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        await App.api('POST', '/api/projects/' + id + '/actions/' + a.action, body);
        sessionStorage.setItem('egov.flash', '已办理：' + a.labelZh);
        location.reload();
      } catch (e) {
        App.showError(error, e);
        button.disabled = false;
      }
    });
    details.append(form);
    return details;
  }

  function timeline(p) {
    const ol = el('ol', { class: 'timeline', id: 'timeline' });
    p.timeline.forEach(t => ol.append(el('li', {},
      el('span', { class: 'when', text: App.when(t.at) }),
      el('strong', { text: t.actionZh || t.action }),
      t.article ? ' ' + t.article : '',
      t.fromStateZh || t.toStateZh ? el('span', { class: 'muted', text: '  ' + (t.fromStateZh || '—') + ' → ' + (t.toStateZh || '—') }) : '',
      el('div', {}, (t.roleZh || '') + ' ' + (t.userId || '') + (t.summary ? '：' + t.summary : '')))));
    if (!p.timeline.length) ol.append(el('li', { class: 'muted', text: '暂无记录' }));
    return ol;
  }

  function documents(p) {
    const wrap = el('div', { id: 'documents' });
    wrap.append(App.table(['文档类型', '文件名', '大小#', '上传人', '上传时间', ''], p.documents.map(d => [
      d.kind, d.fileName, Math.ceil(d.size / 1024) + ' KB', d.uploadedBy, App.when(d.uploadedAt),
      el('a', { href: '/api/projects/' + id + '/documents/' + d.id, text: '下载' })]), 'document-table'));
    if (p.actions.some(a => a.action === 'ATTACH_DOCUMENT')) {
      const form = el('form', { id: 'upload-form', class: 'row' },
        el('div', {}, el('label', { for: 'doc-kind', text: '文档类型' }), el('input', { type: 'text', id: 'doc-kind', placeholder: '如：项目合同、实施方案、验收报告', required: true })),
        el('div', {}, el('label', { for: 'doc-file', text: '文件' }), el('input', { type: 'file', id: 'doc-file', required: true })),
        el('div', {}, el('button', { type: 'submit', id: 'upload', text: '上传' })));
      const box = el('div', { class: 'refusal', role: 'alert', id: 'upload-error' });
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        box.replaceChildren();
        const file = form.querySelector('#doc-file').files[0];
        if (!file) { box.textContent = '请选择要上传的文件'; return; }
        const data = new FormData();
        data.append('kind', form.querySelector('#doc-kind').value);
        data.append('file', file, file.name);
        try { await App.api('POST', '/api/projects/' + id + '/documents', data); location.reload(); } catch (e) { App.showError(box, e); }
      });
      wrap.append(form, box);
    }
    return wrap;
  }

  /** The people named to the project; who may, names or removes them here (RULES §1, Art. 8, 24, 27). */
  function assignments(a) {
    const wrap = el('section', { id: 'assignments', class: 'card' });
    wrap.append(el('p', { class: 'muted', text: a.classified
      ? '第二十七条：涉密项目仅限本单位、保密部门和保密部门指定的市大数据管理局经办人员查看。'
      : '第八条、第二十四条：评审、验收专家经指定后可查看本项目。' }));
    const box = el('div', { class: 'refusal', role: 'alert', 'aria-live': 'assertive', id: 'assignment-error' });
    const path = (userId) => '/api/projects/' + encodeURIComponent(id) + '/assignments/' + encodeURIComponent(userId);
    async function change(method, userId, done) {
      box.replaceChildren();
      try {
        await App.api(method, path(userId));
        sessionStorage.setItem('egov.flash', done);
        location.reload();
      } catch (e) { App.showError(box, e); }
    }
    wrap.append(App.table(['姓名', '角色', '单位', ''], a.assigned.map(x => [x.displayName + '（' + x.username + '）', x.roleZh, x.unit,
      a.mayManage ? el('button', { type: 'button', class: 'secondary', id: 'unassign-' + x.username, text: '取消指定',
        onclick: () => change('DELETE', x.userId, '已取消指定：' + x.displayName) }) : null]), 'assignment-table'));
    if (a.mayManage) {
      const select = el('select', { id: 'assign-who', name: 'userId', required: true });
      a.candidates.forEach(c => select.append(el('option', { value: c.userId, text: c.displayName + '（' + c.username + '，' + c.roleZh + '）' })));
      const form = el('form', { id: 'assign-form', class: 'row' },
        el('div', {}, el('label', { for: 'assign-who', text: a.classified ? '指定市大数据管理局经办人员' : '指定评审专家' }), select),
        el('div', {}, el('button', { type: 'submit', id: 'assign', text: '指定', disabled: !a.candidates.length })));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const chosen = select.options[select.selectedIndex];
        if (chosen) change('PUT', chosen.value, '已指定：' + chosen.textContent);
      });
      wrap.append(form);
      if (!a.candidates.length) wrap.append(el('p', { class: 'muted', text: '没有可指定的启用账号。' }));
    }
    wrap.append(box);
    return wrap;
  }

  try {
    const [p, cat, named] = await Promise.all([App.api('GET', '/api/projects/' + encodeURIComponent(id)), App.api('GET', '/api/actions'),
      App.api('GET', '/api/projects/' + encodeURIComponent(id) + '/assignments')]);
    catalog = new Map(cat.actions.map(a => [a.action, a]));
    document.title = p.profile.name + ' · 项目详情';
    document.querySelector('h1').textContent = p.profile.name;
    const flash = sessionStorage.getItem('egov.flash');
    sessionStorage.removeItem('egov.flash');
    const forms = p.actions.filter(a => a.action !== 'ATTACH_DOCUMENT');
    root.replaceChildren(
      flash ? el('div', { class: 'alert ok', role: 'status', id: 'flash', text: flash }) : '',
      el('section', { class: 'card' }, facts(p)),
      p.flags.length ? el('div', { class: 'alert error', id: 'flags' }, p.flags.map(f => el('div', {}, el('strong', { text: '【' + f.article + '】' }), f.message))) : '',
      el('h2', { text: '可办理的操作' }),
      el('section', { id: 'actions' }, forms.length ? forms.map(a => actionForm(a, p)) : el('p', { class: 'muted', text: '当前没有您可办理的操作。' })),
      ...(p.performance.goals.length ? [el('h2', { text: '绩效目标达成情况（第二十三条、第二十四条）' }), goalsTable(p)] : []),
      el('h2', { text: '法定期限' }), deadlines(p),
      el('h2', { text: '生命周期时间线' }), el('section', { class: 'card' }, timeline(p)),
      el('h2', { text: '项目文档' }), documents(p),
      ...(named.mayManage || named.assigned.length ? [el('h2', { text: '指定人员' }), assignments(named)] : []));
    if (location.hash) { const target = document.querySelector(location.hash); if (target && target.tagName === 'DETAILS') { target.open = true; target.scrollIntoView(); } }
  } catch (e) {
    root.replaceChildren(el('div', { class: 'refusal', role: 'alert' }));
    App.showError(root.firstChild, e);
  }
})();
