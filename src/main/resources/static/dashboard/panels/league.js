// The league of towns (or districts), sortable by any column. Dispatch desks (a district's desk, the city desk) are
// not towns: their rows are marked apart, with a badge, so that a desk's figures are not read as a town's. The wall
// screen shows fewer columns in larger type.
'use strict';
(function (D) {
  const COLUMNS = ['name', 'received', 'signedOnTimeRate', 'contactedOnTimeRate', 'resolvedOnTimeRate',
    'reassignedOnTimeRate', 'openNow', 'overdueNow', 'signHoursMedian', 'resolveHoursMedian', 'resolveHoursP90',
    'returns', 'extensionsApproved', 'escalations', 'responseRate', 'resolutionRate', 'satisfactionRate'];
  const WALL_COLUMNS = ['name', 'received', 'signedOnTimeRate', 'resolvedOnTimeRate', 'openNow', 'overdueNow'];
  const sort = { key: 'resolvedOnTimeRate', descending: true };
  let groups = [];

  /** DISTRICT_DESK or CITY_DESK for a desk's row (the city's group in a league of districts is its desk); else null. */
  function desk(group) {
    if (group.level === 'DISTRICT_DESK' || group.level === 'CITY_DESK') return group.level;
    return group.key === 'city' ? 'CITY_DESK' : null;
  }

  function compare(a, b) {
    const x = a[sort.key];
    const y = b[sort.key];
    if (x === y) return String(a.key).localeCompare(String(b.key));
    if (x === null || x === undefined) return 1;      // no figure: last, whatever the direction
    if (y === null || y === undefined) return -1;
    const order = typeof x === 'string' ? x.localeCompare(y, 'zh-CN') : x - y;
    return sort.descending ? -order : order;
  }

  function nameCell(group) {
    const td = D.cell('td', '', { 'data-col': 'name' });
    td.append(D.cell('span', group.key === 'city' ? D.t('city') : (group.name || group.key), { class: 'name' }));
    const level = desk(group);
    if (level) td.append(D.cell('span', D.t(level), { class: 'desk-badge' }));
    return td;
  }

  function draw() {
    const columns = D.isWall() ? WALL_COLUMNS : COLUMNS;
    const head = document.querySelector('#league thead tr');
    head.replaceChildren(...columns.map((key) => {
      const arrow = key === sort.key ? (sort.descending ? ' ▼' : ' ▲') : '';
      const th = D.cell('th', D.t(key) + arrow, { 'data-sort': key, scope: 'col' });
      th.addEventListener('click', () => {
        sort.descending = key === sort.key ? !sort.descending : key !== 'name';
        sort.key = key;
        draw();
      });
      return th;
    }));
    const rows = groups.slice().sort(compare).map((group) => {
      const level = desk(group);
      const row = D.cell('tr', '', { 'data-key': group.key });
      if (level) {
        row.className = 'desk';
        row.setAttribute('data-desk', level);
      }
      columns.forEach((key) => row.append(key === 'name' ? nameCell(group)
        : D.cell('td', D.text(group[key], key), { 'data-col': key })));
      return row;
    });
    if (groups.length === 0) {
      const row = document.createElement('tr');
      row.append(D.cell('td', D.t('noData'), { colspan: String(columns.length), class: 'none' }));
      rows.push(row);
    }
    document.querySelector('#league tbody').replaceChildren(...rows);
  }

  D.register({
    load: (f, get) => get(D.sla(f, f.level, true)),
    draw(report) {
      groups = report.groups;
      // How many rows there are: the wall screen shows those that fit.
      D.$('league-total').textContent = '(' + D.number(groups.length) + ')';
      draw();
    },
    layout: draw
  });
})(window.Dashboard);
