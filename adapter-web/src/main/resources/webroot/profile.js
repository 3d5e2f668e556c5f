'use strict';
/* The declaration form of a project (Art. 2, 7, 15, 19): used to create a draft and to edit one. */
const ProfileForm = (() => {
  const { el } = App;
  function field(id, label, input) { return el('div', {}, el('label', { for: id, text: label }), input); }
  function select(id, values) { const s = el('select', { id }); values.forEach(v => s.append(el('option', { value: v, text: App.zh(v) }))); return s; }
  function yesNo(id) { const s = el('select', { id }); s.append(el('option', { value: 'false', text: '否' }), el('option', { value: 'true', text: '是' })); return s; }

  /* What a budget line buys (Art. 2): written after the amount by its Chinese name. */
  const KINDS = { SOFTWARE_DEVELOPMENT: '软件开发', IT_SERVICE: '信息技术服务', SOFTWARE_PRODUCT: '软件产品', HARDWARE: '硬件设备',
    CONSTRUCTION: '工程施工', CONSUMABLES: '耗材', OTHER: '其他' };
  function lineText(b) { return [b.item, b.amount].concat(b.kind ? [KINDS[b.kind]] : [], b.supervision ? ['监理'] : []).join('；'); }
  function lineJson(text) {
    const parts = text.split(/[；;]/).map(s => s.trim());
    const extra = parts.slice(2);
    const kind = Object.keys(KINDS).find(k => extra.includes(KINDS[k]));
    const json = { item: parts[0], amount: parts[1] || '', supervision: extra.includes('监理') };
    if (kind) json.kind = kind;
    return json;
  }

  /*
   * A performance goal (Art. 23) as a line: 指标名称；类别（产出、效益或满意度）；目标值 — e.g. "群众满意度；满意度；≥95%".
   * The server reads the target ("≥95%", "不超过3天", "30个", or words).
   */
  const GOAL_KINDS = { OUTPUT: '产出', BENEFIT: '效益', SATISFACTION: '满意度' };
  function goalText(g) {
    if (typeof g === 'string') return g;
    return [g.indicator, g.kind ? GOAL_KINDS[g.kind] : '', g.hasTarget ? g.targetZh : ''].join('；').replace(/(；)+$/, '');
  }
  function goalJson(text) {
    const parts = text.split(/[；;]/).map(s => s.trim());
    const json = { indicator: parts[0] };
    const kindText = (parts[1] || '').replace(/指标$/, '');
    const kind = Object.keys(GOAL_KINDS).find(k => GOAL_KINDS[k] === kindText);
    if (kind) json.kind = kind;
    if (parts.slice(2).join('；')) json.target = parts.slice(2).join('；');
    return json;
  }

  function render(form, profile, submit, buttonText) {
    const p = profile || {};
    const budget = (p.budgetLines || []).map(lineText).join('\n');
    const people = p.people || {};
    const leader = people.leader || {}; const resp = people.responsible || {};
    form.replaceChildren(
      el('div', { class: 'row' },
        field('pf-name', '项目名称', el('input', { type: 'text', id: 'pf-name', value: p.name || '', required: true })),
        field('pf-year', '计划年度', el('input', { type: 'number', id: 'pf-year', value: p.planYear || (App.year() + 1), required: true })),
        field('pf-category', '项目类别（' + App.article('SCOPE') + '）', select('pf-category', ['BUSINESS_SYSTEM', 'RESOURCE_CATALOGUE', 'SECURITY_SYSTEM', 'STANDARDS_SUPPORT', 'NETWORK_DATA_CENTRE'])),
        field('pf-nature', '建设性质', select('pf-nature', ['NEW', 'CONTINUATION', 'OPERATIONS', 'IT_SERVICE'])),
        field('pf-funding', '资金来源', select('pf-funding', ['MUNICIPAL', 'HIGHER_LEVEL'])),
        field('pf-software', '含软件开发', yesNo('pf-software')),
        field('pf-classified', '涉密项目（' + App.article('CLASSIFIED') + '）', yesNo('pf-classified')),
        field('pf-crypto', '使用密码技术', yesNo('pf-crypto'))),
      field('pf-scope', '建设内容（每行一项）', el('textarea', { id: 'pf-scope' }, (p.scopeItems || []).join('\n'))),
      field('pf-goals', '绩效目标（' + App.ruleArticle('ART23_PERFORMANCE_GOALS') + '，每行一项：指标名称；指标类别：产出、效益或满意度；目标值，如 ≥95%、不超过3天、30个）',
        el('textarea', { id: 'pf-goals', placeholder: '如：群众满意度；满意度；≥95%' }, (p.performanceGoals || []).map(goalText).join('\n'))),
      field('pf-budget', '预算明细（每行：事项；金额（元）[；采购类别：软件开发、信息技术服务、软件产品、硬件设备、工程施工、耗材、其他][；监理]）', el('textarea', { id: 'pf-budget' }, budget)),
      el('div', { class: 'row' },
        field('pf-leader-name', '分管领导（' + App.article('ACCOUNTABILITY') + '）', el('input', { type: 'text', id: 'pf-leader-name', value: leader.name || '' })),
        field('pf-leader-mobile', '分管领导手机', el('input', { type: 'text', id: 'pf-leader-mobile', value: leader.mobile || '' })),
        field('pf-leader-email', '分管领导邮箱', el('input', { type: 'text', id: 'pf-leader-email', value: leader.email || '' }))),
      el('div', { class: 'row' },
        field('pf-resp-name', '项目责任人', el('input', { type: 'text', id: 'pf-resp-name', value: resp.name || '' })),
        field('pf-resp-mobile', '责任人手机', el('input', { type: 'text', id: 'pf-resp-mobile', value: resp.mobile || '' })),
        field('pf-resp-email', '责任人邮箱', el('input', { type: 'text', id: 'pf-resp-email', value: resp.email || '' }))),
      el('p', {}, el('button', { type: 'submit', id: 'pf-submit', text: buttonText })),
      el('div', { class: 'refusal', role: 'alert', id: 'pf-error' }));
    for (const [id, v] of [['pf-category', p.category], ['pf-nature', p.nature], ['pf-funding', p.funding],
      ['pf-software', String(!!p.softwareDevelopment)], ['pf-classified', String(!!p.classified)], ['pf-crypto', String(!!p.usesCryptography)]]) {
      if (v) form.querySelector('#' + id).value = v;
    }
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const box = form.querySelector('#pf-error');
      box.replaceChildren();
      const v = id => form.querySelector('#' + id).value.trim();
      const lines = id => v(id).split('\n').map(s => s.trim()).filter(Boolean);
      const person = (n, m, e) => (v(n) || v(m) || v(e)) ? { name: v(n), mobile: v(m), email: v(e) } : null;
      const profileJson = {
        name: v('pf-name'), planYear: parseInt(v('pf-year'), 10), category: v('pf-category'), nature: v('pf-nature'),
        funding: v('pf-funding'), softwareDevelopment: v('pf-software') === 'true', classified: v('pf-classified') === 'true',
        usesCryptography: v('pf-crypto') === 'true', scopeItems: lines('pf-scope'), performanceGoals: lines('pf-goals').map(goalJson),
        budgetLines: lines('pf-budget').map(lineJson)
      };
      const leaderP = person('pf-leader-name', 'pf-leader-mobile', 'pf-leader-email');
      const respP = person('pf-resp-name', 'pf-resp-mobile', 'pf-resp-email');
      if (leaderP || respP) profileJson.people = { leader: leaderP, responsible: respP };
      try { await submit(profileJson, box); } catch (e) { App.showError(box, e); }
    });
  }
  return { render };
})();
