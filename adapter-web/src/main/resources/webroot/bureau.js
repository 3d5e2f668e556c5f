'use strict';
(async () => {
  const me = await App.start('bureau', ['BDB_OFFICER']);
  if (!me) return;
  const { el } = App;
  const next = App.year() + 1;
  document.getElementById('w-year').value = next;
  document.getElementById('p-year').value = App.year();

  document.getElementById('window-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const box = document.getElementById('window-result');
    box.replaceChildren();
    try {
      const w = await App.api('POST', '/api/declaration-windows', {
        planYear: parseInt(document.getElementById('w-year').value, 10),
        opensOn: document.getElementById('w-opens').value || null,
        closesOn: document.getElementById('w-closes').value || null
      });
      box.replaceChildren();
      box.parentNode.insertBefore(el('div', { class: 'alert ok', role: 'status', text: w.planYear + '年度集中申报期：' + w.opensOn + ' 至 ' + w.closesOn }), box);
    } catch (e) { App.showError(box, e); }
  });

  async function loadApproved() {
    const year = document.getElementById('p-year').value;
    const box = document.getElementById('approved');
    const data = await App.api('GET', '/api/projects?state=APPROVED&size=200&year=' + encodeURIComponent(year));
    box.replaceChildren(App.table(['选择', '项目', '单位', '总投资#'], data.items.map(p => [
      el('input', { type: 'checkbox', name: 'plan-project', value: p.id, id: 'pick-' + p.id, checked: true, 'aria-label': '列入计划：' + p.name }),
      App.projectLink(p.id, p.name), App.unit(p.unit), App.yuan(p.totalInvestment)]), 'approved-table'));
  }
  document.getElementById('load-approved').addEventListener('click', () => loadApproved().catch(e => App.showError(document.getElementById('plan-result'), e)));
  document.getElementById('plan-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const box = document.getElementById('plan-result');
    box.replaceChildren();
    const projects = [...document.querySelectorAll('input[name=plan-project]:checked')].map(c => c.value);
    try {
      const r = await App.api('POST', '/api/annual-plans', {
        planYear: parseInt(document.getElementById('p-year').value, 10),
        reference: document.getElementById('p-reference').value, projects
      });
      box.parentNode.insertBefore(el('div', { class: 'alert ok', role: 'status', id: 'plan-issued', text: r.planYear + '年度实施计划已下达（' + r.reference + '），列入项目 ' + r.projects.length + ' 个' }), box);
      await loadApproved();
    } catch (e) { App.showError(box, e); }
  });

  /* 评审专家库 (Art. 8): the pool, adding an expert by their account's username, editing, activating and deactivating. */
  let editing = null; // the expert whose record the form changes, or null when it adds one
  const form = document.getElementById('expert-form');
  const check = name => document.getElementById('ex-field-' + name);
  function editMode(e) {
    editing = e;
    form.reset();
    document.getElementById('expert-error').replaceChildren();
    const set = (id, value) => { document.getElementById(id).value = value || ''; };
    const user = document.getElementById('ex-user');
    user.disabled = !!e;
    document.getElementById('expert-form-title').textContent = e ? '修改专家「' + e.name + '」的信息' : '新增专家';
    document.getElementById('expert-submit').textContent = e ? '保存修改' : '加入专家库';
    document.getElementById('expert-cancel').hidden = !e;
    if (!e) return;
    set('ex-user', '（账号不变）');
    set('ex-name', e.name);
    set('ex-employer', e.employer);
    set('ex-employer-unit', e.employerUnit);
    e.fields.forEach(f => { const c = check(f); if (c) c.checked = true; });
    set('ex-units', e.relatedUnits.map(r => r.unit + (r.note ? '，' + r.note : '')).join('\n'));
    set('ex-vendors', e.relatedVendors.map(r => r.name + (r.creditCode ? '，' + r.creditCode : '')).join('\n'));
    document.getElementById('ex-name').focus();
  }
  async function loadExperts(message) {
    const list = document.getElementById('expert-list');
    const data = await App.api('GET', '/api/experts');
    const fieldset = document.getElementById('ex-fields');
    if (!fieldset.querySelector('input')) {
      data.fields.forEach(f => fieldset.append(el('span', { class: 'check' },
        el('input', { type: 'checkbox', name: 'ex-field', id: 'ex-field-' + f.name, value: f.name }), ' ',
        el('label', { for: 'ex-field-' + f.name, text: f.zh }), ' ')));
    }
    list.replaceChildren(message ? el('div', { class: 'alert ok', role: 'status', id: 'expert-flash', text: message }) : '',
      Experts.poolTable(data.experts, true, async (e, active) => {
        try {
          await App.api('PUT', '/api/experts/' + encodeURIComponent(e.id), Experts.command(e, active));
          await loadExperts((active ? '已启用专家 ' : '已停用专家 ') + e.name);
        } catch (err) { App.showError(document.getElementById('expert-error'), err); }
      }, editMode));
  }
  document.getElementById('expert-cancel').addEventListener('click', () => editMode(null));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const box = document.getElementById('expert-error');
    box.replaceChildren();
    const v = id => document.getElementById(id).value.trim();
    const body = {
      name: v('ex-name'), employer: v('ex-employer') || null, employerUnit: v('ex-employer-unit') || null,
      fields: [...document.querySelectorAll('input[name=ex-field]:checked')].map(c => c.value),
      relatedUnits: Experts.units(v('ex-units')), relatedVendors: Experts.vendors(v('ex-vendors')) };
    try {
      if (editing) {
        // the notes of relations are not in the form: keep those of relations that stay
        const notes = new Map(editing.relatedUnits.map(r => [r.unit, r.note]));
        body.relatedUnits.forEach(r => { if (!r.note && notes.get(r.unit)) r.note = notes.get(r.unit); });
        const e = await App.api('PUT', '/api/experts/' + encodeURIComponent(editing.id),
          Object.assign(body, { userId: editing.userId, active: editing.active }));
        editMode(null);
        await loadExperts('已保存专家 ' + e.name + ' 的修改');
      } else {
        const e = await App.api('POST', '/api/experts', Object.assign(body, { userId: v('ex-user'), active: true }));
        form.reset();
        await loadExperts('已将 ' + e.name + ' 加入专家库');
      }
    } catch (e) { App.showError(box, e); }
  });
  await loadExperts().catch(e => App.showError(document.getElementById('expert-error'), e));

  const queues = document.getElementById('queues');
  await Oversight.queue(queues, '待组织专家评审', 'DECLARED');
  await Oversight.queue(queues, '待录入评审意见', 'UNDER_REVIEW');
  await Oversight.queue(queues, '待录入市政府审定意见', 'FUNDING_PROPOSED');
  await Oversight.queue(queues, '待实施前评审', 'IMPLEMENTING');
  await Oversight.queue(queues, '已中止', 'SUSPENDED');
  Oversight.compliance(document.getElementById('compliance'));
  Oversight.overdue(document.getElementById('overdue'));
  Oversight.planExport(document.getElementById('export-plan'));
  Oversight.performance(document.getElementById('performance'), true);
})();
