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
    document.getElementById('accounts').replaceChildren(App.table(['用户名', '姓名', '角色', '单位', '手机', '邮箱', '状态', '', ''], data.items.map(a => [
      a.username, a.displayName, a.roleZh, a.unit, a.mobile, a.email, a.enabled ? '启用' : '已停用',
      el('button', { type: 'button', class: a.enabled ? 'danger' : 'secondary', id: 'toggle-' + a.username, text: a.enabled ? '停用' : '启用',
        onclick: async (event) => {
          try { await App.api('PUT', '/api/accounts/' + encodeURIComponent(a.userId) + '/enabled', { enabled: !a.enabled }); accounts(); } catch (e) { alert(e.message); }
        } }),
      a.userId === me.userId ? '' : resetCell(a)]), 'account-table'));
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
