// Huian risk heat map: reads /api/risk with the Camunda webapp session (GET only).
(function () {
  'use strict';
  var COLOUR_NAMES = { GREEN: '绿', YELLOW: '黄', RED: '红' };
  var CATEGORIES = { NEIGHBOUR: '邻里纠纷', FAMILY: '婚姻家庭纠纷', PROPERTY_MANAGEMENT: '物业服务纠纷', WAGE_ARREARS: '欠薪纠纷',
    LABOUR: '劳动争议', CONSUMER: '消费纠纷', HOUSING: '房屋土地纠纷', CONSTRUCTION: '工程建设纠纷', MEDICAL: '医疗纠纷',
    TRAFFIC: '交通事故纠纷', PETITION: '信访事项', SAFETY_HAZARD: '安全隐患', OTHER: '其他' };
  var tiles = [];
  var street = null;
  var trendChart = echarts.init(document.getElementById('trend'));
  var message = document.getElementById('message');

  function text(s) { var d = document.createElement('div'); d.textContent = s == null ? '' : String(s); return d.innerHTML; }
  function short(name) { return name.replace('街道综治中心', '').replace('综治中心', ''); }

  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'huian-dashboard' } }).then(function (r) {
      if (r.status === 401) { throw new Error('请先登录 Tasklist 或 Cockpit：<a href="/camunda/app/tasklist/">前往登录</a>'); }
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(text(body.detail || ('请求失败：' + r.status))); }
        return body;
      });
    });
  }

  function query(level, parent) {
    var q = '?level=' + level + '&windowDays=' + document.getElementById('window').value;
    var at = document.getElementById('at').value;
    if (at) { q += '&at=' + at; }
    var c = document.getElementById('category').value;
    if (c) { q += '&categories=' + c; }
    var k = document.getElementById('kind').value;
    if (k) { q += '&kinds=' + k; }
    if (parent) { q += '&parent=' + parent; }
    return get('/api/risk/index' + q);
  }

  function tile(u, label) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'tile c-' + (u ? u.colour : 'NONE');
    b.dataset.code = u ? u.unitCode : '';
    b.dataset.colour = u ? u.colour : 'NONE';
    b.innerHTML = text(label) + (u ? '<span class="score">' + u.score.toFixed(1) + '</span>' + COLOUR_NAMES[u.colour] : '<span class="score">—</span>无权查看');
    b.title = u ? label + '：' + u.score.toFixed(1) + '（' + COLOUR_NAMES[u.colour] + '）' : label;
    return b;
  }

  function showStreets() {
    street = null;
    document.getElementById('back').hidden = true;
    document.getElementById('map-title').textContent = '东城区 17 个街道';
    return query('STREET').then(function (page) {
      var byCode = {};
      page.items.forEach(function (u) { byCode[u.unitCode] = u; });
      var map = document.getElementById('map');
      map.className = 'tiles';
      map.innerHTML = '';
      var cols = 0;
      tiles.forEach(function (t) { cols = Math.max(cols, t.col + 1); });
      map.style.gridTemplateColumns = 'repeat(' + cols + ', 1fr)';
      tiles.forEach(function (t) {
        var u = byCode[t.streetCode];
        var b = tile(u, t.name);
        b.classList.add('street');
        b.style.gridRow = String(t.row + 1);
        b.style.gridColumn = String(t.col + 1);
        if (u) { b.addEventListener('click', function () { drill(u); }); }
        map.appendChild(b);
      });
    });
  }

  function drill(u) {
    street = u;
    document.getElementById('back').hidden = false;
    document.getElementById('map-title').textContent = short(u.name) + '街道所辖社区';
    explain(u);
    return query('COMMUNITY', u.unitCode).then(function (page) {
      var map = document.getElementById('map');
      map.className = 'tiles community-grid';
      map.style.gridTemplateColumns = '';
      map.innerHTML = '';
      page.items.slice().sort(function (a, b) { return a.score - b.score; }).forEach(function (c) {
        var b = tile(c, c.name);
        b.classList.add('community');
        b.addEventListener('click', function () { explain(c); });
        map.appendChild(b);
      });
    });
  }

  function explain(u) {
    document.querySelectorAll('.tile.selected').forEach(function (t) { t.classList.remove('selected'); });
    var selected = document.querySelector('.tile[data-code="' + u.unitCode + '"]');
    if (selected) { selected.classList.add('selected'); }
    document.getElementById('detail-title').textContent = u.name + ' · 因子解释';
    document.getElementById('detail-score').innerHTML = '平安指数 <b>' + u.score.toFixed(1) + '</b>（' + COLOUR_NAMES[u.colour] +
      '色），共扣 ' + (100 - u.score).toFixed(1) + ' 分';
    var body = document.querySelector('#factors tbody');
    body.innerHTML = '';
    u.factors.forEach(function (f) {
      var tr = document.createElement('tr');
      tr.innerHTML = '<td>' + text(f.name) + '</td><td>' + f.load.toFixed(2) + '</td><td>' + f.points.toFixed(1) + '</td>' +
        '<td style="width:35%"><div class="bar" style="width:' + Math.min(100, f.points * 2) + '%"></div></td>';
      body.appendChild(tr);
    });
    return get('/api/risk/index/' + u.unitCode + '?weeks=12').then(function (d) {
      var t = d.trend;
      var labels = t.weeks.map(function (w) { var x = new Date(w); return (x.getMonth() + 1) + '/' + x.getDate(); });
      var future = t.forecast.map(function (v, i) { return '+' + (i + 1) + '周'; });
      var history = t.history.concat(t.forecast.map(function () { return null; }));
      var forecast = t.history.map(function (v, i) { return i === t.history.length - 1 ? v : null; }).concat(t.forecast);
      trendChart.setOption({
        animation: false, tooltip: { trigger: 'axis' }, legend: { data: ['平安指数', '预测'] },
        xAxis: { type: 'category', data: labels.concat(future) }, yAxis: { type: 'value', max: 100 },
        series: [
          { name: '平安指数', type: 'line', data: history, itemStyle: { color: '#1f6fb2' } },
          { name: '预测', type: 'line', data: forecast, lineStyle: { type: 'dashed' }, itemStyle: { color: '#e67e22' } }
        ]
      }, true);
    });
  }

  function warnings() {
    return Promise.all([get('/api/risk/trends?level=STREET&warningsOnly=true'), get('/api/risk/trends?level=COMMUNITY&warningsOnly=true')])
      .then(function (lists) {
        var ul = document.getElementById('warnings');
        ul.innerHTML = '';
        lists[0].concat(lists[1]).forEach(function (t) {
          var li = document.createElement('li');
          var h = t.history;
          li.textContent = t.name + '：四周前 ' + h[Math.max(0, h.length - 5)].toFixed(1) + '，当前 ' + h[h.length - 1].toFixed(1) +
            '，四周后预计 ' + t.forecast[t.forecast.length - 1].toFixed(1) + '（' + t.warnings.map(function (w) {
              return w === 'SHARP_DROP' ? '八周内明显下降' : '可能转为红色'; }).join('、') + '）';
          ul.appendChild(li);
        });
        if (!ul.children.length) { ul.innerHTML = '<li>暂无趋势预警</li>'; }
      });
  }

  function load() {
    message.textContent = '';
    document.body.dataset.loaded = 'false';
    var p = street ? drill(street) : showStreets();
    return p.then(function () { document.body.dataset.loaded = 'true'; })
      .catch(function (e) { message.innerHTML = e.message; document.body.dataset.loaded = 'error'; });
  }

  Object.keys(CATEGORIES).forEach(function (c) {
    var o = document.createElement('option'); o.value = c; o.textContent = CATEGORIES[c];
    document.getElementById('category').appendChild(o);
  });
  document.getElementById('filters').addEventListener('submit', function (e) { e.preventDefault(); load(); });
  document.getElementById('back').addEventListener('click', function () { street = null; load(); });
  window.addEventListener('resize', function () { trendChart.resize(); });
  get('/api/risk/street-tiles').then(function (t) { tiles = t; return load(); })
    .then(warnings)
    .catch(function (e) { message.innerHTML = e.message; document.body.dataset.loaded = 'error'; });
})();
