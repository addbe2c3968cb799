// Open tickets past a deadline, oldest deadline first: the priority, how many minutes ago the deadline passed (at the
// time the list was computed), the office, the target missed and its deadline (Shanghai time, the locale's format).
'use strict';
(function (D) {
  const COLUMNS = ['ticketNo', 'priority', 'minutesOverdue', 'office', 'target', 'deadline', 'escalated'];
  const SIZE = 50;

  function values(item, now) {
    const deadline = item.deadline ? new Date(item.deadline).getTime() : null;
    return {
      ticketNo: item.ticketNo,
      priority: D.t(item.priority),
      office: item.office.name || item.office.code,
      target: D.t(item.target),
      deadline: deadline ? D.dateTime(item.deadline) : '—',
      minutesOverdue: deadline ? D.number(Math.max(0, Math.floor((now - deadline) / 60000))) : '—',
      escalated: item.escalated ? D.t('yes') : D.t('no')
    };
  }

  D.register({
    load: (f, get) => get(D.overdue(f, SIZE)),
    draw(page) {
      D.$('overdue-total').textContent = '(' + D.number(page.total) + ')';
      document.querySelector('#overdue thead tr')
        .replaceChildren(...COLUMNS.map((key) => D.cell('th', D.t(key), { scope: 'col', 'data-col': key })));
      const now = new Date(page.generatedAt).getTime();
      const rows = page.items.map((item) => {
        const row = D.cell('tr', '', { 'data-ticket': item.ticketNo, 'data-priority': item.priority });
        const shown = values(item, now);
        COLUMNS.forEach((key) => row.append(D.cell('td', shown[key], { 'data-col': key })));
        return row;
      });
      if (rows.length === 0) {
        const row = document.createElement('tr');
        row.append(D.cell('td', D.t('noOverdue'), { colspan: String(COLUMNS.length), class: 'none' }));
        rows.push(row);
      }
      document.querySelector('#overdue tbody').replaceChildren(...rows);
    }
  });
})(window.Dashboard);
