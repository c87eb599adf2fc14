// Huian risk heat map: reads /api/risk with the Camunda webapp session (GET only).
(function () {
  'use strict';
  var COLOUR_NAMES = { GREEN: '绿', YELLOW: '黄', RED: '红' };
  var CATEGORIES = { NEIGHBOUR: '邻里纠纷', FAMILY: '婚姻家庭纠纷', PROPERTY_MANAGEMENT: '物业服务纠纷', WAGE_ARREARS: '欠薪纠纷',
    LABOUR: '劳动争议', CONSUMER: '消费纠纷', HOUSING: '房屋土地纠纷', CONSTRUCTION: '工程建设纠纷', MEDICAL: '医疗纠纷',
    TRAFFIC: '交通事故纠纷', PETITION: '信访事项', SAFETY_HAZARD: '安全隐患', OTHER: '其他' };
  var COLOURS = { GREEN: '#2e9e5b', YELLOW: '#e0a800', RED: '#c0392b', NONE: '#cbd2d9' };
  var TILE_NOTE = document.getElementById('map-note').textContent;
  var MAP_NOTE = '按导入的边界文件（GeoJSON）绘制，颜色为平安指数。点击街道查看所辖社区。';
  var tiles = [];
  var street = null;
  var districts = [];
  var district = null; // the district shown: an entry of /api/districts
  var boundaries = null; // its FeatureCollection when it has imported boundaries, else null
  var mapChart = null;
  var mapHandler = null;
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

  /** '&district=…' when the viewer picks among several districts; nothing when they see one (the default). */
  function districtParam(first) {
    var picked = districts.length > 1 && district;
    return picked ? (first ? '?' : '&') + 'district=' + encodeURIComponent(district.code) : '';
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
    return get('/api/risk/index' + q + districtParam(false));
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

  /** The features of the given level (and parent), by unit code; null unless every wanted code has one. */
  function features(level, parentCode, codes) {
    if (!boundaries) { return null; }
    var byCode = {};
    boundaries.features.forEach(function (f) {
      var p = f.properties || {};
      if (p.level === level && !p.retired && (!parentCode || p.parentCode === parentCode)) { byCode[p.code] = f; }
    });
    var complete = codes.length > 0 && codes.every(function (c) { return byCode[c]; });
    return complete ? byCode : null;
  }

  function showTiles() {
    document.getElementById('boundary-map').hidden = true;
    var map = document.getElementById('map');
    map.hidden = false;
    document.getElementById('map-note').textContent = TILE_NOTE;
    return map;
  }

  /** Draws units as a real map (ECharts 'map' series) coloured like the tiles; a click calls onClick with the unit. */
  function showMap(name, byFeature, items, onClick) {
    var map = document.getElementById('map');
    map.hidden = true;
    map.innerHTML = '';
    var holder = document.getElementById('boundary-map');
    holder.hidden = false;
    document.getElementById('map-note').textContent = MAP_NOTE;
    if (!mapChart) { mapChart = echarts.init(holder); } else { mapChart.resize(); }
    var codes = Object.keys(byFeature);
    echarts.registerMap(name, { type: 'FeatureCollection', features: codes.map(function (c) { return byFeature[c]; }) });
    var byCode = {};
    items.forEach(function (u) { byCode[u.unitCode] = u; });
    var data = codes.map(function (c) {
      var u = byCode[c];
      var colour = u ? u.colour : 'NONE';
      var fill = { areaColor: COLOURS[colour] };
      return { name: c, value: u ? Number(u.score.toFixed(1)) : null, colour: colour, unitName: byFeature[c].properties.name,
        label: { color: u ? '#fff' : '#52606d' }, itemStyle: fill, emphasis: { itemStyle: fill }, select: { itemStyle: fill } };
    });
    mapChart.setOption({
      animation: false,
      tooltip: { trigger: 'item', formatter: function (p) {
        var d = p.data || {};
        return text(d.unitName) + (d.value == null ? '：无权查看' : '：' + d.value.toFixed(1) + '（' + COLOUR_NAMES[d.colour] + '）');
      } },
      series: [{
        type: 'map', map: name, nameProperty: 'code', roam: false, selectedMode: 'single',
        labelLayout: { hideOverlap: true },
        label: { show: true, fontSize: 12, formatter: function (p) {
          var d = p.data || {};
          return d.unitName + '\n' + (d.value == null ? '—' : d.value.toFixed(1));
        } },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: '#1f2933', borderWidth: 2 } },
        select: { itemStyle: { borderColor: '#1f2933', borderWidth: 3 } },
        data: data
      }]
    }, true);
    if (mapHandler) { mapChart.off('click', mapHandler); }
    mapHandler = function (p) { var u = byCode[p.name]; if (u) { onClick(u); } };
    mapChart.on('click', mapHandler);
  }

  function showStreets() {
    street = null;
    document.getElementById('back').hidden = true;
    document.getElementById('map-title').textContent = (district ? district.shortName : '东城区') + ' ' + tiles.length + ' 个街道';
    return query('STREET').then(function (page) {
      var byCode = {};
      page.items.forEach(function (u) { byCode[u.unitCode] = u; });
      var real = features('STREET', null, tiles.map(function (t) { return t.streetCode; }));
      if (real) {
        showMap('huian-' + district.code + '-streets', real, page.items, drill);
        return;
      }
      var map = showTiles();
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
      var real = features('COMMUNITY', u.unitCode, page.items.map(function (c) { return c.unitCode; }));
      if (real) {
        showMap('huian-' + district.code + '-' + u.unitCode, real, page.items, explain);
        return;
      }
      var map = showTiles();
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
    if (mapChart && !document.getElementById('boundary-map').hidden) {
      mapChart.dispatchAction({ type: 'select', seriesIndex: 0, name: u.unitCode });
    }
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
    return Promise.all([get('/api/risk/trends?level=STREET&warningsOnly=true' + districtParam(false)),
      get('/api/risk/trends?level=COMMUNITY&warningsOnly=true' + districtParam(false))])
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
  window.addEventListener('resize', function () { trendChart.resize(); if (mapChart) { mapChart.resize(); } });

  /** Reads the shown district's tile layout and, when it has any, its boundaries; then draws it. */
  function showDistrict() {
    street = null;
    document.body.dataset.loaded = 'false';
    var wantBoundaries = district && district.boundaries > 0;
    return Promise.all([get('/api/risk/street-tiles' + districtParam(true)),
      wantBoundaries ? get('/api/units/boundaries' + districtParam(true)) : null])
      .then(function (r) { tiles = r[0]; boundaries = r[1]; return load(); })
      .then(warnings);
  }

  function fail(e) { message.innerHTML = e.message; document.body.dataset.loaded = 'error'; }

  var picker = document.getElementById('district');
  picker.addEventListener('change', function () {
    district = districts.filter(function (d) { return d.code === picker.value; })[0];
    showDistrict().catch(fail);
  });
  get('/api/districts').then(function (list) {
    districts = list;
    district = list[0] || null;
    list.forEach(function (d) {
      var o = document.createElement('option'); o.value = d.code; o.textContent = d.name.replace('综治中心', '');
      picker.appendChild(o);
    });
    document.getElementById('district-picker').hidden = list.length <= 1;
    return showDistrict();
  }).catch(fail);
})();
