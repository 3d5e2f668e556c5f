'use strict';
(async () => {
  const { el } = App;
  // public page: the navigation shows when somebody is signed in
  fetch('/api/session', { headers: { 'X-Requested-With': 'fetch' }, credentials: 'same-origin' })
    .then(r => { if (r.ok) App.start('calculator'); });
  await App.clock;
  // each period's article and length from the pack in force (GET /api/policy): the page writes none of its own
  const pack = await App.policy;
  if (pack) {
    document.querySelectorAll('#c-kind option').forEach(o => {
      const p = pack.periods[o.value];
      if (p) o.textContent = o.dataset.name + '（' + p.article + '，' + (o.dataset.term || p.term) + '）';
    });
  }
  document.getElementById('c-start').value = App.today();
  document.getElementById('calc-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const box = document.getElementById('calc-error');
    const out = document.getElementById('calc-result');
    box.replaceChildren(); out.replaceChildren();
    const q = new URLSearchParams({ kind: document.getElementById('c-kind').value, start: document.getElementById('c-start').value,
      software: document.getElementById('c-software').checked });
    try {
      const r = await App.api('GET', '/api/deadlines/compute?' + q);
      out.replaceChildren(el('div', { class: 'alert ok' },
        el('div', {}, r.dueIs === 'FIRST_DAY_ALLOWED' ? '最早可于 ' : '最后一日：', el('strong', { id: 'due', text: r.due }), '（' + r.dueWeekday + '）'),
        el('div', {}, '依据：' + r.article + '；期间：' + r.term + '；起算日 ' + r.start + '（不计入）'),
        r.provisional ? el('div', { text: '该年度官方节假日安排尚未收录，结果按周一至周五暂定。' }) : ''));
    } catch (e) { App.showError(box, e); }
  });
})();
