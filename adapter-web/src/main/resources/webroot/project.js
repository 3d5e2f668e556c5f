'use strict';
(async () => {
  const me = await App.start('project');
  if (!me) return;
  const { el } = App;
  const id = App.param('id');
  const root = document.getElementById('project');
  let catalog = null;
  /* the project's own pack (the one it was declared under): its articles are cited on this page */
  let pack = null;
  const art = (provisions) => App.article(provisions, pack);

  function facts(p) {
    const f = p.profile;
    const dl = el('dl', { class: 'facts', id: 'facts' });
    const add = (k, v) => dl.append(el('dt', { text: k }), el('dd', {}, v === null || v === undefined || v === '' ? '—' : v));
    add('状态', el('strong', { id: 'state', text: p.stateZh }));
    add('实施单位', App.unitFull(p.unit));
    add('计划年度', f.planYear);
    add('类别 / 性质', f.categoryZh + ' / ' + f.natureZh);
    add('资金来源', f.fundingZh);
    add('总投资', App.yuan(f.totalInvestment));
    add('涉密', f.classified ? App.badge('classified', '涉密项目') : '否');
    add('建设内容', f.scopeItems.join('；'));
    add('绩效目标', f.performanceGoals.map(g => g.indicator + '（' + (g.kindZh || '未注明类别') + '，目标值' + g.targetZh + '）').join('；'));
    if (f.people) add('分管领导 / 责任人', [f.people.leader && f.people.leader.name, f.people.responsible && f.people.responsible.name].filter(Boolean).join(' / '));
    if (f.people) add('联系方式', contacts(f.people));
    add('申报日期', p.declaredOn);
    if (p.plan) add('列入计划', p.plan.on + '（' + (p.plan.reference || '') + (p.plan.addition ? '，追加' : '') + '）');
    if (p.contracts.length) add('合同', p.contracts.map(c => c.number + ' ' + App.yuan(c.amount) + ' 签订 ' + c.signedOn + (c.filedOn ? ' 报送 ' + c.filedOn : ' 未报送')).join('；'));
    add('试运行', p.trialStartOn);
    add('投入使用', p.operatingFrom);
    add('版本', p.version);
    return dl;
  }

  /* The accountable people's contacts, masked (139****5678); the unit and the Bureau may ask for them in full (audited). */
  function contacts(people) {
    const line = (label, person) => person ? label + ' ' + person.name + ' ' + person.mobile + ' ' + person.email : null;
    const box = el('span', { id: 'contacts' }, [line('分管领导', people.leader), line('责任人', people.responsible)].filter(Boolean).join('；'));
    if (['UNIT_STAFF', 'UNIT_LEADER', 'BDB_OFFICER'].includes(me.role)) {
      box.append(' ', el('button', { type: 'button', class: 'secondary', id: 'reveal-contacts', text: '显示', title: '显示完整的联系方式（记入安全审计）',
        onclick: async (event) => {
          try {
            const full = await revealContacts();
            box.firstChild.textContent = [line('分管领导', full.leader), line('责任人', full.responsible)].filter(Boolean).join('；');
            event.target.disabled = true;
          } catch (e) { alert(e.message); }
        } }));
    }
    return box;
  }
  async function revealContacts() { return App.api('POST', '/api/projects/' + id + '/contacts/unmask', {}); }

  function deadlines(p) {
    return App.table(['期限事项', '依据', '起算', '到期日', '状态', '完成日'], p.deadlines.map(d => [
      d.kindZh + (d.ref ? '（' + d.ref + '）' : ''), d.article, d.start,
      el('span', {}, d.due, d.provisional ? el('span', { class: 'muted', text: '（暂定）' }) : null),
      App.badge(d.status, d.statusZh), d.metOn || (d.waivedReason ? '豁免：' + d.waivedReason : null)]), 'deadline-table');
  }

  /*
   * The statutory deadlines against the actual dates, as a strip per deadline (Gantt-style): the period from its start
   * to its due day, where it was met (on time or late), and today. Every row also says it in words, for those who do
   * not read the picture.
   */
  function deadlineStrip(p) {
    const day = iso => Date.parse(iso + 'T00:00:00Z') / 86400000;
    const rows = p.deadlines.filter(d => d.start && d.due);
    if (!rows.length) return el('p', { class: 'muted', id: 'deadline-strip', text: '暂无法定期限' });
    const today = p.today || App.today();
    const points = rows.flatMap(d => [d.start, d.due, d.metOn].filter(Boolean)).concat([today]).map(day);
    const from = Math.min(...points), to = Math.max(...points) + 1, span = Math.max(1, to - from);
    const at = iso => ((day(iso) - from) / span * 100);
    const place = (node, left, width) => { node.style.left = left + '%'; if (width !== undefined) node.style.width = Math.max(0.6, width) + '%'; return node; };
    const wrap = el('figure', { class: 'strip', id: 'deadline-strip', 'aria-labelledby': 'strip-caption' });
    wrap.append(el('figcaption', { id: 'strip-caption', class: 'muted',
      text: '期限时间条：浅色为法定期限（起算日至到期日），圆点为实际完成日，竖线为今天（' + today + '）。' }));
    rows.forEach(d => {
      const words = d.kindZh + '（' + d.article + '）：' + d.start + ' 起算，' + d.due + ' 到期' + (d.provisional ? '（暂定）' : '') + '，'
        + (d.metOn ? d.metOn + ' 完成' + (d.status === 'MET_LATE' ? '（逾期完成）' : '（按期）') : d.statusZh);
      const track = el('div', { class: 'strip-track', 'aria-hidden': 'true' },
        place(el('span', { class: 'strip-period ' + d.status }), at(d.start), at(d.due) + 100 / span - at(d.start)),
        place(el('span', { class: 'strip-today' }), at(today)));
      if (d.metOn) track.append(place(el('span', { class: 'strip-met ' + d.status }), at(d.metOn)));
      wrap.append(el('div', { class: 'strip-row', 'data-kind': d.kind, 'data-status': d.status },
        el('div', { class: 'strip-label', text: d.kindZh }), track, el('div', { class: 'strip-words', text: words })));
    });
    const axis = el('div', { class: 'strip-axis', 'aria-hidden': 'true' },
      el('span', { text: new Date(from * 86400000).toISOString().substring(0, 10) }),
      el('span', { text: new Date((to - 1) * 86400000).toISOString().substring(0, 10) }));
    wrap.append(axis);
    return wrap;
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
      // the contacts are shown masked: the form that edits them is filled with the full values when it is opened
      // (an audited unmasking), so that saving keeps them
      let filled = !(p.profile.people);
      details.addEventListener('toggle', async () => {
        if (!details.open || filled) return;
        filled = true;
        try {
          const full = await revealContacts();
          const set = (fid, v) => { const input = form.querySelector('#' + fid); if (input && v) input.value = v; };
          if (full.leader) { set('pf-leader-mobile', full.leader.mobile); set('pf-leader-email', full.leader.email); }
          if (full.responsible) { set('pf-resp-mobile', full.responsible.mobile); set('pf-resp-email', full.responsible.email); }
        } catch (e) { App.showError(form.querySelector('#pf-error'), e); }
      });
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
      el('div', {}, el('span', { class: 'who' }, App.person(t.actorName, t.userId, t.unit)), ' ' + (t.roleZh || '') + (t.summary ? '：' + t.summary : '')))));
    if (!p.timeline.length) ol.append(el('li', { class: 'muted', text: '暂无记录' }));
    return ol;
  }

  function documents(p) {
    const wrap = el('div', { id: 'documents' });
    wrap.append(App.table(['文档类型', '文件名', '大小#', '上传人', '上传时间', ''], p.documents.map(d => [
      d.kind, d.fileName, Math.ceil(d.size / 1024) + ' KB', d.uploadedByName || d.uploadedBy, App.when(d.uploadedAt),
      el('a', { href: '/api/projects/' + id + '/documents/' + d.id, text: '下载', 'data-verb': '下载', 'data-operation': '文档「' + d.fileName + '」' })]), 'document-table'));
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
        // a large file takes a while: the button disabled and the upload named in the status line while it runs
        try {
          await Finder.run('上传文档「' + file.name + '」', form.querySelector('#upload'), () => App.api('POST', '/api/projects/' + id + '/documents', data));
          location.reload();
        } catch (e) { App.showError(box, e); }
      });
      wrap.append(form, box);
    }
    return wrap;
  }

  /** Who names each stage's acceptance experts: whoever records the stage (the pack's recordedBy). */
  function acceptanceOrganisers() {
    const stages = (pack && pack.acceptanceStages) || [];
    if (stages.length > 1) return stages.map(s => s.nameZh + '专家由' + s.recordedByZh).join('、') + '在试运行后指定';
    return '验收专家由' + (stages.length ? stages[0].recordedByZh : '实施单位') + '在试运行后指定';
  }

  /** The people named to the project, and what for; who may, names or removes them here (RULES §1, Art. 8, 24, 27). */
  function assignments(a) {
    const wrap = el('section', { id: 'assignments', class: 'card' });
    wrap.append(el('p', { class: 'muted', text: a.classified
      ? art('CLASSIFIED') + '：涉密项目仅限本单位、保密部门和保密部门指定进入知悉范围的人员（市大数据管理局、市财政局、市委网信办、市审计局人员和专家）查看。'
      : art('REVIEW_AND_APPROVAL ACCEPTANCE') + '：评审专家由市大数据管理局从专家库抽取，评审结束前不向项目单位显示；' + acceptanceOrganisers()
        + '。专家经指定后可查看本项目。' }));
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
    wrap.append(App.table(['姓名', '角色', '单位', '指定用途', ''], a.assigned.map(x => [x.displayName + '（' + x.username + '）', x.roleZh, App.unit(x.unit),
      x.purposeZh, x.removable ? el('button', { type: 'button', class: 'secondary', id: 'unassign-' + x.username, text: '取消指定',
        onclick: () => change('DELETE', x.userId, '已取消指定：' + x.displayName) }) : null]), 'assignment-table'));
    if (a.mayManage) {
      const select = el('select', { id: 'assign-who', name: 'userId', required: true });
      a.candidates.forEach(c => select.append(el('option', { value: c.userId, text: c.displayName + '（' + c.username + '，' + c.roleZh + '）' })));
      const form = el('form', { id: 'assign-form', class: 'row' },
        el('div', {}, el('label', { for: 'assign-who', text: '指定' + (a.candidates.length ? a.candidates[0].purposeZh
          : a.classified ? '涉密项目知悉范围人员' : '专家') }), select),
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

  const KINDS = [['DATA', '数据资源'], ['APPLICATION', '应用系统'], ['INTERFACE', '接口服务'], ['INFRASTRUCTURE', '基础设施']];
  const SHARING = [['UNCONDITIONAL', '无条件共享'], ['CONDITIONAL', '有条件共享'], ['NOT_SHARED', '不予共享']];
  const OPENNESS = [['NOT_OPEN', '不予开放'], ['CONDITIONAL', '有条件开放'], ['OPEN', '无条件开放']];
  const VERDICTS = [['NO_DUPLICATION', '无重复'], ['PARTIAL_REUSE', '部分重复（可复用已有项目或资源）'], ['DUPLICATE', '重复建设（建议不予立项）']];
  const options = (list) => list.map(([v, t]) => el('option', { value: v, text: t }));
  /** GET that yields null instead of failing: the sections below are shown only to those who may read them. */
  const maybe = (path) => App.api('GET', path).catch(() => null);
  const base = '/api/projects/' + encodeURIComponent(id);

  /** The information-resource catalogue (资源目录, Art. 6, 23): listed for whoever sees the project; kept by its unit. */
  function resources(c) {
    const wrap = el('section', { id: 'resources', class: 'card' });
    wrap.append(el('p', { class: 'muted', text: art('SELF_INSPECTION') + '：实施单位应整理项目形成的信息资源目录（资源名称、类型、提供单位、共享类型、开放属性），项目验收前的自查报告须说明资源目录整理情况。' }));
    const box = el('div', { class: 'refusal', role: 'alert', 'aria-live': 'assertive', id: 'resource-error' });
    const form = el('form', { id: 'resource-form', novalidate: true });
    let editing = null;
    const field = (fid, label, input) => el('div', {}, el('label', { for: fid, text: label }), input);
    const name = el('input', { type: 'text', id: 'res-name', maxlength: 100, required: true });
    const kind = el('select', { id: 'res-kind' }, options(KINDS));
    const owner = el('input', { type: 'text', id: 'res-owner', maxlength: 100, required: true, placeholder: '如：市公安局' });
    const description = el('textarea', { id: 'res-description', maxlength: 1000 });
    const sharing = el('select', { id: 'res-sharing' }, options(SHARING));
    const condition = el('input', { type: 'text', id: 'res-condition', maxlength: 500, placeholder: '有条件共享写共享条件；不予共享写法律、法规或政策依据' });
    const openness = el('select', { id: 'res-openness' }, options(OPENNESS));
    const submit = el('button', { type: 'submit', id: 'resource-submit', text: '登记资源' });
    const cancel = el('button', { type: 'button', class: 'secondary', id: 'resource-cancel', text: '取消修改', hidden: true });
    function edit(entry) {
      editing = entry;
      name.value = entry ? entry.name : ''; kind.value = entry ? entry.kind : 'DATA';
      owner.value = entry ? entry.ownerUnit : ''; description.value = entry && entry.description ? entry.description : '';
      sharing.value = entry ? entry.sharing : 'UNCONDITIONAL'; condition.value = entry && entry.sharingCondition ? entry.sharingCondition : '';
      openness.value = entry ? entry.openness : 'NOT_OPEN';
      submit.textContent = entry ? '保存修改' : '登记资源';
      cancel.hidden = !entry;
      if (entry) name.focus();
    }
    async function change(method, path, bodyOrNull, done) {
      box.replaceChildren();
      try {
        await App.api(method, path, bodyOrNull);
        sessionStorage.setItem('egov.flash', done);
        location.hash = '#resources';
        location.reload();
      } catch (e) { App.showError(box, e); }
    }
    wrap.append(App.table(['资源名称', '类型', '提供单位', '共享类型', '开放属性', '说明', ''], c.items.map(r => [
      r.name, r.kindZh, r.ownerUnit, r.sharingZh + (r.sharingCondition ? '（' + r.sharingCondition + '）' : ''), r.opennessZh,
      r.description, c.editable ? el('span', {},
        el('button', { type: 'button', class: 'secondary', id: 'edit-resource-' + r.id, text: '修改', onclick: () => edit(r) }), ' ',
        el('button', { type: 'button', class: 'secondary', id: 'remove-resource-' + r.id, text: '删除',
          onclick: () => { if (confirm('删除资源「' + r.name + '」？')) change('DELETE', base + '/resources/' + encodeURIComponent(r.id) + '?expectedVersion=' + c.version, null, '已删除资源：' + r.name); } })) : null]),
      'resource-table'));
    if (c.editable) {
      form.append(el('div', { class: 'row' }, field('res-name', '资源名称', name), field('res-kind', '资源类型', kind), field('res-owner', '资源提供单位', owner)),
        field('res-description', '资源描述（选填）', description),
        el('div', { class: 'row' }, field('res-sharing', '共享类型', sharing), field('res-condition', '共享条件或不予共享的依据', condition), field('res-openness', '开放属性', openness)),
        el('p', {}, submit, ' ', cancel));
      cancel.addEventListener('click', () => edit(null));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const body = { name: name.value, kind: kind.value, ownerUnit: owner.value, description: description.value || null,
          sharing: sharing.value, sharingCondition: condition.value || null, openness: openness.value, expectedVersion: c.version };
        if (editing) change('PUT', base + '/resources/' + encodeURIComponent(editing.id), body, '已修改资源：' + name.value);
        else change('POST', base + '/resources', body, '已登记资源：' + name.value);
      });
      wrap.append(form);
    } else if (!c.items.length) {
      wrap.append(el('p', { class: 'muted', text: '尚未登记资源。' }));
    }
    wrap.append(box);
    return wrap;
  }

  /** Existing projects and catalogued resources that look like this one (Art. 1 避免重复建设, Art. 6), ranked by content. */
  function similar(r) {
    const wrap = el('section', { id: 'similar', class: 'card' });
    wrap.append(el('p', { class: 'muted', text: art('RESOURCE_REUSE') + '：按名称、建设内容和资源目录的内容相似度列出已有项目和已登记资源（得分0至1，不低于' + r.minScore
      + '），供判断是否重复建设、能否复用。仅比对您可查看的项目和资源：共' + r.projectsCompared + '个项目、' + r.resourcesCompared + '项资源'
      + (r.truncated ? '（数量较多，只比对了最新的部分）' : '') + '。' }));
    wrap.append(App.table(['得分#', '类型', '名称', '单位', '状态', '匹配内容'], r.items.map(i => [
      i.score.toFixed(2), i.kind === 'RESOURCE' ? '资源（' + i.resourceKindZh + '）' : '项目（' + i.categoryZh + '）',
      i.kind === 'RESOURCE' ? el('span', {}, i.resourceName + '，属 ', App.projectLink(i.projectId, i.projectName)) : App.projectLink(i.projectId, i.projectName),
      App.unit(i.unit), i.stateZh, i.terms.join('、') + (i.fields.length ? '（' + i.fields.join('、') + '）' : '')]), 'similar-table'));
    return wrap;
  }

  /** The Bureau's reuse and duplicate-construction opinion (Art. 1, 6): shown on the project, given during the review. */
  function reuseOpinion(v, found) {
    const wrap = el('section', { id: 'reuse-opinion', class: 'card' });
    const o = v.opinion;
    if (o) {
      const dl = el('dl', { class: 'facts', id: 'reuse-opinion-facts' });
      const add = (k, val) => dl.append(el('dt', { text: k }), el('dd', {}, val === null || val === undefined || val === '' ? '—' : val));
      add('审查结论', el('strong', { id: 'reuse-verdict', text: o.verdictZh }));
      add('审查意见', o.comment);
      add('相似项目或资源', o.similar.length ? el('ul', {}, o.similar.map(x => el('li', {}, x.kind === 'RESOURCE'
        ? el('span', {}, '资源「' + x.name + '」，属 ', App.projectLink(x.projectId, x.projectName)) : App.projectLink(x.projectId, x.name)))) : null);
      add('录入', (o.recordedBy || '') + ' ' + App.when(o.recordedAt) + (v.earlier ? '（此前另有' + v.earlier + '份意见）' : ''));
      wrap.append(dl);
    } else {
      wrap.append(el('p', { class: 'muted', id: 'reuse-none', text: v.open ? '尚无审查意见（市大数据管理局在项目申报后、评审意见形成前录入，' + art('RESOURCE_REUSE') + '）。' : '未录入审查意见。' }));
    }
    if (v.mayRecord) {
      const box = el('div', { class: 'refusal', role: 'alert', 'aria-live': 'assertive', id: 'reuse-error' });
      const verdict = el('select', { id: 'reuse-verdict-input' }, options(VERDICTS));
      const comment = el('textarea', { id: 'reuse-comment', maxlength: 2000, required: true });
      const candidates = found ? found.items : [];
      const picks = el('div', { id: 'reuse-picks' }, candidates.length ? candidates.map((i, n) => el('div', {},
        el('input', { type: 'checkbox', id: 'reuse-pick-' + n, 'data-project': i.projectId, 'data-resource': i.resourceId || '' }), ' ',
        el('label', { for: 'reuse-pick-' + n, text: (i.kind === 'RESOURCE' ? '资源「' + i.resourceName + '」（' + i.projectName + '）' : i.projectName) + '，得分 ' + i.score.toFixed(2) })))
        : el('p', { class: 'muted', text: '没有达到阈值的相似项目或资源。' }));
      const form = el('form', { id: 'reuse-form', novalidate: true },
        el('label', { for: 'reuse-verdict-input', text: '审查结论' }), verdict,
        el('label', { for: 'reuse-comment', text: '审查意见' }), comment,
        el('p', {}, '相似项目或资源（部分重复、重复建设须至少选一项）：'), picks,
        el('p', {}, el('button', { type: 'submit', id: 'reuse-submit', text: '录入审查意见' })), box);
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        box.replaceChildren();
        const chosen = [...picks.querySelectorAll('input[type=checkbox]:checked')].map(c => c.dataset.resource
          ? { projectId: c.dataset.project, resourceId: c.dataset.resource } : { projectId: c.dataset.project });
        try {
          await App.api('PUT', base + '/reuse-opinion', { verdict: verdict.value, comment: comment.value, similar: chosen });
          sessionStorage.setItem('egov.flash', '已录入复用与重复建设审查意见');
          location.hash = '#reuse-opinion';
          location.reload();
        } catch (e) { App.showError(box, e); }
      });
      wrap.append(form);
    }
    return wrap;
  }

  try {
    const [p, cat, named] = await Promise.all([App.api('GET', '/api/projects/' + encodeURIComponent(id)), App.api('GET', '/api/actions'),
      App.api('GET', '/api/projects/' + encodeURIComponent(id) + '/assignments')]);
    pack = p.policy || null;
    const mayCompare = ['UNIT_STAFF', 'UNIT_LEADER', 'BDB_OFFICER', 'EXPERT'].includes(me.role);
    // compared at once around the declaration (草稿、已申报、专家评审中), where it matters; later only on request
    const early = ['DRAFT', 'DECLARED', 'UNDER_REVIEW'].includes(p.state);
    const [catalogue, found, opinion] = await Promise.all([maybe(base + '/resources'),
      mayCompare && early ? maybe(base + '/similar') : Promise.resolve(null), maybe(base + '/reuse-opinion')]);
    catalog = new Map(cat.actions.map(a => [a.action, a]));
    document.title = p.profile.name + ' · 项目详情';
    document.querySelector('h1').textContent = p.profile.name;
    Finder.trail([['projects.html', '项目列表'], [null, p.profile.name]]);
    if (!document.getElementById('record-link')) {
      document.querySelector('h1').after(el('p', {}, el('a', { href: 'project-record.html?id=' + encodeURIComponent(id), id: 'record-link',
        class: 'button secondary', text: '项目档案（打印、PDF）' })));
    }
    // the review draws (Art. 8, 24): the Bureau's, read by Audit; never rendered for the unit or the experts
    let draws = null;
    if (['BDB_OFFICER', 'AUDIT'].includes(me.role)) {
      try { draws = await Experts.projectSection({ id, state: p.state }, me); } catch (e) { draws = el('div', { class: 'refusal', role: 'alert' }); App.showError(draws, e); }
    }
    const flash = sessionStorage.getItem('egov.flash');
    sessionStorage.removeItem('egov.flash');
    const forms = p.actions.filter(a => a.action !== 'ATTACH_DOCUMENT');
    root.replaceChildren(
      flash ? el('div', { class: 'alert ok', role: 'status', id: 'flash', text: flash }) : '',
      el('section', { class: 'card' }, facts(p)),
      p.flags.length ? el('div', { class: 'alert error', id: 'flags' }, p.flags.map(f => el('div', {}, el('strong', { text: '【' + f.article + '】' }), f.message))) : '',
      el('h2', { text: '可办理的操作' }),
      el('section', { id: 'actions' }, forms.length ? forms.map(a => actionForm(a, p)) : el('p', { class: 'muted', text: '当前没有您可办理的操作。' })),
      ...(p.performance.goals.length ? [el('h2', { text: '绩效目标达成情况（' + art('SELF_INSPECTION ACCEPTANCE') + '）' }), goalsTable(p)] : []),
      el('h2', { text: '法定期限' }), deadlines(p), el('section', { class: 'card' }, deadlineStrip(p)),
      el('h2', { text: '生命周期时间线' }), el('section', { class: 'card' }, timeline(p)),
      el('h2', { text: '项目文档' }), documents(p),
      ...(named.mayManage || named.assigned.length ? [el('h2', { text: '指定人员' }), assignments(named)] : []),
      ...(catalogue ? [el('h2', { text: '资源目录' }), resources(catalogue)] : []),
      ...(found ? [el('h2', { text: '相似项目和资源' }), similar(found)] : mayCompare && !early ? [el('h2', { text: '相似项目和资源' }),
        el('section', { id: 'similar', class: 'card' }, el('button', { type: 'button', class: 'secondary', id: 'compare', text: '比对相似项目和资源',
          onclick: async (event) => {
            const section = event.target.parentNode;
            event.target.disabled = true;
            try { section.replaceWith(similar(await App.api('GET', base + '/similar'))); } catch (e) { App.showError(section, e); }
          } }))] : []),
      ...(opinion && (opinion.opinion || opinion.mayRecord) ? [el('h2', { text: '复用与重复建设审查意见' }), reuseOpinion(opinion, found)] : []),
      ...(draws ? [el('h2', { text: '评审专家抽取（' + art('REVIEW_AND_APPROVAL ACCEPTANCE') + '）' }), draws] : []));
    if (location.hash) { const target = document.querySelector(location.hash); if (target && target.tagName === 'DETAILS') { target.open = true; target.scrollIntoView(); } else if (target) { target.scrollIntoView(); } }
  } catch (e) {
    root.replaceChildren(el('div', { class: 'refusal', role: 'alert' }));
    App.showError(root.firstChild, e);
  }
})();
