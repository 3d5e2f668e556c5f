/* 统计图表: each chart drawn with Apache ECharts (served by the application) from the table the API answers, the
 * same table one click away, a PNG of the chart and the table as Excel. */
'use strict';
(async () => {
  const me = await App.start('statistics', ['UNIT_STAFF', 'UNIT_LEADER', 'BDB_OFFICER', 'FINANCE', 'AUDIT']);
  if (!me) return;
  const { el } = App;
  const box = document.getElementById('charts');
  const error = document.getElementById('stats-error');
  const yearInput = document.getElementById('s-year');
  if (App.param('year')) yearInput.value = App.param('year');
  const drawn = [];

  const number = v => typeof v === 'number' ? v : Number(v);
  const label = (v, unit) => unit === '%' ? v + '%' : unit === '元' ? App.yuan(String(v)) : v + ' ' + unit;

  /** The ECharts option of a chart: a pie of its first plotted column, or bars / a line per plotted column. */
  function option(c) {
    const names = c.rows.map(r => String(r[0]));
    const base = { animation: false, textStyle: { fontFamily: 'sans-serif' }, aria: { enabled: true } };
    if (c.type === 'pie') {
      const col = c.plot[0];
      return Object.assign(base, {
        tooltip: { trigger: 'item', formatter: p => p.name + '：' + label(p.value, c.valueUnit) + '（' + p.percent + '%）' },
        legend: { type: 'scroll', bottom: 0 },
        series: [{ name: c.headers[col], type: 'pie', radius: ['30%', '62%'], top: 0, bottom: 30,
          label: { formatter: '{b}\n{c}' }, data: c.rows.map(r => ({ name: String(r[0]), value: number(r[col]) })) }]
      });
    }
    return Object.assign(base, {
      tooltip: { trigger: 'axis', valueFormatter: v => label(v, c.valueUnit) },
      grid: { left: 16, right: 24, top: 30, bottom: 16, containLabel: true },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 5 ? 30 : 0 } },
      yAxis: { type: 'value', name: c.valueUnit === '元' ? '元' : c.valueUnit, max: c.valueUnit === '%' ? 100 : null, minInterval: c.valueUnit === '%' || c.valueUnit === '元' ? 0 : 1 },
      series: c.plot.map(col => ({ name: c.headers[col], type: c.type, data: c.rows.map(r => number(r[col])),
        label: { show: c.rows.length <= 12, position: 'top' } }))
    });
  }

  function chartCard(c) {
    let chart = null;
    const card = el('section', { class: 'card chart-card', id: 'chart-' + c.id, 'aria-labelledby': 'title-' + c.id });
    const canvas = el('div', { class: 'chart', id: 'canvas-' + c.id, role: 'img', 'aria-label': c.title });
    const table = App.table(c.headers.map((h, i) => i > 0 ? h + '#' : h), c.rows.map(r => r.map((v, i) =>
      i > 0 && c.headers[i].indexOf('元') >= 0 ? App.yuan(String(v)) : v)), 'table-' + c.id);
    const tableBox = el('div', { class: 'chart-table', id: 'tablebox-' + c.id, hidden: true }, table);
    const toggle = el('button', { type: 'button', class: 'secondary', id: 'toggle-' + c.id, 'aria-controls': 'tablebox-' + c.id,
      'aria-expanded': 'false', text: '表格' });
    toggle.addEventListener('click', () => {
      const show = tableBox.hidden;
      tableBox.hidden = !show;
      canvas.hidden = show;
      toggle.textContent = show ? '图表' : '表格';
      toggle.setAttribute('aria-expanded', String(show));
      if (!show) chart && chart.resize();
    });
    const png = el('button', { type: 'button', class: 'secondary', id: 'png-' + c.id, text: '下载图片' });
    const xlsx = el('a', { class: 'button secondary', id: 'xlsx-' + c.id, text: '导出Excel',
      href: '/api/exports/statistics.xlsx?' + new URLSearchParams(Object.assign({ chart: c.id }, yearInput.value ? { year: yearInput.value } : {})) });
    card.append(el('div', { class: 'chart-head' }, el('h2', { id: 'title-' + c.id, text: c.title }),
      el('div', { class: 'chart-tools' }, toggle, ' ', png, ' ', xlsx)));
    if (!c.rows.length) {
      card.append(el('p', { class: 'muted', id: 'empty-' + c.id, text: '暂无数据' }), tableBox);
      png.disabled = true;
      return card;
    }
    card.append(canvas, tableBox);
    // drawn once the card is in the page: a chart needs its box's size
    card.draw = () => {
      if (window.echarts) {
        chart = echarts.init(canvas, null, { renderer: 'canvas' });
        chart.setOption(option(c));
        canvas.setAttribute('data-rendered', 'true');
        drawn.push(chart);
      } else {
        canvas.replaceChildren(el('p', { class: 'muted', text: '图表脚本未能加载，请查看表格。' }));
        tableBox.hidden = false;
      }
    };
    png.addEventListener('click', () => {
      if (!chart) return;
      const a = el('a', { href: chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }), download: c.title + '.png' });
      document.body.append(a);
      a.click();
      a.remove();
    });
    return card;
  }

  async function load() {
    error.replaceChildren();
    const q = yearInput.value ? '?year=' + encodeURIComponent(yearInput.value) : '';
    document.getElementById('stats-export').href = '/api/exports/statistics.xlsx' + q;
    try {
      const data = await App.api('GET', '/api/statistics' + q);
      drawn.splice(0).forEach(c => c.dispose());
      const cards = data.charts.map(chartCard);
      box.replaceChildren(...cards);
      cards.forEach(card => card.draw && card.draw());
      document.getElementById('stats-asof').textContent = '统计日期：' + data.asOf + (data.year ? '；按期办结率只计 ' + data.year + ' 年到期的期限' : '');
    } catch (e) { App.showError(error, e); }
  }
  document.getElementById('stats-form').addEventListener('submit', event => { event.preventDefault(); load(); });
  window.addEventListener('resize', () => drawn.forEach(c => c.resize()));
  await load();
})();
