// 汇安网格员移动端 (/m/): sign-in, the worker's grids and tasks, the report form and the outbox.
// Plain ES modules, no build step. Every report goes through the outbox in IndexedDB first, so a
// report filed offline and one filed online take the same road; photos follow their report.
import { session, sent, outbox, newRef } from './store.js';

const $ = (id) => document.getElementById(id);
const MAX_PHOTOS = 9;
const RETRY_MS = 15000;
let me = null;
let flushing = false;
let reportPhotos = [];
let completePhoto = null;
let currentTask = null;
let position = null;

// ------------------------------------------------------------------------------------ server

class Offline extends Error {}

async function api(method, path, body) {
  const s = session.get();
  const headers = { 'X-Requested-With': 'huian-field', Accept: 'application/json' };
  if (s) headers.Authorization = 'Bearer ' + s.token;
  if (body && !(body instanceof FormData)) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    throw new Offline('网络不可用');
  }
  let data = null;
  try { data = await res.json(); } catch (e) { /* no body */ }
  if (res.status === 401 && s) expired();
  return { status: res.status, data };
}

function problemText(data, fallback) {
  if (!data) return fallback;
  const fields = (data.errors || []).map((e) => e.message).join('；');
  return fields || data.detail || fallback;
}

// ------------------------------------------------------------------------------------ screens

function show(tab) {
  for (const id of ['login', 'tasks', 'report', 'grids']) $(id).hidden = id !== tab;
  $('tabs').hidden = tab === 'login';
  for (const b of document.querySelectorAll('#tabs button')) {
    if (b.dataset.tab === tab) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
  }
  if (tab === 'tasks') loadTasks();
}

function expired() {
  session.clear();
  me = null;
  $('login-message').textContent = '登录已过期，请重新登录；未发送的信息仍保存在手机上。';
  show('login');
}

async function login(event) {
  event.preventDefault();
  const user = $('login-user').value.trim();
  const password = $('login-password').value;
  if (!user || !password) {
    $('login-message').textContent = '请输入用户名和密码';
    return;
  }
  $('login-message').textContent = '';
  let r;
  try {
    const basic = btoa(String.fromCharCode(...new TextEncoder().encode(user + ':' + password)));
    const res = await fetch('/api/field/token', { method: 'POST', credentials: 'omit',
      headers: { Authorization: 'Basic ' + basic, 'X-Requested-With': 'huian-field', Accept: 'application/json' } });
    r = { status: res.status, data: await res.json().catch(() => null) };
  } catch (e) {
    $('login-message').textContent = '网络不可用，请联网后登录';
    return;
  } finally {
    $('login-password').value = '';
  }
  if (r.status !== 200) {
    $('login-message').textContent = r.status === 401 ? '用户名或密码错误' : problemText(r.data, '登录失败，请稍后重试');
    return;
  }
  session.set({ token: r.data.token, expiresAt: r.data.expiresAt, me: r.data.me });
  start(r.data.me);
}

function start(profile) {
  me = profile;
  renderProfile();
  show('tasks');
  renderOutbox();
  flush();
}

function renderProfile() {
  $('me').textContent = '当前用户：' + me.name + '（' + me.userId + '）';
  const list = $('grid-list');
  list.replaceChildren(...me.grids.map((g) => li(null, [strong(g.name), text(g.streetName + ' · ' + g.communityName)])));
  if (!me.grids.length) list.replaceChildren(li(null, [text('您不属于任何网格，不能上报或办理网格任务。')]));
  const select = $('report-grid');
  select.replaceChildren(...me.grids.map((g) => {
    const o = document.createElement('option');
    o.value = g.code;
    o.textContent = g.name + '（' + g.communityName + '）';
    return o;
  }));
}

/** The grids may have changed since the sign-in: read them again when the network allows. */
async function refreshProfile() {
  try {
    const r = await api('GET', '/api/field/me');
    const s = session.get();
    if (r.status === 200 && s) {
      session.set({ ...s, me: r.data });
      me = r.data;
      renderProfile();
    }
  } catch (e) { /* offline: keep what the phone has */ }
}

// ------------------------------------------------------------------------------------ tasks

