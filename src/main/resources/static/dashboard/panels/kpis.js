// The totals of the period (the total row of the league's report).
'use strict';
(function (D) {
  const KPIS = ['received', 'signedOnTimeRate', 'resolvedOnTimeRate', 'responseRate', 'resolutionRate',
    'satisfactionRate', 'openNow', 'overdueNow'];

  D.register({
    load: (f, get) => get(D.sla(f, f.level, true)),
    draw(report) {
      D.$('kpis').replaceChildren(...KPIS.map((key) => {
        const card = D.cell('div', '', { class: 'kpi', 'data-kpi': key });
        card.append(D.cell('span', D.t(key), { class: 'label' }),
          D.cell('strong', D.text(report.total[key], key), { class: 'value' }));
        return card;
      }));
    }
  });
})(window.Dashboard);
