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
  async function accounts() {
    const data = await App.api('GET', '/api/accounts');
    document.getElementById('accounts').replaceChildren(App.table(['用户名', '姓名', '角色', '单位', '手机', '邮箱', '状态', ''], data.items.map(a => [
      a.username, a.displayName, a.roleZh, a.unit, contact(a, 'mobile'), contact(a, 'email'), a.enabled ? '启用' : '已停用',
      el('div', {}, (a.mobile || a.email) ? reveal(a) : null, el('button', { type: 'button', class: a.enabled ? 'danger' : 'secondary', id: 'toggle-' + a.username, text: a.enabled ? '停用' : '启用',
        onclick: async (event) => {
          try { await App.api('PUT', '/api/accounts/' + encodeURIComponent(a.userId) + '/enabled', { enabled: !a.enabled }); accounts(); } catch (e) { alert(e.message); }
        } }))]), 'account-table'));
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
  async function units() {
    const data = await App.api('GET', '/api/units');
    document.getElementById('units').replaceChildren(App.table(['单位代码', '单位名称', '类型'], data.items.map(u => [u.code, u.nameZh, u.kindZh]), 'unit-table'));
    const unitSel = document.getElementById('n-unit');
    unitSel.replaceChildren(...data.items.map(u => el('option', { value: u.code, text: u.nameZh + '（' + u.code + '）' })));
  }
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
  accounts();
  units();
})();
