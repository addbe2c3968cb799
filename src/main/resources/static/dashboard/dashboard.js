// The managers' dashboard: reads the report API (docs/reports.md) and hands the figures to its panels (panels/*.js:
// totals, league, district map, daily chart, overdue list), each of which registers itself here and draws its own
// section. Filters live in the address (?from=&to=&district=&level=&lang=&wall=1), so a view can be bookmarked or
// put on a wall screen. Times are shown in Asia/Shanghai, whatever the zone of the computer showing them.
'use strict';
(function () {
  const API = '/api/v1/reports';
  const ZONE = 'Asia/Shanghai';
  const LABELS = window.DASHBOARD_LABELS;
  const WALL_REFRESH_MS = 60000;

  const panels = [];
  const state = { lang: 'zh', timer: null, request: 0, pendingDistrict: '' };
  const $ = (id) => document.getElementById(id);

  /** A label in the page's language; the key itself when there is none. */
  const t = (key) => (LABELS[state.lang][key] !== undefined ? LABELS[state.lang][key] : key);
  const locale = () => (state.lang === 'en' ? 'en' : 'zh-CN');
  const isRate = (key) => key.endsWith('Rate');

  /** A figure as shown: — for none, rates as percentages with one decimal. */
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

  /** An instant (ISO text) as the locale writes a date and time, in Shanghai time. */
  function dateTime(iso) {
    return new Intl.DateTimeFormat(locale(), { timeZone: ZONE, dateStyle: 'short', timeStyle: 'short' })
      .format(new Date(iso));
  }

  /** A calendar day (YYYY-MM-DD, already a Shanghai day) as the locale writes it. */
  function day(iso) {
    return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', dateStyle: 'medium' })
      .format(new Date(iso + 'T00:00:00Z'));
  }

  /** A calendar day without its year, as the locale writes it (3/1 in both languages, 1 March). */
  function shortDay(iso) {
    return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', month: 'numeric', day: 'numeric' })
      .format(new Date(iso + 'T00:00:00Z'));
  }

  function number(value) {
    return new Intl.NumberFormat(locale()).format(value);
  }

  function today() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
  }

  function query(params) {
    const search = new URLSearchParams();
    Object.keys(params).forEach((key) => { if (params[key]) search.set(key, params[key]); });
    return search.toString();
  }

  /** The SLA report's address for the filters, grouped as asked; the whole city (or the key's district) if not own. */
  function sla(f, groupBy, ownDistrict) {
    return API + '/sla?' + query({ from: f.from, to: f.to, groupBy: groupBy, district: ownDistrict ? f.district : '' });
  }

  function overdue(f, size) {
    return API + '/overdue?' + query({ district: f.district, size: size });
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.detail || response.status);
    }
    return body;
  }

  function readAddress() {
    const search = new URLSearchParams(window.location.search);
    const to = search.get('to') || today();
    $('to').value = to;
    $('from').value = search.get('from') || to.slice(0, 8) + '01';
    $('level').value = search.get('level') === 'district' ? 'district' : 'town';
    state.pendingDistrict = search.get('district') || '';
    const lang = search.get('lang') || (navigator.language || 'zh').slice(0, 2);
    state.lang = lang === 'en' ? 'en' : 'zh';
    document.body.classList.toggle('wall', search.get('wall') === '1');
  }

  function filters() {
    const district = $('district').value || state.pendingDistrict || '';
    return { from: $('from').value, to: $('to').value, district: district, level: $('level').value };
  }

  function isWall() {
    return document.body.classList.contains('wall');
  }

  function writeAddress() {
    const f = filters();
    const search = new URLSearchParams({ from: f.from, to: f.to, level: f.level, lang: state.lang });
    if (f.district) search.set('district', f.district);
    if (isWall()) search.set('wall', '1');
    window.history.replaceState(null, '', '?' + search.toString());
  }

  function applyLabels() {
    document.documentElement.lang = locale();
    document.querySelectorAll('[data-i18n]').forEach((element) => {
      element.textContent = t(element.getAttribute('data-i18n'));
    });
    $('lang').textContent = state.lang === 'en' ? '中文' : 'EN';
    document.title = t('title');
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

  /** Says so, in large type, when the period has no tickets at all: an empty league is not a failure. */
  function showPeriod(report) {
    $('period').textContent = day(report.from) + ' – ' + day(report.to);
    $('generated').textContent = t('generated') + ' ' + dateTime(report.generatedAt);
    const empty = report.total.received === 0 && report.groups.length === 0;
    $('empty-period').hidden = !empty;
    $('empty-period').textContent = empty ? t('emptyPeriod') + ' (' + $('period').textContent + ')' : '';
    document.body.classList.toggle('empty', empty);
  }

  async function refresh() {
    const f = filters();
    const request = ++state.request;
    writeAddress();
    $('status').textContent = t('loading');
    $('status').className = 'status loading';        // a wall screen does not blink every minute
    // The download is for the city's spreadsheets: Chinese labels whatever the page's language, units in the headers.
    $('csv').href = API + '/sla?' + query({ from: f.from, to: f.to, groupBy: f.level, district: f.district,
      format: 'csv', lang: 'zh' });
    // One request per address for all the panels of this refresh.
    const asked = new Map();
    const get = (path) => {
      if (!asked.has(path)) asked.set(path, getJson(path));
      return asked.get(path);
    };
    // A panel that fails (its figures or its drawing) says so in the status line; the others still draw.
    const loads = panels.map((panel) => Promise.resolve().then(() => panel.load(f, get))
      .then((figures) => ({ figures: figures }), (error) => ({ error: error })));
    try {
      const [summary, districts, ...figures] = await Promise.all([get(sla(f, f.level, true)),
        get(sla(f, 'district', false)), ...loads]);
      if (request !== state.request) return;          // a newer refresh has started: its figures win
      fillDistricts(districts, f.district);
      state.pendingDistrict = '';
      showPeriod(summary);
      const failures = [];
      panels.forEach((panel, i) => {
        try {
          if (figures[i].error) throw figures[i].error;
          panel.draw(figures[i].figures);
        } catch (error) {
          failures.push(error.message);
        }
      });
      $('status').textContent = failures.length ? t('failed') + failures.join('; ') : '';
      $('status').className = 'status';
      document.body.setAttribute('data-loaded', String(request));
    } catch (error) {
      $('status').textContent = t('failed') + error.message;
      $('status').className = 'status';
    }
  }

  function setWall(on) {
    document.body.classList.toggle('wall', on);
    clearInterval(state.timer);
    if (on) state.timer = setInterval(refresh, WALL_REFRESH_MS);
    panels.forEach((panel) => { if (panel.layout) panel.layout(); });
  }

  /** An ECharts chart in the element that follows the element's size (the wall screen's grid sets it). */
  function chart(element) {
    const instance = window.echarts.init(element);
    new ResizeObserver(() => instance.resize()).observe(element);
    return instance;
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
    $('wall').addEventListener('click', () => { setWall(!isWall()); writeAddress(); });
    setWall(isWall());
    refresh();
  }

  /**
   * What the panels use. A panel is { load(filters, get) → Promise of its figures, draw(figures), layout() optional,
   * called when the wall mode changes }; get(address) answers one request per address per refresh.
   */
  window.Dashboard = {
    register: (panel) => panels.push(panel),
    selectDistrict: (code) => { state.pendingDistrict = code; $('district').value = code; refresh(); },
    $, t, text, cell, dateTime, shortDay, number, isRate, isWall, sla, overdue, chart, ZONE
  };

  document.addEventListener('DOMContentLoaded', start);
})();