const TASKS = 'huian.field.tasks';

function say(id, message, error) {
  const e = $(id);
  e.textContent = message;
  e.className = error ? 'message' : 'muted';
}

async function loadTasks() {
  if (!session.get()) return;
  say('tasks-message', '正在加载…');
  let r;
  try {
    r = await api('GET', '/api/field/tasks');
  } catch (e) {
    const cached = JSON.parse(localStorage.getItem(TASKS) || 'null');
    if (cached && cached.userId === me.userId) {
      renderTasks(cached.data);
      say('tasks-message', '离线：显示上次联网时的待办（' + new Date(cached.data.now).toLocaleString('zh-CN') + '）', true);
    } else {
      say('tasks-message', '离线：联网后显示最新待办', true);
    }
    return;
  }
  if (r.status !== 200) {
    say('tasks-message', problemText(r.data, '待办加载失败'), true);
    return;
  }
  localStorage.setItem(TASKS, JSON.stringify({ userId: me.userId, data: r.data }));
  renderTasks(r.data);
  say('tasks-message', r.data.items.length ? '共 ' + r.data.items.length + ' 件，按办结时限排序' : '暂无待办任务');
}

function renderTasks(data) {
  const now = Date.parse(data.now);
  $('task-list').replaceChildren(...data.items.map((t) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'task';
    b.append(strong(t.title), chip(t), text(' ' + due(t.deadline, now)), br(),
      text(t.caseNo + ' · ' + t.categoryName + ' · ' + (t.gridName || '')));
    b.addEventListener('click', () => openTask(t, now));
    return li('w-' + t.warning, [b]);
  }));
}

function chip(t) {
  const c = document.createElement('span');
  c.className = 'chip w-' + t.warning;
  c.textContent = t.warningName;
  return c;
}

function due(deadline, now) {
  if (!deadline) return '';
  const left = Date.parse(deadline) - now;
  const hours = Math.round(Math.abs(left) / 3600000);
  const span = hours >= 48 ? Math.round(hours / 24) + ' 天' : Math.max(hours, 1) + ' 小时';
  return left >= 0 ? '剩余 ' + span : '超期 ' + span;
}

function openTask(t, now) {
  currentTask = t;
  completePhoto = null;
  $('complete-previews').replaceChildren();
  $('complete-message').textContent = '';
  $('complete-actions').value = '';
  $('task-title').textContent = t.title;
  $('task-meta').replaceChildren(chip(t), text(t.caseNo + ' · 时限 ' + new Date(t.deadline).toLocaleString('zh-CN') + '（' + due(t.deadline, now) + '）'));
  $('task-description').textContent = [t.description, t.address].filter(Boolean).join(' · 地址：');
  $('task-list').hidden = true;
  $('task-detail').hidden = false;
  $('complete-actions').focus();
}

function closeTask() {
  currentTask = null;
  $('task-detail').hidden = true;
  $('task-list').hidden = false;
}

async function complete(event) {
  event.preventDefault();
  const actions = $('complete-actions').value.trim();
  const message = $('complete-message');
  if (!actions) { message.textContent = '请填写处置措施及经过'; return; }
  if (!completePhoto) { message.textContent = '请拍摄处置结果照片'; return; }
  const form = new FormData();
  form.append('actionsTaken', actions);
  form.append('clientRef', completePhoto.clientRef);
  form.append('file', completePhoto.blob, completePhoto.name);
  message.textContent = '正在提交…';
  let r;
  try {
    r = await api('POST', '/api/field/tasks/' + encodeURIComponent(currentTask.taskId) + '/completion', form);
  } catch (e) {
    message.textContent = '离线时不能办结，请联网后再试（填写内容保留）';
    return;
  }
  if (r.status === 200) {
    message.textContent = '';
    closeTask();
    loadTasks().then(() => say('tasks-message', '已办结：' + r.data.caseNo));
  } else {
    message.textContent = problemText(r.data, '提交失败');
  }
}

// ------------------------------------------------------------------------------------ report

/** Large camera photos are scaled to 1600 px on the phone before they wait in the outbox. */
async function shrink(file) {
  if (file.size < 1500000 || !window.createImageBitmap) return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve) => canvas.toBlob((b) => resolve(b || file), 'image/jpeg', 0.85));
  } catch (e) {
    return file;
  }
}

