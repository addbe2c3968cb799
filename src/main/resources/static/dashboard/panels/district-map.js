// Shanghai's 16 districts coloured by their on-time resolution rate in the period (grey: nothing to judge). The
// geometry is vendored in the jar (vendor/README.md); its shapes are named by district, and each name is matched to
// the district's national code through the report, whose district rows carry the code (key) and the name from
// config/districts.csv. Clicking a district filters the page to it.
'use strict';
(function (D) {
  const MAP = 'shanghai-districts';
  const RATE = 'resolvedOnTimeRate';
  let geometry = null;
  let chart = null;

  function loadGeometry() {
    if (!geometry) {
      geometry = fetch('vendor/shanghai-districts.json')
        .then((response) => {
          if (!response.ok) throw new Error('district map ' + response.status);
          return response.json();
        })
        .then((json) => {
          window.echarts.registerMap(MAP, json);
          return json.features.map((feature) => feature.properties.name);
        })
        .catch((error) => { geometry = null; throw error; });
    }
    return geometry;
  }

  /** One item per shape: its name, the code and figures of the district of that name (none: no tickets). */
  function items(names, report) {
    const byName = new Map();
    report.groups.filter((group) => group.key !== 'city').forEach((group) => byName.set(group.name, group));
    return names.map((name) => {
      const group = byName.get(name);
      return { name: name, code: group ? group.key : null, received: group ? group.received : 0,
        value: group && group[RATE] !== null ? group[RATE] : null };
    });
  }

  function tooltip(params) {
    const item = params.data || {};
    const rate = item.value === null || item.value === undefined ? '—' : D.text(item.value, RATE);
    return params.name + (item.code ? ' ' + item.code : '') + '<br>' + D.t(RATE) + ': ' + rate + '<br>'
      + D.t('received') + ': ' + D.number(item.received || 0);
  }

  D.register({
    async load(f, get) {
      const [names, report] = await Promise.all([loadGeometry(), get(D.sla(f, 'district', false))]);
      return items(names, report);
    },
    draw(data) {
      if (!chart) {
        chart = D.chart(D.$('district-map'));
        chart.on('click', (params) => { if (params.data && params.data.code) D.selectDistrict(params.data.code); });
      }
      const size = D.isWall() ? 16 : 11;
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'item', formatter: tooltip },
        visualMap: { type: 'continuous', min: 0, max: 100, left: 0, bottom: 0, itemHeight: D.isWall() ? 120 : 80,
          text: ['100%', '0%'], textStyle: { fontSize: size }, calculable: false,
          inRange: { color: ['#c0392b', '#f0b429', '#1e7b4f'] } },
        series: [{
          type: 'map', map: MAP, roam: false, data: data, showLegendSymbol: false, layoutCenter: ['55%', '50%'], layoutSize: '100%',
          label: { show: true, fontSize: size, color: '#1d2733' },
          labelLayout: { hideOverlap: true },
          itemStyle: { areaColor: '#d5dae1', borderColor: '#ffffff', borderWidth: 1 },
          emphasis: { label: { show: true }, itemStyle: { areaColor: '#7fa7d9' } }
        }]
      }, true);
    },
    layout() { if (chart) chart.resize(); }
  });
})(window.Dashboard);
