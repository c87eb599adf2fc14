// The resident's report form (/report): plain ES module, no framework, no build step.
const $ = (id) => document.getElementById(id);
const MAX_PHOTOS = 9;
const FIELDS = ['category', 'description', 'streetCode', 'communityCode', 'address', 'name', 'phone', 'files', 'lat', 'lon'];

let units = null;      // { district, streets: [{ code, name, shortName, communities: [...] }] }
let boundaries = null; // GeoJSON FeatureCollection of the district, when it has one
let photos = [];       // File objects, in order
let photoPlace = null;   // { lat, lon } suggested from a photo, only when the resident allowed it

async function json(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!r.ok) throw new Error(url + ' ' + r.status);
  return r.json();
}

function option(value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

async function init() {
  const [categories, districts] = await Promise.all([json('/api/public/categories'), json('/api/public/districts')]);
  categories.forEach((c) => $('category').append(option(c.code, c.name)));
  const wanted = new URLSearchParams(window.location.search).get('district');
  if (districts.length > 1) {
    $('district-field').hidden = false;
    districts.forEach((d) => $('district').append(option(d.code, d.name)));
    if (wanted && districts.some((d) => d.code === wanted)) $('district').value = wanted;
    $('district').addEventListener('change', () => loadDistrict(districts.find((d) => d.code === $('district').value)));
  }
  await loadDistrict(districts.find((d) => d.code === wanted) || districts[0]);
  $('streetCode').addEventListener('change', fillCommunities);
  $('anonymous').addEventListener('change', anonymousChanged);
  $('files').addEventListener('change', addPhotos);
  $('useGps').addEventListener('change', suggestLocation);
  $('report').addEventListener('submit', submit);
  ['category', 'streetCode', 'communityCode'].forEach((f) => $(f).addEventListener('change', () => showError(f, '')));
  ['description', 'name', 'phone', 'address'].forEach((f) => $(f).addEventListener('input', () => showError(f, '')));
  $('copy').addEventListener('click', () => navigator.clipboard && navigator.clipboard.writeText($('done-link').href));
  document.body.dataset.loaded = 'true';
}

async function loadDistrict(district) {
  units = await json('/api/public/units?district=' + encodeURIComponent(district.code));
  const street = $('streetCode');
  street.length = 1;
  units.streets.forEach((s) => street.append(option(s.code, placeName(s))));
  fillCommunities();
  boundaries = null;
  $('map-field').hidden = true;
  if (district.boundaries) {
    try {
      boundaries = await json('/api/public/boundaries?district=' + encodeURIComponent(district.code));
      await drawMap();
    } catch (e) {
      boundaries = null; // the pickers still work without the map
    }
  }
}

// Units are named as centres (安定门街道综治中心); a resident picks the place (安定门街道).
function placeName(unit) {
  return unit.name.replace(/综治中心$/, '') || unit.shortName;
}

function fillCommunities() {
  const community = $('communityCode');
  community.length = 1;
  const street = units && units.streets.find((s) => s.code === $('streetCode').value);
  (street ? street.communities : []).forEach((c) => community.append(option(c.code, placeName(c))));
}

function streetFeatures() {
  const streets = new Set(units.streets.map((s) => s.code));
  return boundaries.features.filter((f) => streets.has(f.properties.code));
}

// The map where the district imported its boundaries (docs/boundaries.md): tap a street to pick it.
async function drawMap() {
  const features = streetFeatures();
  if (features.length < units.streets.length) return; // only when every street has its boundary
  if (!window.echarts) {
    await new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = '/webjars/echarts/5.3.1/dist/echarts.min.js';
      s.onload = resolve;
      s.onerror = reject;
      document.head.append(s);
    });
  }
  $('map-field').hidden = false;
  const name = 'resident-' + units.district.code;
  window.echarts.registerMap(name, { type: 'FeatureCollection', features });
  const chart = window.echarts.init($('map'));
  chart.setOption({
    series: [{ type: 'map', map: name, nameProperty: 'code', selectedMode: 'single', layoutSize: '96%',
      label: { show: true, fontSize: 11,
      formatter: (p) => (units.streets.find((s) => s.code === p.name) || {}).shortName || '' },
      itemStyle: { areaColor: '#fde8e8', borderColor: '#a61b1b' },
      select: { itemStyle: { areaColor: '#a61b1b' }, label: { color: '#fff' } },
      data: units.streets.map((s) => ({ name: s.code })) }],
  });
  chart.on('click', (p) => {
    $('streetCode').value = p.name;
    fillCommunities();
    showError('streetCode', '');
  });
  // the picker and the map show the same street
  $('streetCode').addEventListener('change', () => {
    chart.dispatchAction({ type: 'unselect', seriesIndex: 0, name: units.streets.map((s) => s.code) });
    if ($('streetCode').value) chart.dispatchAction({ type: 'select', seriesIndex: 0, name: $('streetCode').value });
  });
}

function anonymousChanged() {
  const anonymous = $('anonymous').checked;
  $('name-field').hidden = anonymous;
  $('phone-field').hidden = anonymous;
}

function addPhotos() {
  const chosen = Array.from($('files').files);
  $('files').value = '';
  photos = photos.concat(chosen).slice(0, MAX_PHOTOS);
  if (chosen.length && photos.length === MAX_PHOTOS) showError('files', '最多上传 9 张照片');
  else showError('files', '');
  renderThumbs();
  suggestLocation();
}

