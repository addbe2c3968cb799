// Outreach (docs/outreach.md): per town, the households in the register by how they were found (proactively from
// department data, or by a call or a community report), the visit tickets opened, resolved and visited on time and
// their outcomes; and the households flagged per label. The report (GET /api/v1/reports/outreach) already shows counts
// from 1 to 4 as "<5"; the panel shows them as they come and never adds them up (a sum would reveal them).
'use strict';
(function (D) {
  const FOUND = ['FEED', 'HOTLINE', 'COMMUNITY', 'OPEN311'];
  const VISITS = ['opened', 'resolved', 'visited_on_time', 'now_receiving', 'applied', 'not_eligible',
    'refused_help', 'not_found_at_address'];
  const COLUMNS = ['area'].concat(FOUND.map((kind) => 'found' + kind), VISITS);

  /** A count as the report gives it: a number, or "<5" for 1 to 4. */
  const count = (value) => (typeof value === 'number' ? D.number(value) : value || '0');

  function inDistrict(f) {
    return (row) => !f.district || String(row.area || '').startsWith(f.district);
  }

  /** One row per area: found by each way, and the visits. */
  function areas(report, f) {
    const rows = new Map();
    const row = (area) => {
      if (!rows.has(area)) rows.set(area, { area: area });
      return rows.get(area);
    };
    report.foundBy.filter(inDistrict(f)).forEach((r) => { row(r.area)['found' + r.found_by] = r.households; });
    report.visits.filter(inDistrict(f)).forEach((r) => {
      VISITS.forEach((key) => { row(r.area)[key] = r[key]; });
    });
    return Array.from(rows.values()).sort((a, b) => String(a.area).localeCompare(String(b.area)));
  }

  function table(selector, columns, rows, attribute, empty) {
    document.querySelector(selector + ' thead tr')
      .replaceChildren(...columns.map((key) => D.cell('th', D.t(key), { scope: 'col', 'data-col': key })));
    const body = rows.map((values) => {
      const tr = D.cell('tr', '', { [attribute]: values.key });
      columns.forEach((key) => tr.append(D.cell('td', values[key], { 'data-col': key })));
      return tr;
    });
    if (body.length === 0) {
      const tr = document.createElement('tr');
      tr.append(D.cell('td', D.t(empty), { colspan: String(columns.length), class: 'none' }));
      body.push(tr);
    }
    document.querySelector(selector + ' tbody').replaceChildren(...body);
  }

  D.register({
    load: (f, get) => get('/api/v1/reports/outreach?groupBy=town').then((report) => ({ report: report, f: f })),
    draw({ report, f }) {
      table('#outreach', COLUMNS, areas(report, f).map((area) => {
        const shown = { key: area.area, area: area.area };
        COLUMNS.slice(1).forEach((key) => { shown[key] = count(area[key]); });
        return shown;
      }), 'data-area', 'noOutreach');
      const labels = report.flaggedPerLabel.filter(inDistrict(f)).map((r) => ({
        key: r.area + ':' + r.label,
        area: r.area,
        label: (D.t('lang') === 'en' ? r.labelEn : r.labelZh) || r.label,
        households: count(r.households)
      }));
      table('#outreach-labels', ['area', 'label', 'households'], labels, 'data-label', 'noOutreach');
    }
  });
})(window.Dashboard);
