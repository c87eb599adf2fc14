// Huian funnel dashboard: reads /api/stats/funnel with the Camunda webapp session (GET only).
(function () {
  'use strict';
  var LEVEL_NAMES = { GRID: '网格', COMMUNITY: '社区', STREET: '街道', DISTRICT: '区' };
  var SLA_NAMES = { AMBER: '临期预警', RED: '已超期' };
  var levelsChart = echarts.init(document.getElementById('chart-levels'));
  var keptChart = echarts.init(document.getElementById('chart-kept'));

  function percent(v) { return v === null || v === undefined ? '—' : (Math.round(v * 1000) / 10) + '%'; }
  function text(s) { var d = document.createElement('div'); d.textContent = s == null ? '' : String(s); return d.innerHTML; }
  function time(iso) { return iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : ''; }

  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'huian-dashboard' } }).then(function (r) {
      if (r.status === 401) { throw new Error('请先登录 Tasklist 或 Cockpit：<a href="/camunda/app/tasklist/">前往登录</a>'); }
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(text(body.detail || ('请求失败：' + r.status))); }
        return body;
      });
    });
  }

  function render(data) {
    var open = 0;
    data.levels.forEach(function (l) { open += l.inProgress; });
    document.getElementById('kpi-open').textContent = open;
    document.getElementById('kpi-closed').textContent = data.closed;
    document.getElementById('kpi-ontime').textContent = percent(data.onTimeRate);
    document.getElementById('kpi-hours').textContent = data.averageHandlingHours === null ? '—' : data.averageHandlingHours + ' 小时';
    document.getElementById('kpi-satisfaction').textContent = percent(data.satisfaction);
    var names = data.levels.map(function (l) { return l.levelName; });
    levelsChart.setOption({
      tooltip: { trigger: 'axis' }, legend: { data: ['在办', '本级化解', '上交上级'] },
      xAxis: { type: 'category', data: names }, yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '在办', type: 'bar', stack: 'all', data: data.levels.map(function (l) { return l.inProgress; }), itemStyle: { color: '#f0b429' } },
        { name: '本级化解', type: 'bar', stack: 'all', data: data.levels.map(function (l) { return l.resolvedHere; }), itemStyle: { color: '#2f855a' } },
        { name: '上交上级', type: 'bar', stack: 'all', data: data.levels.map(function (l) { return l.escalatedUp; }), itemStyle: { color: '#c53030' } }
      ]
    }, true);
    keptChart.setOption({
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null ? '—' : v + '%'; } },
      xAxis: { type: 'category', data: names }, yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{ type: 'bar', data: data.levels.map(function (l) { return l.keptShare === null ? null : Math.round(l.keptShare * 1000) / 10; }),
        itemStyle: { color: '#a61b1b' }, label: { show: true, position: 'top', formatter: '{c}%' } }]
    }, true);
    var rows = data.overdue.map(function (o) {
      return '<tr><td>' + text(o.caseNo) + '</td><td>' + text(o.title) + '</td><td>' + text(LEVEL_NAMES[o.level] || o.level)
        + '</td><td>' + text(o.unit) + '</td><td>' + text(time(o.deadline)) + '</td><td class="sla-' + text(o.sla) + '">'
        + text(SLA_NAMES[o.sla] || o.sla) + '</td></tr>';
    });
    document.querySelector('#overdue tbody').innerHTML = rows.length ? rows.join('') : '<tr><td colspan="6">暂无临期或超期案件</td></tr>';
  }

  var districts = [];

  function load() {
    var q = new URLSearchParams();
    if (districts.length > 1) { q.set('district', document.getElementById('district').value); }
    ['street', 'from', 'to'].forEach(function (id) {
      var v = document.getElementById(id).value;
      if (v) { q.set(id === 'street' ? 'streetCode' : id, v); }
    });
    document.getElementById('message').innerHTML = '';
    return get('/api/stats/funnel?' + q.toString()).then(render).catch(function (e) {
      document.getElementById('message').innerHTML = e.message;
    });
  }

  document.getElementById('filters').addEventListener('submit', function (e) { e.preventDefault(); load(); });
  window.addEventListener('resize', function () { levelsChart.resize(); keptChart.resize(); });
  /** Fills the street filter with the streets of the district shown (the viewer's own unless picked). */
  function streets() {
    var select = document.getElementById('street');
    var picked = districts.length > 1 ? '?district=' + encodeURIComponent(document.getElementById('district').value) : '';
    return get('/api/units' + picked).then(function (tree) {
      select.innerHTML = '<option value="">全区</option>';
      tree.children.forEach(function (s) {
        var o = document.createElement('option');
        o.value = s.code; o.textContent = s.name.replace('综治中心', '');
        select.appendChild(o);
      });
    });
  }

  var picker = document.getElementById('district');
  picker.addEventListener('change', function () {
    document.body.setAttribute('data-loaded', 'false');
    streets().catch(function () { /* the stats call reports it */ })
      .then(load).then(function () { document.body.setAttribute('data-loaded', 'true'); });
  });
  // The district picker appears only for viewers of several districts (the city, administrators).
  get('/api/districts').then(function (list) {
    districts = list;
    list.forEach(function (d) {
      var o = document.createElement('option'); o.value = d.code; o.textContent = d.name.replace('综治中心', '');
      picker.appendChild(o);
    });
    document.getElementById('district-picker').hidden = list.length <= 1;
  }).catch(function () { /* the stats call reports the login problem */ })
    .then(function () { return streets().catch(function () { /* likewise */ }); })
    .then(load).then(function () { document.body.setAttribute('data-loaded', 'true'); });
})();