function renderThumbs() {
  const list = $('thumbs');
  list.replaceChildren();
  photos.forEach((file, i) => {
    const li = document.createElement('li');
    const img = document.createElement('img');
    img.src = URL.createObjectURL(file);
    img.alt = '第 ' + (i + 1) + ' 张照片';
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = '删除';
    remove.setAttribute('aria-label', '删除第 ' + (i + 1) + ' 张照片');
    remove.addEventListener('click', () => {
      photos.splice(i, 1);
      renderThumbs();
      suggestLocation();
    });
    li.append(img, remove);
    list.append(li);
  });
}

// Only when the resident ticked it: the server reads the first photo's GPS once and answers it.
async function suggestLocation() {
  photoPlace = null;
  const note = $('gps-note');
  if (!$('useGps').checked || photos.length === 0) {
    note.textContent = '照片上传后会去除拍摄位置等全部附加信息；只有勾选此项，才读取一次位置用于推荐地点。';
    return;
  }
  note.textContent = '正在读取照片位置…';
  const body = new FormData();
  body.append('file', photos[0]);
  const r = await fetch('/api/public/photo-location', { method: 'POST', body });
  const answer = await r.json().catch(() => ({}));
  if (!r.ok || !answer.found) {
    note.textContent = r.ok ? '这张照片没有拍摄位置，请手动选择地点。' : (answer.detail || '无法读取照片位置，请手动选择地点。');
    return;
  }
  photoPlace = { lat: answer.lat, lon: answer.lon };
  const street = boundaries && streetAt(answer.lon, answer.lat);
  if (street) {
    $('streetCode').value = street;
    $('streetCode').dispatchEvent(new Event('change')); // communities, map and error follow
    const community = boundaries.features.find((f) => f.properties.parentCode === street && inFeature(f, answer.lon, answer.lat));
    if (community) $('communityCode').value = community.properties.code;
  }
  note.textContent = '已按照片位置（纬度 ' + answer.lat.toFixed(5) + '，经度 ' + answer.lon.toFixed(5) + '）'
    + (street ? '选择了街道，请核对。' : '记录坐标，请选择街道。');
}

function streetAt(lon, lat) {
  const f = streetFeatures().find((x) => inFeature(x, lon, lat));
  return f ? f.properties.code : null;
}

function inFeature(feature, lon, lat) {
  const g = feature.geometry;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polygons.some((rings) => inRing(rings[0], lon, lat) && !rings.slice(1).some((hole) => inRing(hole, lon, lat)));
}

function inRing(ring, x, y) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function showError(field, message) {
  const target = field.startsWith('files') || field === 'file' ? 'files' : field;
  const p = $('err-' + target);
  if (!p) return false;
  p.textContent = message;
  const input = $(target);
  if (input) {
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  return true;
}

function clearErrors() {
  FIELDS.forEach((f) => showError(f, ''));
  $('summary').textContent = '';
}

async function submit(event) {
  event.preventDefault();
  clearErrors();
  const anonymous = $('anonymous').checked;
  const report = {
    category: $('category').value || null,
    description: $('description').value,
    streetCode: $('streetCode').value || null,
    communityCode: $('communityCode').value || null,
    address: $('address').value || null,
    lat: photoPlace ? photoPlace.lat : null,
    lon: photoPlace ? photoPlace.lon : null,
    name: anonymous ? null : $('name').value,
    phone: anonymous ? null : ($('phone').value || null),
    anonymous,
    website: $('website').value,
  };
  const body = new FormData();
  body.append('report', new Blob([JSON.stringify(report)], { type: 'application/json' }), 'report.json');
  photos.forEach((f) => body.append('files', f, f.name));
  $('submit').disabled = true;
  $('submit').textContent = '正在提交…';
  try {
    const r = await fetch('/api/public/reports', { method: 'POST', body });
    const answer = await r.json().catch(() => ({}));
    if (r.status === 201) {
      done(answer);
      return;
    }
    const unplaced = [];
    (answer.errors || []).forEach((e) => {
      if (!showError(e.field, e.message)) unplaced.push(e.message);
    });
    $('summary').textContent = (r.status === 429 ? answer.detail : '提交未成功，请按提示修改后再提交。')
      + (unplaced.length ? ' ' + unplaced.join('；') : '');
    $('summary').focus();
    const first = (answer.errors || []).map((e) => $(e.field.startsWith('files') ? 'files' : e.field)).find((x) => x);
    if (first && r.status !== 429) first.focus();
  } catch (e) {
    $('summary').textContent = '网络异常，请检查网络后重试；本次反映未提交。';
    $('summary').focus();
  } finally {
    $('submit').disabled = false;
    $('submit').textContent = '提交反映';
  }
}

function done(answer) {
  $('report').hidden = true;
  $('done').hidden = false;
  $('done-case').textContent = answer.caseNo;
  $('done-unit').textContent = answer.unitName ? '承办单位：' + answer.unitName : '';
  $('done-link').href = answer.trackingPath;
  $('done-link').textContent = answer.trackingUrl;
  $('done-sms').textContent = answer.smsQueued ? '查询链接已通过短信发送到您的手机。' : '您没有留下手机号码，请自行保存此链接。';
  $('done').focus();
}

init().catch(() => {
  $('summary').textContent = '页面加载失败，请刷新重试。';
});
