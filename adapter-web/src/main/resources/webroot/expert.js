'use strict';
(async () => {
  const me = await App.start('expert', ['EXPERT']);
  if (!me) return;
  const { el } = App;
  const root = document.getElementById('reviews');
  const VERDICTS = [['AGREE', '同意'], ['AGREE_WITH_CHANGES', '修改后同意'], ['DISAGREE', '不同意']];

  function flash(text) {
    document.getElementById('flash-box').replaceChildren(el('div', { class: 'alert ok', role: 'status', id: 'flash', text }));
  }

  function invitation(i, declaration) {
    const key = i.drawId;
    const base = '/api/projects/' + encodeURIComponent(i.projectId) + '/expert-review';
    const box = el('div', { class: 'refusal', role: 'alert', 'aria-live': 'assertive', id: 'error-' + key });
    const card = el('article', { class: 'card invitation', id: 'review-' + key, 'data-project': i.projectId });
    const dl = el('dl', { class: 'facts' });
    const add = (k, v) => dl.append(el('dt', { text: k }), el('dd', {}, v === null || v === undefined || v === '' ? '—' : v));
    add('用途', i.purposeZh);
    add('实施单位', App.unitFull(i.unit));
    add('投标企业', i.vendors.length ? i.vendors.map(v => v.name).join('；') : '无');
    add('状态', App.badge(i.status, i.statusZh));
    if (i.declaredAt) add('签署回避声明', App.when(i.declaredAt));
    if (i.opinion) add('评审意见', el('span', { id: 'opinion-' + key }, el('strong', { text: i.opinion.verdictZh }),
      (i.opinion.score !== null && i.opinion.score !== undefined ? '，评分 ' + i.opinion.score : '') + (i.opinion.comments ? '：' + i.opinion.comments : '')
      + '（' + App.when(i.opinion.at) + '）'));
    card.append(el('h2', {}, App.projectLink(i.projectId, i.projectName)), dl);

    async function send(method, path, body, done) {
      box.replaceChildren();
      try { await App.api(method, base + path, body); await load(done); } catch (e) { App.showError(box, e); }
    }

    if (i.status === 'INVITED') {
      const agree = el('input', { type: 'checkbox', id: 'agree-' + key });
      const sign = el('form', { id: 'declare-form-' + key, class: 'declaration', novalidate: true },
        el('h3', { text: '回避声明' }), el('p', { class: 'declaration-text', text: declaration }),
        el('div', {}, agree, ' ', el('label', { for: 'agree-' + key, text: '本人已阅读并作出上述声明' })),
        el('p', {}, el('button', { type: 'submit', id: 'declare-' + key, text: '签署回避声明' })));
      sign.addEventListener('submit', (event) => {
        event.preventDefault();
        if (!agree.checked) { box.replaceChildren(el('span', { class: 'message', text: '请先勾选确认回避声明' })); return; }
        send('POST', '/declaration', { agree: true }, '已签署回避声明：' + i.projectName);
      });
      card.append(sign);
    }
    if (i.status !== 'DECLINED' && !i.opinion) {
      const reason = el('textarea', { id: 'decline-reason-' + key, rows: 2, maxlength: 500 });
      const decline = el('details', { id: 'decline-' + key },
        el('summary', { text: '回避或谢绝本次评审' }),
        el('form', { novalidate: true, onsubmit: (event) => { event.preventDefault(); send('POST', '/decline', { reason: reason.value.trim() || null }, '已谢绝：' + i.projectName); } },
          el('label', { for: 'decline-reason-' + key, text: '理由（如存在应当回避的情形）' }), reason,
          el('p', {}, el('button', { type: 'submit', class: 'secondary', id: 'decline-submit-' + key, text: '谢绝并由备选专家递补' }))));
      card.append(decline);
    }
    if (i.status === 'DECLARED') {
      const verdict = el('select', { id: 'verdict-' + key }, VERDICTS.map(([v, t]) => el('option', { value: v, text: t, selected: i.opinion && i.opinion.verdict === v })));
      const score = el('input', { type: 'number', id: 'score-' + key, min: 0, max: 100, step: 1, value: i.opinion && i.opinion.score !== null ? i.opinion.score : null });
      const comments = el('textarea', { id: 'comments-' + key, rows: 4, maxlength: 4000 });
      if (i.opinion && i.opinion.comments) comments.value = i.opinion.comments;
      const form = el('form', { id: 'opinion-form-' + key, novalidate: true },
        el('h3', { text: i.opinion ? '修改评审意见' : '填写评审意见' }),
        el('div', { class: 'row' },
          el('div', {}, el('label', { for: 'verdict-' + key, text: '评审结论' }), verdict),
          el('div', {}, el('label', { for: 'score-' + key, text: '评分（0–100）' }), score)),
        el('label', { for: 'comments-' + key, text: '评审意见' }), comments,
        el('p', {}, el('button', { type: 'submit', id: 'opinion-submit-' + key, text: '提交评审意见' })));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        send('PUT', '/opinion', { verdict: verdict.value, score: score.value === '' ? null : parseInt(score.value, 10), comments: comments.value.trim() || null },
          '已提交评审意见：' + i.projectName);
      });
      card.append(form);
    }
    card.append(box);
    return card;
  }

  async function load(done) {
    const data = await App.api('GET', '/api/expert/reviews');
    if (done) flash(done);
    root.replaceChildren(...(data.invitations.length ? data.invitations.map(i => invitation(i, data.declaration))
      : [el('p', { class: 'muted', id: 'reviews-none', text: '目前没有邀请您参加的评审。' })]));
  }

  try { await load(); } catch (e) { root.replaceChildren(el('div', { class: 'refusal', role: 'alert' })); App.showError(root.firstChild, e); }
})();
