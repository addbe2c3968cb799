// Daily intake (bars) and on-time rates (lines) over the period.
'use strict';
(function (D) {
  let chart = null;

  function days(from, to) {
    const list = [];
    for (let day = new Date(from + 'T00:00:00Z'); day <= new Date(to + 'T00:00:00Z');
      day.setUTCDate(day.getUTCDate() + 1)) {
      list.push(day.toISOString().slice(0, 10));
    }
    return list;
  }

  D.register({
    load: (f, get) => get(D.sla(f, 'day', true)),
    draw(report) {
      chart = chart || D.chart(D.$('daily-chart'));
      const byDay = {};
      report.groups.forEach((group) => { byDay[group.key] = group; });
      const axis = days(report.from, report.to);
      const series = (key) => axis.map((day) => (byDay[day] ? byDay[day][key] : null));
      const size = D.isWall() ? 18 : 12;
      chart.setOption({
        animation: false,
        textStyle: { fontSize: size },
        tooltip: { trigger: 'axis' },
        legend: { top: 0, textStyle: { fontSize: size } },
        grid: { left: 56, right: 56, top: D.isWall() ? size * 5 : size * 3, bottom: 32 },   // room for a legend on two lines
        xAxis: { type: 'category', data: axis.map(D.shortDay), axisLabel: { fontSize: size } },
        yAxis: [{ type: 'value', name: D.t('received'), minInterval: 1, axisLabel: { fontSize: size } },
          { type: 'value', name: '%', min: 0, max: 100, axisLabel: { fontSize: size } }],
        series: [
          { name: D.t('received'), type: 'bar', data: axis.map((day) => (byDay[day] ? byDay[day].received : 0)) },
          { name: D.t('signedOnTimeRate'), type: 'line', yAxisIndex: 1, connectNulls: true,
            data: series('signedOnTimeRate') },
          { name: D.t('resolvedOnTimeRate'), type: 'line', yAxisIndex: 1, connectNulls: true,
            data: series('resolvedOnTimeRate') }
        ]
      }, true);
    }
  });
})(window.Dashboard);
