/*
 * Finding things, on every signed-in page: the search box in the header (a project by part of its name or the
 * beginning of its number, within what the person may see), the breadcrumbs above the page's title, the lists'
 * remembered filters, and the exports' progress in the page. Loaded by app.js (App.start calls Finder.mount once the
 * header is there).
 */
'use strict';
const Finder = (() => {
  document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: 'finder.css' }));
  const MAX = 50;
  /* those who see no project (the three administrators) get no search box */
  const SEES_PROJECTS = ['UNIT_STAFF', 'UNIT_LEADER', 'BDB_OFFICER', 'FINANCE', 'AUDIT', 'CYBERSEC', 'SECRECY', 'EXPERT'];
  let crumbs = null;

  function mount(header, me) {
    if (SEES_PROJECTS.includes(me.role)) header.insertBefore(searchBox(), header.querySelector('.who'));
    trail(defaultTrail());
    downloads();
  }

  /* ------------------------------------------------------------------------------------------------- search */

  function searchBox() {
    const { el } = App;
    const input = el('input', { type: 'search', id: 'search-q', maxlength: String(MAX), placeholder: '项目名称或编号',
      'aria-label': '搜索项目（名称或编号）', autocomplete: 'off', role: 'combobox', 'aria-expanded': 'false',
      'aria-controls': 'search-results' });
    const results = el('ul', { id: 'search-results', class: 'search-results', role: 'listbox', 'aria-label': '搜索结果', hidden: true });
    const status = el('div', { id: 'search-status', class: 'visually-hidden', role: 'status' });
    const form = el('form', { role: 'search', id: 'site-search', class: 'site-search', 'aria-label': '搜索项目' },
      input, el('button', { type: 'submit', class: 'secondary', id: 'search-go', text: '搜索' }), results, status);
    const close = () => { results.hidden = true; input.setAttribute('aria-expanded', 'false'); };
    const options = () => [...results.querySelectorAll('a')];

    form.addEventListener('submit', async event => {
      event.preventDefault();
      const q = input.value.trim();
      if (!q) { close(); return; }
      if (q.length > MAX) { show([], '搜索内容不能超过' + MAX + '个字'); return; }
      try {
        const data = await App.api('GET', '/api/projects?' + new URLSearchParams({ q, size: 10 }));
        show(data.items, data.total ? '找到 ' + data.total + ' 个项目' + (data.total > data.items.length ? '，显示前 ' + data.items.length + ' 个' : '') : '没有找到与「' + q + '」相符的项目', q, data.total);
      } catch (e) { show([], e.message); }
    });
    function show(items, message, q, total) {
      results.replaceChildren(...items.map((p, i) => el('li', { role: 'presentation' },
        el('a', { href: 'project.html?id=' + encodeURIComponent(p.id), role: 'option', id: 'search-result-' + i, tabindex: '-1',
          class: 'search-result' },
          el('span', { class: 'search-name', text: p.name }), p.classified ? el('span', {}, ' ', App.badge('classified', '涉密')) : null,
          el('span', { class: 'muted', text: ' ' + App.unit(p.unit) + ' · ' + p.planYear + '年度 · ' + p.stateZh })))));
      results.append(el('li', { class: 'muted search-message', role: 'presentation', id: 'search-message', text: message }));
      if (total > items.length) {
        results.append(el('li', { role: 'presentation' }, el('a', { href: 'projects.html?q=' + encodeURIComponent(q), role: 'option', tabindex: '-1',
          id: 'search-all', text: '在项目列表中查看全部' })));
      }
      status.textContent = message;
      results.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
    // the keyboard: Enter searches, ↓ goes into the results, ↑/↓ move among them, Esc closes and returns to the box
    form.addEventListener('keydown', event => {
      const list = options();
      const at = list.indexOf(document.activeElement);
      if (event.key === 'ArrowDown' && !results.hidden && list.length) {
        event.preventDefault();
        list[Math.min(list.length - 1, at + 1)].focus();
      } else if (event.key === 'ArrowUp' && at >= 0) {
        event.preventDefault();
        if (at === 0) input.focus(); else list[at - 1].focus();
      } else if (event.key === 'Escape') {
        close();
        input.focus();
      }
    });
    document.addEventListener('click', event => { if (!form.contains(event.target)) close(); });
    return form;
  }

  /* ------------------------------------------------------------------------------------------------- breadcrumbs */

  /** The trail of the page by its address: 首页 › the page's name (from its title). */
  function defaultTrail() {
    const file = location.pathname.split('/').pop() || 'index.html';
    if (file === 'index.html') return [[null, '首页']];
    if (file === 'project.html') return [['projects.html', '项目列表'], [null, '项目详情']];
    const name = document.title.split(' · ')[0];
    return [[null, name]];
  }

  /**
   * Sets the breadcrumbs: 首页 › each [href, label] (the last one, the page itself, without a link). Drawn above the
   * page's title, as a navigation landmark.
   */
  function trail(items) {
    const { el } = App;
    const main = document.querySelector('main');
    if (!main) return;
    const all = items.length === 1 && items[0][1] === '首页' ? items : [['index.html', '首页'], ...items];
    const ol = el('ol', {});
    all.forEach(([href, label], i) => {
      const last = i === all.length - 1;
      ol.append(el('li', {}, last || !href ? el('span', { 'aria-current': last ? 'page' : null, text: label })
        : el('a', { href, text: label })));
    });
    const nav = el('nav', { class: 'breadcrumbs', id: 'breadcrumbs', 'aria-label': '面包屑导航' }, ol);
    if (crumbs) crumbs.replaceWith(nav); else main.prepend(nav);
    crumbs = nav;
  }

  /* ------------------------------------------------------------------------------------------------- filters */

  /**
   * A list's filters kept in the browser's storage, per person and page: {@code restore()} fills the fields from what
   * was kept (unless the address names filters of its own), {@code save()} keeps the fields' values, {@code reset()}
   * empties the fields and forgets them.
   *
   * @param page   the list's name, e.g. 'projects'
   * @param fields the ids of the inputs (checkboxes keep their checked state)
   */
  function filters(page, fields) {
    const key = 'egov.filters.' + (App.me ? App.me.userId : '-') + '.' + page;
    const read = () => { try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { return null; } };
    return {
      restore() {
        const kept = read();
        if (!kept) return false;
        for (const id of fields) {
          const input = document.getElementById(id);
          if (!input || !(id in kept)) continue;
          if (input.type === 'checkbox') input.checked = kept[id] === true; else input.value = kept[id];
        }
        return true;
      },
      save() {
        const kept = {};
        for (const id of fields) {
          const input = document.getElementById(id);
          if (input) kept[id] = input.type === 'checkbox' ? input.checked : input.value;
        }
        try { localStorage.setItem(key, JSON.stringify(kept)); } catch (e) { /* storage full or off: not kept */ }
      },
      reset() {
        for (const id of fields) {
          const input = document.getElementById(id);
          if (!input) continue;
          if (input.type === 'checkbox') input.checked = false; else input.value = '';
        }
        localStorage.removeItem(key);
      }
    };
  }

  /* ------------------------------------------------------------------------------------------------- exports */

  let status = null;
  let failure = null;

  /** Whether a link downloads an export of the application (an .xlsx or .pdf of /api/). */
  function isExport(link) {
    let url;
    try { url = new URL(link.href, location.href); } catch (e) { return false; }
    return url.origin === location.origin && url.pathname.startsWith('/api/')
      && (url.pathname.startsWith('/api/exports/') || /\.(xlsx|pdf|csv)$/.test(url.pathname)
        || /^\/api\/projects\/[^/]+\/documents\/[^/]+$/.test(url.pathname));
  }

  /**
   * The operation's name as a person reads it: the link's data-operation, else its text without the verb ("导出逾期清单
   * （Excel）" → 逾期清单（Excel）), the page's name when the text names only the format ("导出Excel" on 项目列表 →
   * 项目列表（Excel）).
   */
  function operation(link) {
    if (link.dataset.operation) return link.dataset.operation;
    const rest = link.textContent.trim().replace(/^(导出|下载)/, '');
    return /^(Excel|PDF)?$/.test(rest) ? document.title.split(' · ')[0] + '（' + (rest || 'Excel') + '）' : rest;
  }

  /**
   * Every export link of the page downloads through the page, so that the person sees it run: while it runs the link
   * is disabled (aria-disabled, further clicks ignored) and a status line announced to screen readers names the
   * operation; once the file is there it says so; a refusal (too many exports, a filter that finds too many rows, a
   * session that ended) is told in Chinese as an alert, with the request's number.
   */
  function downloads() {
    const { el } = App;
    if (status) return;
    status = el('div', { id: 'operation-status', class: 'operation-status', role: 'status', 'aria-live': 'polite' });
    failure = el('div', { id: 'operation-error', class: 'operation-error refusal', role: 'alert', hidden: true });
    document.body.append(el('div', { class: 'operations', id: 'operations' }, status, failure));
    document.addEventListener('click', event => {
      const link = event.target.closest ? event.target.closest('a[href]') : null;
      if (!link || !isExport(link) || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      if (link.getAttribute('aria-disabled') === 'true') return;
      download(link);
    });
  }

  async function download(link) {
    const { el } = App;
    const name = operation(link);
    const verb = link.dataset.verb || (/^下载/.test(link.textContent.trim()) ? '下载' : '导出');
    link.setAttribute('aria-disabled', 'true');
    link.setAttribute('aria-busy', 'true');
    link.classList.add('busy');
    failure.hidden = true;
    failure.replaceChildren();
    status.classList.add('running');
    status.replaceChildren(el('span', { class: 'spinner', 'aria-hidden': 'true' }), '正在' + verb + '：' + name + '，请稍候……');
    try {
      const r = await fetch(link.href, { credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } });
      if (!r.ok) {
        let body = null;
        try { body = await r.json(); } catch (e) { body = null; }
        const ended = r.status === 401 && !(body && body.code === 'SESSION_ENDED_SIGNED_IN_ELSEWHERE');
        const message = ended ? '登录已失效，请重新登录后再' + verb : body && body.message ? body.message : verb + '失败（' + r.status + '），请稍后再试';
        throw Object.assign(new Error(message), { body: Object.assign({}, body || {}, { message }) });
      }
      const blob = await r.blob();
      const file = fileName(r.headers.get('Content-Disposition')) || 'export';
      const url = URL.createObjectURL(blob);
      const a = el('a', { href: url, download: file, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      status.replaceChildren('已' + verb + '：' + name + '（' + file + '）');
    } catch (e) {
      status.replaceChildren(verb + '未完成：' + name);
      const message = e.body ? e : Object.assign(new Error('网络连接失败，' + verb + '未完成，请检查网络后再试'), { body: {} });
      App.showError(failure, message);
      failure.prepend(el('strong', { text: name + '：' }));
      failure.append(el('button', { type: 'button', class: 'secondary', id: 'operation-error-close', text: '关闭',
        onclick: () => { failure.hidden = true; link.focus(); } }));
      failure.hidden = false;
    } finally {
      status.classList.remove('running');
      link.removeAttribute('aria-disabled');
      link.removeAttribute('aria-busy');
      link.classList.remove('busy');
    }
  }

  /**
   * A long operation started from a page (an upload, a check of the audit chain): while it runs the control that
   * started it is disabled and busy and the status line, announced to screen readers, names it; a failure is told in
   * Chinese as an alert (the refusal's own words and request number), a success said in the status line.
   *
   * @param name    the operation as a person reads it, e.g. '上传文档「合同.pdf」'
   * @param control the button (or link) that started it
   * @param work    an async function doing it; its result is returned
   * @param done    what the status line says once done (default '已完成：' + name)
   */
  async function run(name, control, work, done) {
    const { el } = App;
    downloads();
    control.disabled = true;
    control.setAttribute('aria-busy', 'true');
    failure.hidden = true;
    failure.replaceChildren();
    status.classList.add('running');
    status.replaceChildren(el('span', { class: 'spinner', 'aria-hidden': 'true' }), '正在' + name + '，请稍候……');
    try {
      const result = await work();
      status.replaceChildren(done || '已完成：' + name);
      return result;
    } catch (e) {
      status.replaceChildren('未完成：' + name);
      App.showError(failure, e.body ? e : Object.assign(new Error(e && e.message ? e.message : '操作失败，请稍后再试'), { body: {} }));
      failure.prepend(el('strong', { text: name + '：' }));
      failure.append(el('button', { type: 'button', class: 'secondary', id: 'operation-error-close', text: '关闭',
        onclick: () => { failure.hidden = true; control.focus(); } }));
      failure.hidden = false;
      throw e;
    } finally {
      status.classList.remove('running');
      control.disabled = false;
      control.removeAttribute('aria-busy');
    }
  }

  /** The file's name from a Content-Disposition header (its UTF-8 filename* when given). */
  function fileName(header) {
    if (!header) return null;
    const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (star) { try { return decodeURIComponent(star[1]); } catch (e) { /* the plain name below */ } }
    const plain = /filename="([^"]+)"/i.exec(header);
    return plain ? plain[1] : null;
  }

  return { mount, trail, filters, download, run };
})();
