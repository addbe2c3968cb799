// The managers' dashboard: reads the report API (docs/reports.md) and draws the totals, the league table, the daily
// chart and the overdue list. Filters live in the address (?from=&to=&district=&level=&lang=&wall=1), so a view can
// be bookmarked or put on a wall screen.
'use strict';
(function () {
  const API = '/api/v1/reports';
  const ZONE = 'Asia/Shanghai';
  const LABELS = window.DASHBOARD_LABELS;
  const KPIS = ['received', 'signedOnTimeRate', 'resolvedOnTimeRate', 'responseRate', 'resolutionRate',
    'satisfactionRate', 'openNow', 'overdueNow'];
  const LEAGUE = ['name', 'received', 'signedOnTimeRate', 'contactedOnTimeRate', 'resolvedOnTimeRate',
    'reassignedOnTimeRate', 'openNow', 'overdueNow', 'signHoursMedian', 'resolveHoursMedian', 'resolveHoursP90',
    'returns', 'extensionsApproved', 'escalations', 'responseRate', 'resolutionRate', 'satisfactionRate'];
  const OVERDUE = ['ticketNo', 'office', 'target', 'deadline', 'overdueBy', 'escalated'];
  const WALL_REFRESH_MS = 60000;

  const state = { lang: 'zh', sortKey: 'resolvedOnTimeRate', sortDescending: true, league: [], chart: null,
    timer: null, request: 0 };
  const $ = (id) => document.getElementById(id);
  const t = (key) => (LABELS[state.lang][key] !== undefined ? LABELS[state.lang][key] : key);
  const isRate = (key) => key.endsWith('Rate');

  function today() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
  }

  function readAddress() {
    const query = new URLSearchParams(window.location.search);
    const to = query.get('to') || today();
    $('to').value = to;
    $('from').value = query.get('from') || to.slice(0, 8) + '01';
    $('level').value = query.get('level') === 'district' ? 'district' : 'town';
    state.pendingDistrict = query.get('district') || '';
    const lang = query.get('lang') || (navigator.language || 'zh').slice(0, 2);
    state.lang = lang === 'en' ? 'en' : 'zh';
    document.body.classList.toggle('wall', query.get('wall') === '1');
  }

  function filters() {
    const district = $('district').value || state.pendingDistrict || '';
    return { from: $('from').value, to: $('to').value, district: district, level: $('level').value };
  }

  function writeAddress() {
    const f = filters();
    const query = new URLSearchParams({ from: f.from, to: f.to, level: f.level, lang: state.lang });
    if (f.district) query.set('district', f.district);
    if (document.body.classList.contains('wall')) query.set('wall', '1');
    window.history.replaceState(null, '', '?' + query.toString());
  }

  function query(params) {
    const search = new URLSearchParams();
    Object.keys(params).forEach((key) => { if (params[key]) search.set(key, params[key]); });
    return search.toString();
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.detail || response.status);
    }
    return body;
  }

  function text(value, key) {
    if (value === null || value === undefined) return '—';
    if (isRate(key)) return value.toFixed(1) + '%';
    return String(value);
  }

  function cell(tag, content, attributes) {
    const element = document.createElement(tag);
    element.textContent = content;
    Object.keys(attributes || {}).forEach((name) => element.setAttribute(name, attributes[name]));
    return element;
  }

  function applyLabels() {
    document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-i18n]').forEach((element) => {
      element.textContent = t(element.getAttribute('data-i18n'));
    });
    $('lang').textContent = state.lang === 'en' ? '中文' : 'EN';
    document.title = t('title');
  }

  function drawKpis(total) {
    const kpis = $('kpis');
    kpis.replaceChildren();
    KPIS.forEach((key) => {
      const card = document.createElement('div');
      card.className = 'kpi';
      card.setAttribute('data-kpi', key);
      card.append(cell('span', t(key), { class: 'label' }), cell('strong', text(total[key], key), { class: 'value' }));
      kpis.append(card);
    });
  }

  function compare(a, b) {
    const x = a[state.sortKey];
    const y = b[state.sortKey];
    if (x === y) return String(a.key).localeCompare(String(b.key));
    if (x === null || x === undefined) return 1;      // no figure: last, whatever the direction
    if (y === null || y === undefined) return -1;
    const order = typeof x === 'string' ? x.localeCompare(y, 'zh-CN') : x - y;
    return state.sortDescending ? -order : order;
  }

  function groupName(group) {
    if (group.key === 'city') return t('city');
    return group.name || group.key;
  }

  function drawLeague() {
    const head = document.querySelector('#league thead tr');
    head.replaceChildren();
    LEAGUE.forEach((key) => {
      const arrow = key === state.sortKey ? (state.sortDescending ? ' ▼' : ' ▲') : '';
      const th = cell('th', t(key) + arrow, { 'data-sort': key, scope: 'col' });
      th.addEventListener('click', () => {
        state.sortDescending = key === state.sortKey ? !state.sortDescending : key !== 'name';
        state.sortKey = key;
        drawLeague();
      });
      head.append(th);
    });
    const body = document.querySelector('#league tbody');
    body.replaceChildren();
    state.league.slice().sort(compare).forEach((group) => {
      const row = document.createElement('tr');
      row.setAttribute('data-key', group.key);
      LEAGUE.forEach((key) => {
        row.append(cell('td', key === 'name' ? groupName(group) : text(group[key], key), { 'data-col': key }));
      });
      body.append(row);
    });
    if (state.league.length === 0) {
      const row = document.createElement('tr');
      row.append(cell('td', t('noData'), { colspan: String(LEAGUE.length) }));
      body.append(row);
    }
  }

  function days(from, to) {
    const list = [];
    for (let day = new Date(from + 'T00:00:00Z'); day <= new Date(to + 'T00:00:00Z');
      day.setUTCDate(day.getUTCDate() + 1)) {
      list.push(day.toISOString().slice(0, 10));
    }
    return list;
  }

  function drawDaily(report) {
    if (!state.chart) {
      state.chart = window.echarts.init($('daily-chart'));
      window.addEventListener('resize', () => state.chart.resize());
    }
    const byDay = {};
    report.groups.forEach((group) => { byDay[group.key] = group; });
    const axis = days(report.from, report.to);
    const series = (key) => axis.map((day) => (byDay[day] ? byDay[day][key] : null));
    state.chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: axis.map((day) => day.slice(5)) },
      yAxis: [{ type: 'value', name: t('received'), minInterval: 1 },
        { type: 'value', name: '%', min: 0, max: 100 }],
      series: [
        { name: t('received'), type: 'bar', data: axis.map((day) => (byDay[day] ? byDay[day].received : 0)) },
        { name: t('signedOnTimeRate'), type: 'line', yAxisIndex: 1, connectNulls: true,
          data: series('signedOnTimeRate') },
        { name: t('resolvedOnTimeRate'), type: 'line', yAxisIndex: 1, connectNulls: true,
          data: series('resolvedOnTimeRate') }
      ]
    }, true);
  }

  function drawOverdue(page) {
    $('overdue-total').textContent = '(' + page.total + ')';
    const head = document.querySelector('#overdue thead tr');
    head.replaceChildren(...OVERDUE.map((key) => cell('th', t(key), { scope: 'col' })));
    const now = new Date(page.generatedAt).getTime();
    const time = new Intl.DateTimeFormat(state.lang === 'en' ? 'en-GB' : 'zh-CN',
      { timeZone: ZONE, dateStyle: 'short', timeStyle: 'short' });
    const body = document.querySelector('#overdue tbody');
    body.replaceChildren(...page.items.map((item) => {
      const row = document.createElement('tr');
      row.setAttribute('data-ticket', item.ticketNo);
      const deadline = item.deadline ? new Date(item.deadline) : null;
      const values = {
        ticketNo: item.ticketNo,
        office: item.office.name,
        target: t(item.target),
        deadline: deadline ? time.format(deadline) : '—',
        overdueBy: deadline ? Math.max(0, Math.round((now - deadline.getTime()) / 3600000)).toString() : '—',
        escalated: item.escalated ? t('yes') : t('no')
      };
      OVERDUE.forEach((key) => row.append(cell('td', values[key], { 'data-col': key })));
      return row;
    }));
  }

  function fillDistricts(report, selected) {
    const select = $('district');
    const first = select.options[0];
    const options = report.groups.filter((group) => group.key !== 'city')
      .map((group) => cell('option', group.key + ' ' + (group.name || ''), { value: group.key }));
    if (selected && !report.groups.some((group) => group.key === selected)) {
      options.push(cell('option', selected, { value: selected }));   // a bookmarked district without tickets
    }
    select.replaceChildren(first, ...options);
    select.value = selected;
  }

  async function refresh() {
    const f = filters();
    const request = ++state.request;
    writeAddress();
    $('status').textContent = t('loading');
    $('csv').href = API + '/sla?' + query({ from: f.from, to: f.to, groupBy: f.level, district: f.district,
      format: 'csv' });
    try {
      const [league, districts, daily, overdue] = await Promise.all([
        getJson(API + '/sla?' + query({ from: f.from, to: f.to, groupBy: f.level, district: f.district })),
        getJson(API + '/sla?' + query({ from: f.from, to: f.to, groupBy: 'district' })),
        getJson(API + '/sla?' + query({ from: f.from, to: f.to, groupBy: 'day', district: f.district })),
        getJson(API + '/overdue?' + query({ district: f.district, size: 50 }))]);
      if (request !== state.request) return;          // a newer refresh has started: its figures win
      fillDistricts(districts, f.district);
      state.pendingDistrict = '';
      state.league = league.groups;
      drawKpis(league.total);
      drawLeague();
      drawDaily(daily);
      drawOverdue(overdue);
      $('generated').textContent = t('generated') + ' ' + new Date(league.generatedAt).toLocaleString();
      $('status').textContent = '';
      document.body.setAttribute('data-loaded', String(request));
    } catch (error) {
      $('status').textContent = t('failed') + error.message;
    }
  }

  function setWall(on) {
    document.body.classList.toggle('wall', on);
    clearInterval(state.timer);
    if (on) state.timer = setInterval(refresh, WALL_REFRESH_MS);
    if (state.chart) state.chart.resize();
  }

  function start() {
    readAddress();
    applyLabels();
    $('filters').addEventListener('submit', (event) => { event.preventDefault(); refresh(); });
    ['from', 'to', 'district', 'level'].forEach((id) => $(id).addEventListener('change', refresh));
    $('lang').addEventListener('click', () => {
      state.lang = state.lang === 'en' ? 'zh' : 'en';
      applyLabels();
      refresh();
    });
    $('wall').addEventListener('click', () => { setWall(!document.body.classList.contains('wall')); writeAddress(); });
    setWall(document.body.classList.contains('wall'));
    refresh();
  }

  document.addEventListener('DOMContentLoaded', start);
})();
