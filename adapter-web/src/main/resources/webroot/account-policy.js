'use strict';
/* 身份鉴别策略: the password, lockout, session and export rules in force, read only (set by the deployment's settings),
   shown to the security administrator (系统管理) and the security auditor (安全审计). */
const AccountPolicy = (() => {
  function table(a) {
    const rows = [
      ['口令长度', a.passwordMinLength + ' 至 ' + a.passwordMaxLength + ' 个字符'],
      ['口令复杂度', '大写字母、小写字母、数字、其他字符（符号、空格、汉字等）中至少 ' + a.passwordMinClasses + ' 类，不得含用户名'],
      ['口令历史', '不得与最近 ' + a.passwordHistory + ' 次口令相同'],
      ['口令有效期', a.passwordMaxAgeDays + ' 天，到期须修改；管理员设置的口令首次登录须修改'],
      ['长期未用账号', '连续 ' + a.dormantDays + ' 天未登录即停用'],
      ['登录失败处理', a.lockoutWindowMinutes + ' 分钟内连续失败 ' + a.lockoutFailures + ' 次（口令、修改口令时的当前口令、动态口令）锁定 ' + a.lockMinutes + ' 分钟'],
      ['同时在线会话', '三员账号 ' + a.administratorSessions + ' 个，其他账号 ' + a.otherSessions + ' 个；新登录结束最早的会话'],
      ['会话空闲超时', a.sessionIdleMinutes ? a.sessionIdleMinutes + ' 分钟' : '—'],
      ['导出限制', '每账号、每来源地址 ' + a.exportWindowMinutes + ' 分钟内最多 ' + a.exportsPerWindow + ' 次'],
    ];
    return App.table(['项目', '当前策略'], rows, 'account-policy-table');
  }
  /* A section with the table and where the values are set. */
  function section(a) {
    return App.el('section', { class: 'card', id: 'account-policy' }, App.el('h2', { text: '身份鉴别策略' }), table(a),
      App.el('p', { class: 'muted', text: '由部署配置设定（EGOV_PASSWORD_MAX_AGE_DAYS、EGOV_PASSWORD_HISTORY、EGOV_DORMANT_DAYS、EGOV_SESSION_LIMIT、EGOV_EXPORT_LIMIT），本页只读；长度、复杂度和锁定规则为系统固定的等保三级要求。' }));
  }
  return { table, section };
})();
