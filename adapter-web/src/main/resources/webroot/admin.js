'use strict';
(async () => {
  const me = await App.start('admin', ['ADMIN', 'SECURITY_ADMIN']);
  if (!me) return;
  const { el } = App;
  const roleSel = document.getElementById('n-role');
  // 三员分立: the system administrator grants the ordinary roles; the security administrator every role
  const ORDINARY = ['UNIT_STAFF', 'UNIT_LEADER', 'FINANCE', 'CYBERSEC', 'SECRECY', 'EXPERT'];
  const PRIVILEGED = ['BDB_OFFICER', 'AUDIT', 'ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'];
  (me.role === 'SECURITY_ADMIN' ? ORDINARY.concat(PRIVILEGED) : ORDINARY)
    .forEach(r => roleSel.append(el('option', { value: r, text: App.zh(r) })));
  ORDINARY.concat(PRIVILEGED).forEach(r => document.getElementById('af-role').append(el('option', { value: r, text: App.zh(r) })));
  // the account list's filters, kept per person in the browser; the export applies the same filter on the server
  const FILTER = [['q', 'af-q'], ['role', 'af-role'], ['unit', 'af-unit'], ['enabled', 'af-enabled']];
  const kept = Finder.filters('accounts', FILTER.map(f => f[1]));
  let listed = [];
  function filterValues() {
    const v = {};
    for (const [k, id] of FILTER) { const x = document.getElementById(id).value.trim(); if (x) v[k] = x; }
    return v;
  }
  function shown() {
    const f = filterValues();
    const q = (f.q || '').toLowerCase();
    return listed.filter(a => (!q || a.username.toLowerCase().includes(q) || (a.displayName || '').toLowerCase().includes(q))
      && (!f.role || a.role === f.role) && (!f.unit || a.unit === f.unit) && (!f.enabled || String(a.enabled) === f.enabled));
  }
  async function accounts() {
    const data = await App.api('GET', '/api/accounts');
    listed = data.items;
    render();
  }
  function render() {
    const f = new URLSearchParams(filterValues());
    document.getElementById('account-export').href = '/api/exports/accounts.xlsx' + (f.toString() ? '?' + f : '');
    const rows = shown();
    document.getElementById('account-count').textContent = '共 ' + rows.length + ' 个账号' + (rows.length < listed.length ? '（全部 ' + listed.length + ' 个）' : '');
    document.getElementById('accounts').replaceChildren(App.table(['用户名', '姓名', '角色', '单位', '手机', '邮箱', '状态', '', ''], rows.map(a => [
      a.username, a.displayName, a.roleZh, App.unit(a.unit), contact(a, 'mobile'), contact(a, 'email'), a.enabled ? '启用' : '已停用',
      el('span', {}, (a.mobile || a.email) ? reveal(a) : null, el('button', { type: 'button', class: a.enabled ? 'danger' : 'secondary', id: 'toggle-' + a.username, text: a.enabled ? '停用' : '启用',
        onclick: async (event) => {
          try { await App.api('PUT', '/api/accounts/' + encodeURIComponent(a.userId) + '/enabled', { enabled: !a.enabled }); accounts(); } catch (e) { alert(e.message); }
        } }),
        // the security administrator resets another account's second factor (a lost phone); it enrols again
        me.role === 'SECURITY_ADMIN' && a.userId !== me.userId ? el('button', { type: 'button', class: 'secondary', id: 'otp-reset-' + a.username, text: '重置动态口令',
          onclick: async () => {
            if (!confirm('重置「' + a.username + '」的动态口令？该账号须重新绑定身份验证器。')) return;
            try { await App.api('POST', '/api/accounts/' + encodeURIComponent(a.userId) + '/second-factor/reset'); alert('已重置'); } catch (e) { alert(e.message); }
          } }) : null),
      a.userId === me.userId ? '' : resetCell(a)]), 'account-table'));
  }
  /* 安全策略 (security administrator): step-up before the Bureau's and Finance's approvals. */
  async function policy() {
    if (me.role !== 'SECURITY_ADMIN') return;
    const p = await App.api('GET', '/api/security-policy');
    const check = (id, label, on) => el('div', {}, el('label', {}, el('input', { type: 'checkbox', id, checked: on }), ' ' + label));
    const box = el('div', { id: 'policy-result', class: 'refusal', role: 'alert' });
    const form = el('form', { id: 'policy-form' },
      check('policy-bdb', '大数据局审批类操作前须再次验证动态口令', p.stepUpBdbApprovals),
      check('policy-finance', '财政局审批类操作前须再次验证动态口令', p.stepUpFinanceApprovals),
      el('div', {}, el('label', { for: 'policy-minutes', text: '验证的有效时间（分钟，1至60）' }),
        el('input', { type: 'number', id: 'policy-minutes', min: '1', max: '60', value: String(p.stepUpMinutes) })),
      el('p', {}, el('button', { type: 'submit', id: 'policy-save', text: '保存安全策略' })), box);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      box.replaceChildren();
      try {
        await App.api('PUT', '/api/security-policy', { stepUpBdbApprovals: document.getElementById('policy-bdb').checked,
          stepUpFinanceApprovals: document.getElementById('policy-finance').checked,
          stepUpMinutes: Number(document.getElementById('policy-minutes').value) });
        App.showOk(box, '已保存');
      } catch (e) { App.showError(box, e); }
    });
    document.getElementById('main').append(el('section', { class: 'card', id: 'security-policy' }, el('h2', { text: '安全策略' }), form));
    if (p.accounts) document.getElementById('main').append(AccountPolicy.section(p.accounts));
  }
  /* Contacts are listed masked (139****5678, z***@example.cn); 显示 asks for the full values, which is audited. */
  function contact(a, field) { return el('span', { id: field + '-' + a.username, text: a[field] || '' }); }
  function reveal(a) {
    return el('button', { type: 'button', class: 'secondary', id: 'reveal-' + a.username, text: '显示', title: '显示完整的联系方式（记入安全审计）',
      onclick: async (event) => {
        try {
          const full = await App.api('POST', '/api/accounts/' + encodeURIComponent(a.userId) + '/unmask', {});
          document.getElementById('mobile-' + a.username).textContent = full.mobile || '';
          document.getElementById('email-' + a.username).textContent = full.email || '';
          event.target.disabled = true;
        } catch (e) { alert(e.message); }
      } });
  }
  /* 重置密码: the new password typed in place; its owner must change it at the next sign-in. */
  function resetCell(a) {
    const cell = el('span');
    const open = el('button', { type: 'button', class: 'secondary', id: 'reset-' + a.username, text: '重置密码', onclick: () => {
      const input = el('input', { type: 'password', id: 'reset-password-' + a.username, autocomplete: 'new-password', maxlength: '128', 'aria-label': '新密码' });
      const box = el('div', { class: 'refusal', role: 'alert' });
      const ok = el('button', { type: 'button', id: 'reset-ok-' + a.username, text: '确定', onclick: async () => {
        try {
          await App.api('PUT', '/api/accounts/' + encodeURIComponent(a.userId) + '/password', { newPassword: input.value });
          cell.replaceChildren(el('span', { class: 'muted', text: '已重置，须在下次登录时修改' }));
        } catch (e) { App.showError(box, e); }
      } });
      cell.replaceChildren(input, ok, box);
      input.focus();
    } });
    cell.append(open);
    return cell;
  }
  async function units() {
    const data = await App.api('GET', '/api/units');
    document.getElementById('units').replaceChildren(App.table(['单位代码', '单位名称', '类型'], data.items.map(u => [u.code, u.nameZh, u.kindZh]), 'unit-table'));
    const unitSel = document.getElementById('n-unit');
    unitSel.replaceChildren(...data.items.map(u => el('option', { value: u.code, text: u.nameZh + '（' + u.code + '）' })));
    const filterSel = document.getElementById('af-unit');
    const chosen = filterSel.value;
    filterSel.replaceChildren(el('option', { value: '', text: '全部' }), ...data.items.map(u => el('option', { value: u.code, text: u.nameZh })));
    filterSel.value = chosen;
  }
  document.getElementById('account-filter').addEventListener('submit', e => { e.preventDefault(); kept.save(); render(); });
  for (const id of ['af-role', 'af-unit', 'af-enabled']) document.getElementById(id).addEventListener('change', () => { kept.save(); render(); });
  document.getElementById('account-reset').addEventListener('click', () => { kept.reset(); render(); });
  document.getElementById('account-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const box = document.getElementById('account-result');
    box.replaceChildren();
    const v = id => document.getElementById(id).value.trim();
    try {
      await App.api('POST', '/api/accounts', { username: v('n-username'), displayName: v('n-name'), role: v('n-role'),
        unit: v('n-unit'), mobile: v('n-mobile') || null, email: v('n-email') || null, password: document.getElementById('n-password').value });
      event.target.reset();
      accounts();
    } catch (e) { App.showError(box, e); }
  });
  document.getElementById('unit-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const box = document.getElementById('unit-result');
    box.replaceChildren();
    try {
      await App.api('POST', '/api/units', { code: document.getElementById('u-code').value.trim(), nameZh: document.getElementById('u-name').value.trim(), kind: document.getElementById('u-kind').value });
      event.target.reset();
      units();
    } catch (e) { App.showError(box, e); }
  });
  await units().catch(() => { /* the unit filter stays empty */ });
  kept.restore();
  accounts();
  policy();
})();