async function addPhoto(input, previews, keep) {
  const file = input.files && input.files[0];
  input.value = '';
  if (!file) return;
  const blob = await shrink(file);
  const photo = { clientRef: newRef('p'), name: file.name || 'photo.jpg', blob };
  keep(photo);
  $(input.id === 'report-photo' ? 'report-message' : 'complete-message').textContent = '';
  const img = document.createElement('img');
  img.src = URL.createObjectURL(blob);
  img.alt = '已拍照片';
  previews.append(img);
}

function locate() {
  const out = $('report-position');
  if (!navigator.geolocation) { out.textContent = '此浏览器不能定位'; return; }
  out.textContent = '正在定位…（请在弹出的提示中允许使用位置）';
  navigator.geolocation.getCurrentPosition((p) => {
    position = { lat: +p.coords.latitude.toFixed(6), lon: +p.coords.longitude.toFixed(6) };
    out.textContent = '已附位置：' + position.lat + ', ' + position.lon + '（精度约 ' + Math.round(p.coords.accuracy) + ' 米）';
  }, (e) => {
    position = null;
    out.textContent = e.code === 1 ? '未获准使用位置，上报将不含位置' : '定位失败，上报将不含位置';
  }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
}

function isoNow() {
  const d = new Date();
  const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':'
    + pad(d.getMinutes()) + ':' + pad(d.getSeconds()) + (off >= 0 ? '+' : '-') + pad(off / 60) + ':' + pad(off % 60);
}

async function fileReport(event) {
  event.preventDefault();
  const form = $('report-form');
  const message = $('report-message');
  message.className = 'message';
  const description = $('report-description').value.trim();
  if (!$('report-grid').value) { message.textContent = '请选择网格'; return; }
  if (!description) { message.textContent = '请填写情况描述'; return; }
  const body = {
    externalRef: newRef('m'),
    kind: form.elements.kind.value,
    gridId: $('report-grid').value,
    description,
    severity: Number(form.elements.severity.value),
    occurredAt: isoNow(),
  };
  if (position) { body.lat = position.lat; body.lon = position.lon; }
  const subject = $('report-subject').value.trim();
  const address = $('report-address').value.trim();
  if (subject || address) body.subject = { name: subject || null, address: address || null };
  await outbox.put({ externalRef: body.externalRef, userId: me.userId, createdAt: new Date().toISOString(), body,
    photos: reportPhotos.map((p) => ({ ...p, sent: false })), reportNo: null, error: null });
  form.reset();
  reportPhotos = [];
  position = null;
  $('report-previews').replaceChildren();
  $('report-position').textContent = '';
  message.className = 'message ok';
  message.textContent = navigator.onLine ? '已保存，正在发送…' : '已保存在手机上，联网后自动发送';
  await renderOutbox();
  flush();
}

// ------------------------------------------------------------------------------------ outbox

/** Sends what waits, oldest first: each report once (externalRef), then each of its photos once (clientRef). */
async function flush() {
  if (flushing || !me || !session.get()) return;
  flushing = true;
  try {
    for (const item of await outbox.all()) {
      if (item.userId !== me.userId || item.error) continue;
      if (!item.reportNo) {
        const r = await api('POST', '/api/grid-reports', item.body);
        if (r.status === 200 || r.status === 201) {
          item.reportNo = r.data.reportNo;
          await outbox.put(item);
        } else if (r.status >= 400 && r.status < 500 && r.status !== 401 && r.status !== 429) {
          item.error = problemText(r.data, '被退回（' + r.status + '）');
          await outbox.put(item);
          continue;
        } else {
          break; // signed out, busy or down: try again later
        }
      }
      for (const photo of item.photos.filter((p) => !p.sent)) {
        const form = new FormData();
        form.append('file', photo.blob, photo.name);
        form.append('clientRef', photo.clientRef);
        const r = await api('POST', '/api/grid-reports/' + encodeURIComponent(item.reportNo) + '/attachments', form);
        if (r.status === 200 || r.status === 201) {
          photo.sent = true;
          await outbox.put(item);
        } else if (r.status >= 400 && r.status < 500 && r.status !== 401 && r.status !== 429) {
          photo.sent = true; // the server refuses this file for good (type, size): keep the report going
          photo.refused = problemText(r.data, '照片被拒收');
          await outbox.put(item);
        } else {
          throw new Offline('稍后重试');
        }
      }
      await outbox.remove(item.externalRef);
      sent.add({ reportNo: item.reportNo, at: new Date().toISOString(), photos: item.photos.filter((p) => !p.refused).length });
    }
  } catch (e) {
    if (!(e instanceof Offline)) console.error(e);
  } finally {
    flushing = false;
    await renderOutbox();
  }
}

async function renderOutbox() {
  const items = me ? (await outbox.all()).filter((i) => i.userId === me.userId) : [];
  const waiting = items.filter((i) => !i.error).length;
  const q = $('queue');
  q.textContent = waiting ? '待发送 ' + waiting + ' 条' : '全部已发送';
  q.classList.toggle('waiting', waiting > 0);
  q.dataset.count = String(waiting);
  $('outbox').replaceChildren(...items.map((i) => {
    const parts = [strong(kindName(i.body.kind) + ' · ' + i.body.description.slice(0, 30)), br(),
      text((i.reportNo ? i.reportNo + ' 照片发送中' : '等待发送') + ' · ' + i.photos.length + ' 张照片')];
    if (i.error) {
      const drop = document.createElement('button');
      drop.type = 'button';
      drop.className = 'secondary';
      drop.textContent = '删除此条';
      drop.addEventListener('click', async () => { await outbox.remove(i.externalRef); renderOutbox(); });
      parts.push(br(), text('被退回：' + i.error), drop);
    }
    return li(i.error ? 'rejected' : 'waiting', parts);
  }));
  $('sent').replaceChildren(...sent.list().map((s) => li(null, [text(s.reportNo + ' · ' + s.photos + ' 张照片 · '
    + new Date(s.at).toLocaleString('zh-CN'))])));
}

function kindName(kind) {
  return { PERSON: '人', PLACE: '地', EVENT: '事', OBJECT: '物', SENTIMENT: '情' }[kind] || kind;
}

function network() {
  const net = $('net');
  net.textContent = navigator.onLine ? '在线' : '离线';
  net.classList.toggle('offline', !navigator.onLine);
  if (navigator.onLine) flush();
}

// ------------------------------------------------------------------------------------ helpers

function li(cls, children) {
  const e = document.createElement('li');
  if (cls) e.className = cls;
  e.append(...children);
  return e;
}
function strong(s) { const e = document.createElement('b'); e.textContent = s; return e; }
function text(s) { return document.createTextNode(s); }
function br() { return document.createElement('br'); }

// ------------------------------------------------------------------------------------ start

$('login-form').addEventListener('submit', login);
$('report-form').addEventListener('submit', fileReport);
$('complete-form').addEventListener('submit', complete);
$('complete-cancel').addEventListener('click', closeTask);
$('report-locate').addEventListener('click', locate);
$('report-photo').addEventListener('change', () => {
  if (reportPhotos.length >= MAX_PHOTOS) { $('report-message').textContent = '最多 9 张照片'; return; }
  addPhoto($('report-photo'), $('report-previews'), (p) => reportPhotos.push(p));
});
$('complete-photo').addEventListener('change', () => {
  $('complete-previews').replaceChildren();
  addPhoto($('complete-photo'), $('complete-previews'), (p) => { completePhoto = p; });
});
$('logout').addEventListener('click', () => { session.clear(); localStorage.removeItem(TASKS); me = null; renderOutbox(); show('login'); });
for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => show(b.dataset.tab));
window.addEventListener('online', network);
window.addEventListener('offline', network);
setInterval(() => { if (navigator.onLine) flush(); }, RETRY_MS);

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/m/sw.js', { scope: '/m/' }).catch(() => { /* WeChat's older webviews: the app works without */ });
}
network();
const saved = session.get();
if (saved) {
  start(saved.me);
  refreshProfile();
} else {
  show('login');
}
document.body.dataset.ready = 'true';
