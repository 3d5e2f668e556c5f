'use strict';
(async () => {
  const me = await App.start();
  if (!me) return;
  const home = { ADMIN: 'admin.html', SECURITY_ADMIN: 'admin.html', AUDIT_ADMIN: 'security.html', AUDIT: 'audit.html', CYBERSEC: 'projects.html', SECRECY: 'projects.html', EXPERT: 'expert.html' };
  location.replace(home[me.role] || 'todo.html');
})();
