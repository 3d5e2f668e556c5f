'use strict';
(async () => {
  const me = await App.start('finance', ['FINANCE']);
  if (!me) return;
  const queues = document.getElementById('queues');
  await Oversight.queue(queues, '待提出资金安排意见（' + App.article('REVIEW_AND_APPROVAL') + '）', 'REVIEWED');
  await Oversight.queue(queues, '已终止、待收回资金（' + App.article('START_AND_TERMINATION') + '）', 'TERMINATED');
  try {
    const data = await App.api('GET', '/api/me/deadlines?days=400');
    document.getElementById('final-accounts').replaceChildren(App.table(['项目', '单位', '依据', '到期日', '状态'], data.items.map(i => [
      App.projectLink(i.projectId, i.projectName), App.unit(i.unit), i.article, i.due, App.badge(i.urgency, i.urgencyZh)]), 'final-accounts-table'));
  } catch (e) { App.showError(document.getElementById('final-accounts'), e); }
  Oversight.planExport(document.getElementById('export-plan'));
  Oversight.performance(document.getElementById('performance'), false);
})();
