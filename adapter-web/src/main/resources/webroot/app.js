/* Shared by every page: the signed-in person, navigation by role, the JSON API with the CSRF token, rendering. */
'use strict';
const App = (() => {
  let me = null;
  const NAV = [
    ['todo.html', '我的待办', ['UNIT_STAFF', 'UNIT_LEADER', 'BDB_OFFICER', 'FINANCE']],
    ['projects.html', '项目列表', ['UNIT_STAFF', 'UNIT_LEADER', 'BDB_OFFICER', 'FINANCE', 'AUDIT', 'CYBERSEC', 'SECRECY', 'EXPERT']],
    ['bureau.html', '大数据局工作台', ['BDB_OFFICER']],
    ['expert.html', '我的评审', ['EXPERT']],
    ['finance.html', '财政局工作台', ['FINANCE']],
    ['audit.html', '审计与操作记录', ['AUDIT', 'BDB_OFFICER']],
    ['statistics.html', '统计图表', ['UNIT_STAFF', 'UNIT_LEADER', 'BDB_OFFICER', 'FINANCE', 'AUDIT']],
    ['admin.html', '系统管理', ['ADMIN', 'SECURITY_ADMIN']],
    ['security.html', '安全审计', ['AUDIT_ADMIN']],
    ['clearances.html', '涉密资格', ['SECURITY_ADMIN', 'AUDIT_ADMIN']],
    ['calculator.html', '期限计算器', null],
    ['account.html', '我的账号', null]
  ];
  const ENUM_ZH = {
    DELAY: '不能按期完成', SUSPENSION: '中止实施', TERMINATION: '终止实施',
    BUSINESS_SYSTEM: '业务管理及服务信息系统', RESOURCE_CATALOGUE: '信息资源库及目录体系', SECURITY_SYSTEM: '网络与信息安全保障体系',
    STANDARDS_SUPPORT: '标准化体系和支撑体系', NETWORK_DATA_CENTRE: '市级统一的电子政务网络和数据中心',
    NEW: '新建', CONTINUATION: '续建', OPERATIONS: '运维', IT_SERVICE: '信息技术专业服务',
    MUNICIPAL: '市级财政性资金', HIGHER_LEVEL: '国家、省、市统筹安排并全额拨付',
    UNIT_STAFF: '实施单位经办人员', UNIT_LEADER: '实施单位分管领导', BDB_OFFICER: '市大数据管理局', FINANCE: '市财政局',
    AUDIT: '市审计局', CYBERSEC: '市委网信办', SECRECY: '市委办公室（保密、密码）', EXPERT: '评审专家', ADMIN: '系统管理员',
    SECURITY_ADMIN: '安全保密管理员', AUDIT_ADMIN: '安全审计员',
    IMPLEMENTING: '实施单位', AUTHORITY: '主管部门'
  };
  const STATES = [['DRAFT', '草稿'], ['DECLARED', '已申报'], ['UNDER_REVIEW', '专家评审中'], ['REVIEWED', '评审通过'],
    ['FUNDING_PROPOSED', '已提出资金安排意见'], ['APPROVED', '市政府已审定'], ['PLANNED', '已列入实施计划'], ['IMPLEMENTING', '实施中'],
    ['PROCUREMENT', '政府采购中'], ['CONTRACTED', '已签订合同'], ['TRIAL_RUN', '试运行中'], ['ACCEPTANCE_PENDING', '待验收'],
    ['ACCEPTED', '验收通过'], ['OPERATING', '已投入使用'], ['CLOSED', '已办结'], ['SUSPENDED', '已中止'], ['TERMINATED', '已终止'],
    ['REJECTED', '评审未通过']];

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  /*
   * The server's clock: /health says whether it is a simulated one (EGOV_CLOCK) and then its time. Every page shows a
   * banner while it is, and reads "now" and "today" from it (App.now, App.today, App.year) rather than from the
   * browser. Asked once, as the page loads; the banner is a live region that is in the page before its text.
   */
  let clockOffset = 0;
  const clockBanner = el('div', { id: 'clock-banner', class: 'clock-banner', role: 'status' });
  document.body.prepend(clockBanner);
  const clock = fetch('/health', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
    .then(r => r.json())
    .then(h => {
      const at = h && h.clockSet === true && typeof h.clock === 'string' ? Date.parse(h.clock) : NaN;
      if (Number.isNaN(at)) return { set: false };
      clockOffset = at - Date.now();
      clockBanner.replaceChildren(el('strong', { text: '模拟时钟：' }), el('time', { datetime: h.clock, text: shanghai(new Date(at)) }),
        '（本系统时间为模拟时间，仅用于培训、演示和验收测试）');
      return { set: true, at: h.clock };
    })
    .catch(() => ({ set: false }));

  /*
   * The policy pack in force (GET /api/policy, by the server's clock): the pages write no article number of their
   * own. Every element with data-article="PROVISION …" (e.g. "REVIEW_AND_APPROVAL ACCEPTANCE") shows the articles of
   * those provisions (their articles joined by 、) once the pack is read; scripts ask App.article(…) after App.start or
   * App.policy, and a project's page passes the project's own pack (project.policy).
   */
  let policy = null;
  const policyRead = fetch('/api/policy', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
    .then(r => (r.ok ? r.json() : null))
    .then(p => { policy = p; cite(document); named(); return p; })
    .catch(() => null);
  /** The articles of provisions ("DECLARATION", "REVIEW_AND_APPROVAL ACCEPTANCE" or an array), joined by 、. */
  function article(provisions, pack) {
    const p = pack || policy;
    if (!p || !p.articles) return '';
    const list = Array.isArray(provisions) ? provisions : String(provisions).split(/[\s,]+/);
    return list.filter(Boolean).map(x => p.articles[x]).filter(Boolean).join('、');
  }
  /** The article a rule cites in the pack (e.g. ART4_ROLE's). */
  function ruleArticle(code, pack) {
    const p = pack || policy;
    return (p && p.rules && p.rules[code]) || '';
  }
  /** The text after the provisions' articles and a colon, or the text alone while no pack is known. */
  function cited(provisions, text, pack) {
    const a = article(provisions, pack);
    return a ? a + '：' + text : text;
  }
  /** Fills every data-article element under root with its articles. */
  function cite(root, pack) {
    root.querySelectorAll('[data-article]').forEach(e => { e.textContent = article(e.dataset.article, pack); });
  }
  /** What the system is called, after the measures in force (each city's own), e.g. 太仓市级电子政务项目管理. */
  function systemName() {
    return policy && policy.systemNameZh ? policy.systemNameZh : '电子政务项目管理';
  }
  /** The page's title followed by the system's name, and the header's name, once the pack in force is known. */
  function named() {
    if (!document.title.includes(' · ')) document.title = document.title + ' · ' + systemName();
    document.querySelectorAll('.brand').forEach(b => { b.textContent = systemName(); });
  }
  /** The title of the pack's measures, e.g. 太仓市级电子政务项目管理办法（太政办〔2021〕40号）. */
  function measures(pack) {
    const p = pack || policy;
    return p ? p.nameZh : '';
  }

  /* finder.js beside this file: the header's search box, the breadcrumbs, the lists' remembered filters */
  const finder = new Promise(resolve => document.head.append(el('script', { src: 'finder.js', onload: resolve, onerror: resolve })));

  /** "2025-03-04 09:00" in Asia/Shanghai. */
  function shanghai(date) {
    const p = {};
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date).forEach(x => { p[x.type] = x.value; });
    return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
  }
  /** The server's time now (a simulated clock's when set, once /health has answered). */
  function now() { return new Date(Date.now() + clockOffset); }
  /** Today in Asia/Shanghai by the server's clock, "2025-03-04". */
  function today() { return shanghai(now()).substring(0, 10); }
  /** This year in Asia/Shanghai by the server's clock. */
  function year() { return Number(today().substring(0, 4)); }

  class ApiError extends Error {
    constructor(status, body) {
      super(body && body.message ? body.message : '请求失败（' + status + '）');
      this.status = status; this.body = body || {};
    }
  }

  async function api(method, path, body, extraHeaders) {
    const headers = Object.assign({ 'X-Requested-With': 'fetch', 'Accept': 'application/json' }, extraHeaders || {});
    const init = { method, headers, credentials: 'same-origin' };
    if (method !== 'GET' && me && me.csrfToken) headers['X-CSRF-Token'] = me.csrfToken;
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined && body !== null) { headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    const r = await fetch(path, init);
    const text = await r.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (r.status === 401 && json && json.code === 'AUTH_STEP_UP_REQUIRED' && !extraHeaders) {
      // an approval needs a recent one-time code: ask for it, then try once more
      if (json.enrolled && await stepUp(json.message)) return api(method, path, body, { 'X-Step-Up': 'retried' });
      throw new ApiError(401, json);
    }
    const codeRefused = json && /^AUTH_(SECOND_FACTOR_INVALID|SECOND_FACTOR_REPLAYED|STEP_UP_REQUIRED)$/.test(json.code);
    if (r.status === 401 && !path.startsWith('/api/session') && !codeRefused) { location.href = 'login.html?' + (json && json.code === 'SESSION_ENDED_SIGNED_IN_ELSEWHERE' ? 'ended=1&' : '') + 'next=' + encodeURIComponent(location.pathname + location.search); throw new ApiError(401, json); }
    if (r.status === 403 && json && json.code === 'AUTH_PASSWORD_CHANGE_REQUIRED' && !location.pathname.endsWith('/login.html')) { location.href = 'login.html?change=1&next=' + encodeURIComponent(location.pathname + location.search); throw new ApiError(403, json); }
    if (!r.ok) throw new ApiError(r.status, json);
    return json;
  }

  /**
   * Asks for a 6-digit code in a dialog and passes it to the server (POST /api/session/code); true once it was
   * accepted, false when the person cancelled.
   */
  function stepUp(message) {
    return new Promise(resolve => {
      const input = el('input', { type: 'text', id: 'stepup-code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6', required: true });
      const error = el('div', { id: 'stepup-error', class: 'refusal', role: 'alert' });
      const dialog = el('dialog', { id: 'stepup-dialog', 'aria-labelledby': 'stepup-title' },
        el('h2', { id: 'stepup-title', text: '验证动态口令' }), el('p', { text: message }),
        el('label', { for: 'stepup-code', text: '动态口令（6位）' }), input, error);
      const form = el('form', { method: 'dialog' },
        el('button', { type: 'submit', id: 'stepup-submit', text: '验证' }), ' ',
        el('button', { type: 'button', class: 'secondary', id: 'stepup-cancel', text: '取消', onclick: () => { dialog.close(); dialog.remove(); resolve(false); } }));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        try {
          await api('POST', '/api/session/code', { code: input.value.trim() });
          dialog.close(); dialog.remove(); resolve(true);
        } catch (e) { showError(error, e); }
      });
      dialog.append(form);
      document.body.append(dialog);
      dialog.showModal();
      input.focus();
    });
  }

  /** Shows an error in place: a refusal of the measures with its article, a field at fault, or the message. */
  function showError(box, err) {
    box.replaceChildren();
    const b = err.body || {};
    if (b.article) box.append(el('span', { class: 'article', text: '【' + b.article + '】' }));
    box.append(el('span', { class: 'message', text: b.message || err.message }));
    if (b.violations && b.violations.length > 1) {
      const ul = el('ul');
      b.violations.slice(1).forEach(v => ul.append(el('li', { text: v.article + '：' + v.message })));
      box.append(ul);
    }
    if (b.requestId) box.append(el('div', { class: 'muted', text: '请求编号 ' + b.requestId }));
  }

  function showOk(box, text) {
    box.replaceChildren(el('div', { class: 'alert ok', text }));
  }

  /* The units' full names by code (太仓市公安局 for TC-GAJ), read once as the page starts. */
  const unitNames = new Map();
  /** A unit's full name, or its code when the unit is not registered. */
  function unit(code) { return code === null || code === undefined ? '—' : (unitNames.get(code) || code); }
  /** A unit's full name with its code as a secondary hint: 太仓市公安局（TC-GAJ）. */
  function unitFull(code) { const name = unitNames.get(code); return name ? name + '（' + code + '）' : unit(code); }
  /** A person by name, with their unit's name: 王经办（太仓市公安局）; the id only when no name is known. */
  function person(name, id, unitCode) {
    const who = name || id || '—';
    return unitCode ? who + '（' + unit(unitCode) + '）' : who;
  }

  async function start(page, roles) {
    try { me = await api('GET', '/api/session'); } catch (e) {
      if (e.status === 401) location.href = 'login.html?' + (e.body.code === 'SESSION_ENDED_SIGNED_IN_ELSEWHERE' ? 'ended=1&' : '') + 'next=' + encodeURIComponent(location.pathname + location.search);
      return null;
    }
    if (me.passwordChangeRequired) { location.href = 'login.html?change=1&next=' + encodeURIComponent(location.pathname + location.search); return null; }
    try {
      const units = await api('GET', '/api/units');
      (units.items || []).forEach(u => unitNames.set(u.code, u.nameZh));
    } catch (e) { /* names are a convenience: the codes are shown instead */ }
    await clock;
    await policyRead;
    const nav = el('nav', { 'aria-label': '主导航' });
    for (const [href, label, allowed] of NAV) {
      if (allowed && !allowed.includes(me.role)) continue;
      nav.append(el('a', { href, class: location.pathname.endsWith(href) ? 'current' : null, text: label }));
    }
    const header = el('header', { class: 'top' },
      el('div', { class: 'brand', text: systemName() }), nav,
      el('div', { class: 'who', id: 'who', text: me.name + '（' + me.roleZh + '，' + unit(me.unit) + '）' }),
      el('a', { href: 'login.html?change=1&next=' + encodeURIComponent(location.pathname + location.search), id: 'change-password', class: 'button secondary', text: '修改密码' }),
      el('button', { class: 'secondary', id: 'logout', type: 'button', onclick: logout, text: '退出' }));
    document.body.prepend(header);
    await finder;
    if (typeof Finder !== 'undefined') Finder.mount(header, me);
    mountBell(header);
    if (policy) document.body.append(el('footer', { id: 'measures', text: '依据《' + policy.nameZh + '》' }));
    if (roles && !roles.includes(me.role)) {
      document.querySelector('main').replaceChildren(el('div', { class: 'alert error', text: (ruleArticle('ART4_ROLE') ? ruleArticle('ART4_ROLE') + '：' : '') + '您的角色（' + me.roleZh + '）无权使用本页面' }));
      return null;
    }
    return me;
  }

  /** The message centre's bell (bell.js) in the header of every signed-in page. */
  function mountBell(header) {
    if (typeof Bell !== 'undefined') { Bell.mount(header); return; }
    const script = el('script', { src: 'bell.js' });
    script.addEventListener('load', () => { if (typeof Bell !== 'undefined') Bell.mount(header); });
    document.head.append(script);
  }

  async function logout() {
    try { await api('DELETE', '/api/session'); } finally { location.href = 'login.html'; }
  }

  function table(headers, rows, id) {
    const t = el('table', { id });
    t.append(el('thead', {}, el('tr', {}, headers.map(h => el('th', { scope: 'col', class: h.endsWith('#') ? 'num' : null, text: h.replace(/#$/, '') })))));
    const tb = el('tbody');
    rows.forEach(r => tb.append(el('tr', {}, r.map(c => c instanceof Node ? el('td', {}, c) : el('td', { text: c === null || c === undefined ? '—' : c })))));
    if (!rows.length) tb.append(el('tr', {}, el('td', { colspan: headers.length, class: 'muted', text: '暂无' })));
    t.append(tb);
    return t;
  }

  function projectLink(id, name) { return el('a', { href: 'project.html?id=' + encodeURIComponent(id), text: name }); }
  // the eight hex digits people quote (ProjectId.shortNumber): a time-ordered number's random end, an earlier one's start
  function shortNumber(id) { return id.charAt(14) === '7' ? id.slice(-8) : id.slice(0, 8); }
  function badge(cls, text) { return el('span', { class: 'badge ' + (cls || ''), text }); }
  function zh(value) { return ENUM_ZH[value] || value; }
  function param(name) { return new URLSearchParams(location.search).get(name); }
  function yuan(text) { if (text === null || text === undefined) return '—'; const [i, f] = String(text).split('.'); return i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f ? '.' + f : '') + ' 元'; }
  function when(iso) { if (!iso) return '—'; const d = new Date(iso); return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }); }

  return { el, api, start, clock, policy: policyRead, article, ruleArticle, cited, cite, measures, now, today, year, showError, showOk, table, projectLink, shortNumber, badge, zh, param, yuan, when, unit, unitFull, person, STATES, ENUM_ZH, get me() { return me; } };
})();
