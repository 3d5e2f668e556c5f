/*
 * Finding things, on every signed-in page: the search box in the header (a project by part of its name or the
 * beginning of its number, within what the person may see), the breadcrumbs above the page's title, and the lists'
 * remembered filters. Loaded by app.js (App.start calls Finder.mount once the header is there).
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

  return { mount, trail, filters };
})();
