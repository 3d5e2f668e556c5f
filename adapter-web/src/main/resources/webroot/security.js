'use strict';
/* The security auditor's page (三员分立): the whole security audit trail, read only, and the check of its chain. */
(async () => {
  const me = await App.start('security', ['AUDIT_ADMIN']);
  if (!me) return;
  const { el } = App;
  // the security policy as the security administrator set it, read only (三员分立)
  App.api('GET', '/api/security-policy').then(p => {
    const yes = b => b ? '须再次验证' : '不要求';
    document.getElementById('policy-view').replaceChildren(App.table(['大数据局审批类操作', '财政局审批类操作', '验证有效时间'],
      [[yes(p.stepUpBdbApprovals), yes(p.stepUpFinanceApprovals), p.stepUpMinutes + ' 分钟']], 'policy-table'));
    if (p.accounts) document.getElementById('policy-view').closest('section').after(AccountPolicy.section(p.accounts));
  }).catch(e => App.showError(document.getElementById('policy-view'), e));
  let page = 1;
  const size = 50;
  // the filters are kept per person in the browser and restored on return; the export holds the filtered records
  const kept = Finder.filters('security', ['s-user', 's-action', 's-from', 's-to']);
  kept.restore();
  async function load() {
    const q = new URLSearchParams({ page, size });
    for (const [k, id] of [['user', 's-user'], ['action', 's-action'], ['from', 's-from'], ['to', 's-to']]) {
      const v = document.getElementById(id).value.trim();
      if (v) q.set(k, v);
    }
    const filter = new URLSearchParams(q);
    filter.delete('page'); filter.delete('size');
    document.getElementById('security-export').href = '/api/exports/security-audit-records.xlsx' + (filter.toString() ? '?' + filter : '');
    const box = document.getElementById('security-error');
    box.replaceChildren();
    try {
      const data = await App.api('GET', '/api/security-audit-records?' + q);
      document.getElementById('security-records').replaceChildren(App.table(['编号', '时间', '用户', '角色', '单位', '操作', '依据', '项目', '摘要', '来源地址', '请求编号'],
        data.items.map(r => [String(r.id), App.when(r.at), App.person(r.actorName, r.userId), r.roleZh, r.unitName || App.unit(r.unit), r.actionZh, r.article,
          r.projectId ? App.shortNumber(r.projectId) : '—', r.summary, r.sourceAddress || '—', r.requestId]), 'security-table'));
      const pages = Math.max(1, Math.ceil(data.total / size));
      document.getElementById('page-info').textContent = '第 ' + page + ' / ' + pages + ' 页，共 ' + data.total + ' 条';
      document.getElementById('prev').disabled = page <= 1;
      document.getElementById('next').disabled = page >= pages;
    } catch (e) { App.showError(box, e); }
  }
  document.getElementById('verify').addEventListener('click', async () => {
    const box = document.getElementById('verify-result');
    box.replaceChildren(el('p', { class: 'muted', text: '正在核验，记录较多时需要一些时间……' }));
    try {
      const v = await Finder.run('核验审计记录链', document.getElementById('verify'), () => App.api('GET', '/api/security-audit/verification'), '审计记录链核验完成');
      box.replaceChildren(el('p', { class: v.intact ? 'alert ok' : 'alert refusal', id: 'verify-message', text: v.messageZh }));
    } catch (e) { App.showError(box, e); }
  });
  document.getElementById('security-form').addEventListener('submit', e => { e.preventDefault(); page = 1; kept.save(); load(); });
  document.getElementById('security-reset').addEventListener('click', () => { kept.reset(); page = 1; load(); });
  document.getElementById('prev').addEventListener('click', () => { page--; load(); });
  document.getElementById('next').addEventListener('click', () => { page++; load(); });
  load();
})();
