/* The expert pool and the review draws (Art. 8, 24): shared by the Bureau's workbench and the project page. */
'use strict';
const Experts = (() => {
  const { el } = App;
  const lines = text => String(text || '').split('\n').map(s => s.trim()).filter(Boolean);
  const parts = line => line.split(/[，,；;\t]/).map(s => s.trim());

  /** "TC-GAJ，原任职" per line → [{unit, note}]. */
  function units(text) { return lines(text).map(l => { const [unit, note] = parts(l); return note ? { unit, note } : { unit }; }); }
  /** "某公司，91320585XXXXXXXXXX" per line → [{name, creditCode}]. */
  function vendors(text) { return lines(text).map(l => { const [name, creditCode] = parts(l); return creditCode ? { name, creditCode } : { name }; }); }

  function relations(e) {
    const items = [];
    if (e.employerUnit) items.push('任职单位 ' + App.unitFull(e.employerUnit));
    e.relatedUnits.forEach(r => items.push('单位 ' + App.unitFull(r.unit) + (r.note ? '（' + r.note + '）' : '')));
    e.relatedVendors.forEach(r => items.push('企业 ' + r.name + (r.note ? '（' + r.note + '）' : '')));
    return items.length ? items.join('；') : '无';
  }

  /** The pool as a table; the keeper may edit, activate or deactivate each expert. */
  function poolTable(experts, keeper, onChange, onEdit) {
    const headers = ['姓名', '专业领域', '工作单位', '关联关系', '状态'].concat(keeper ? ['操作'] : []);
    return App.table(headers, experts.map(e => {
      const row = [e.name, e.fieldsZh, e.employer, relations(e), App.badge(e.active ? 'ok' : 'muted', e.active ? '在库（可抽取）' : '已停用')];
      if (keeper) {
        row.push(el('button', { type: 'button', class: 'secondary', id: 'toggle-' + e.id, 'data-expert': e.name,
          'aria-label': (e.active ? '停用专家 ' : '启用专家 ') + e.name, text: e.active ? '停用' : '启用',
          onclick: () => onChange(e, !e.active) }));
        if (onEdit) {
          row[row.length - 1] = el('span', { class: 'actions' }, row[row.length - 1], ' ',
            el('button', { type: 'button', class: 'secondary', id: 'edit-' + e.id, 'aria-label': '修改专家 ' + e.name,
              text: '修改', onclick: () => onEdit(e) }));
        }
      }
      return row;
    }), 'expert-table');
  }

  /** The body PUT /api/experts/{id} needs to keep everything but the active flag. */
  function command(e, active) {
    return { userId: e.userId, name: e.name, fields: e.fields, employer: e.employer, employerUnit: e.employerUnit,
      relatedUnits: e.relatedUnits.map(r => ({ unit: r.unit, note: r.note })),
      relatedVendors: e.relatedVendors.map(r => ({ name: r.name, creditCode: r.creditCode, note: r.note })), active };
  }

  /** One draw's record: the request, seed, pool, exclusions with reasons, panel and reserves, and a replay check. */
  function drawRecord(d, n) {
    const names = new Map(d.pool.map(e => [e.id, e.name]));
    const seats = new Map(d.seats.map(s => [s.expertId, s]));
    const seatRow = (expertId, reserve) => {
      const s = seats.get(expertId);
      return [names.get(expertId) || expertId, s ? s.statusZh : (reserve ? '备选，待递补' : '—'), s && s.declineReason ? s.declineReason : null,
        s && s.opinion ? s.opinion.verdictZh + (s.opinion.score !== null && s.opinion.score !== undefined ? '，' + s.opinion.score + ' 分' : '') + (s.opinion.comments ? '：' + s.opinion.comments : '') : null];
    };
    const r = d.result;
    const wrap = el('article', { class: 'card draw', id: 'draw-' + d.id, 'data-draw': d.id });
    const dl = el('dl', { class: 'facts' });
    const add = (k, v) => dl.append(el('dt', { text: k }), el('dd', {}, v === null || v === undefined || v === '' ? '—' : v));
    add('用途', d.purposeZh);
    add('抽取时间', App.when(d.drawnAt) + '（' + (d.drawnByName || d.drawnBy) + '）');
    add('专业领域', d.request.fields.length ? d.request.fields.map(f => FIELD_ZH[f] || f).join('、') : '—');
    add('人数', '评审专家 ' + d.request.experts + ' 名，备选 ' + d.request.reserves + ' 名');
    add('投标企业', d.subject.vendors.length ? d.subject.vendors.map(v => v.name).join('；') : '无');
    add('专家库', d.pool.length + ' 名，符合条件 ' + r.eligible + ' 名');
    add('随机种子', el('code', { class: 'seed', text: d.seed }));
    add('抽取方法', d.algorithm);
    add('状态', d.open ? '评审进行中' : '已结束' + (d.closedAt ? '（' + App.when(d.closedAt) + '）' : ''));
    if (d.averageScore !== null && d.averageScore !== undefined) add('平均分', String(d.averageScore));
    wrap.append(el('h3', { text: '第 ' + n + ' 次抽取' }), dl,
      el('h4', { text: '抽中的评审专家' }), App.table(['专家', '状态', '谢绝理由', '评审意见'], r.drawn.map(x => seatRow(x, false)), 'panel-' + d.id),
      el('h4', { text: '备选专家（按序递补）' }), App.table(['专家', '状态', '谢绝理由', '评审意见'], r.reserves.map(x => seatRow(x, true)), 'reserves-' + d.id),
      el('h4', { text: '回避排除的专家及原因' }), App.table(['专家', '排除原因'], r.exclusions.map(x => [x.name, x.reasons.join('；')]), 'exclusions-' + d.id));
    if (d.replacements.length) {
      wrap.append(el('h4', { text: '递补记录' }), App.table(['谢绝的专家', '递补的备选专家', '时间'], d.replacements.map(x =>
        [names.get(x.declinedExpertId) || x.declinedExpertId, names.get(x.reserveExpertId) || x.reserveExpertId, App.when(x.at)])));
    }
    const out = el('div', { id: 'replay-result-' + d.id, role: 'status', 'aria-live': 'polite' });
    wrap.append(el('p', {}, el('button', { type: 'button', class: 'secondary', id: 'replay-' + d.id, text: '复核抽取结果',
      onclick: async () => {
        out.replaceChildren();
        try {
          const x = await App.api('GET', '/api/expert-draws/' + encodeURIComponent(d.id) + '/replay');
          out.replaceChildren(el('div', { class: 'alert ' + (x.matches ? 'ok' : 'error'), id: 'replay-verdict-' + d.id,
            text: x.matches ? '复核一致：以记录的随机种子和专家库重新计算，抽中专家、备选专家和回避排除与记录相同。'
              : '复核不一致：重新计算的结果与记录不同，请核查。' }));
        } catch (e) { App.showError(out, e); }
      } })), out);
    return wrap;
  }
  const FIELD_ZH = {};

  /** The project page's section: the Bureau's draw form (while declared or under review) and the record of draws. */
  async function projectSection(project, me) {
    const base = '/api/projects/' + encodeURIComponent(project.id);
    const [list, pool] = await Promise.all([App.api('GET', base + '/expert-draws'), App.api('GET', '/api/experts')]);
    pool.fields.forEach(f => { FIELD_ZH[f.name] = f.zh; });
    const wrap = el('section', { id: 'expert-draws', class: 'card' });
    const mayDraw = me.role === 'BDB_OFFICER' && ['DECLARED', 'UNDER_REVIEW'].includes(project.state);
    if (mayDraw) {
      const box = el('div', { class: 'refusal', role: 'alert', 'aria-live': 'assertive', id: 'draw-error' });
      const fields = el('select', { id: 'draw-fields', multiple: true, size: Math.min(pool.fields.length, 8) },
        pool.fields.map(f => el('option', { value: f.name, text: f.zh })));
      const form = el('form', { id: 'draw-form', novalidate: true },
        el('h3', { text: '随机抽取评审专家' }),
        el('p', { class: 'muted', text: '从专家库中在用的专家随机抽取；与本项目实施单位或投标企业有关联的专家自动回避。抽取记录（随机种子和当时的专家库）留存，可复核。' }),
        el('label', { for: 'draw-fields', text: '专业领域（至少选一项，可多选；具备其中任一领域的专家可被抽取）' }), fields,
        el('div', { class: 'row' },
          el('div', {}, el('label', { for: 'draw-count', text: '评审专家人数' }), el('input', { type: 'number', id: 'draw-count', min: 1, value: 3, required: true })),
          el('div', {}, el('label', { for: 'draw-reserves', text: '备选专家人数' }), el('input', { type: 'number', id: 'draw-reserves', min: 0, value: 1 }))),
        el('label', { for: 'draw-bidders', text: '投标企业（每行一个企业名称，可加“，统一社会信用代码”）' }), el('textarea', { id: 'draw-bidders', rows: 3 }),
        el('p', {}, el('button', { type: 'submit', id: 'draw-submit', text: '随机抽取' })), box);
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        box.replaceChildren();
        const count = document.getElementById('draw-count').value;
        const reserves = document.getElementById('draw-reserves').value;
        try {
          await App.api('POST', base + '/expert-draws', {
            fields: [...fields.selectedOptions].map(o => o.value),
            experts: count === '' ? null : parseInt(count, 10), reserves: reserves === '' ? 0 : parseInt(reserves, 10),
            bidders: vendors(document.getElementById('draw-bidders').value) });
          sessionStorage.setItem('egov.flash', '已随机抽取评审专家');
          location.hash = '#expert-draws';
          location.reload();
        } catch (e) { App.showError(box, e); }
      });
      wrap.append(form);
    }
    wrap.append(el('h3', { text: '抽取记录' }));
    if (!list.draws.length) wrap.append(el('p', { class: 'muted', id: 'draws-none', text: '尚未抽取评审专家。' }));
    list.draws.forEach((d, i) => wrap.append(drawRecord(d, i + 1)));
    return wrap;
  }

  return { units, vendors, poolTable, command, projectSection };
})();
