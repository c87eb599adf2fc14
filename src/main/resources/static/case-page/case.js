// Huian case page (/cases/{caseNo}): the case's summary, its photos by handling step with before
// and after side by side, and its timeline. Reads /api with the webapp session (GET only), so it
// shows exactly what the user's unit may see.
const LEVELS = { GRID: '网格', COMMUNITY: '社区', STREET: '街道', DISTRICT: '区' };
const STATUS = { RECEIVED: '已受理', IN_PROGRESS: '办理中', RESOLVED: '已化解', AGREED: '协议履行中', CLOSED: '已办结' };
const SLA = { GREEN: '正常', AMBER: '临期预警', RED: '已超期' };
const EVENTS = {
  RECEIVED: '受理', ROUTED: '分级', DISPATCHED: '分拨', WARNED: '时限预警', ESCALATED: '上报', REFERRED: '转办',
  COMPLEXITY_APPROVED: '复杂案件获批', COMPLEXITY_REFUSED: '复杂案件未获批', RESOLVED: '化解', FEEDBACK: '回访',
  REOPENED: '重办', CLOSED: '办结', SUPERVISION_ORDERED: '督办', SUPERVISION_INSTRUCTED: '督办意见',
  MEDIATION_SCHEDULED: '安排调解', MEDIATION_HELD: '调解', AGREEMENT_LINKS_SENT: '发送确认链接',
  AGREEMENT_CONFIRMED: '协议确认', AGREEMENT_DECLINED: '协议被拒绝', AGREEMENT_EXPIRED: '确认链接过期',
  INSTALMENT_PAID: '履行', INSTALMENT_MISSED: '未按期履行', AGREEMENT_FULFILLED: '协议履行完毕',
  AGREEMENT_BREACHED: '协议违约', JUDICIAL_REFERRAL: '引导司法确认或诉讼', GRID_REPORT_LINKED: '关联网格上报', MIGRATED: '流程迁移'
};
const INTAKE = '受理时';

const caseNo = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
  if (text != null) e.textContent = String(text);
  return e;
}

function time(iso) {
  return iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
}

async function get(url) {
  const r = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'huian-case-page' } });
  if (r.status === 401) {
    const e = new Error('请先登录任务列表（Tasklist）。');
    e.login = true;
    throw e;
  }
  if (r.status === 403 || r.status === 404) throw new Error('案件不存在，或不属于本单位可查看的范围：' + caseNo);
  const body = await r.json();
  if (!r.ok) throw new Error(body.detail || ('请求失败：' + r.status));
  return body;
}

function figure(a, large) {
  const f = el('figure', { 'data-attachment': a.id });
  const link = el('a', { href: a.url, target: '_blank', rel: 'noopener' });
  if (a.thumbnailUrl) {
    link.append(el('img', { src: large && a.contentType !== 'application/pdf' ? a.url : a.thumbnailUrl, alt: a.caption || '案件照片', loading: 'lazy' }));
  } else {
    link.textContent = '打开文件';
  }
  f.append(link);
  const kind = a.contentType === 'application/pdf' ? '（PDF）' : '';
  f.append(el('figcaption', {}, (a.caption || '') + kind + ' · ' + time(a.createdAt)));
  return f;
}

function renderSummary(c) {
  $('title').textContent = c.title;
  const facts = $('facts');
  const add = (k, v, cls) => {
    facts.append(el('dt', {}, k));
    const dd = el('dd', cls ? { class: cls } : {}, v);
    facts.append(dd);
  };
  add('类别', c.categoryName || c.category);
  add('状态', STATUS[c.status] || c.status);
  add('层级', LEVELS[c.level] || c.level);
  add('承办单位', c.unit ? c.unit.name : '');
  add('办结时限', time(c.deadline) + (c.sla ? '（' + (SLA[c.sla] || c.sla) + '）' : ''), 'sla-' + (c.sla || ''));
  if (c.location && c.location.address) add('地点', c.location.address);
  add('受理时间', time(c.createdAt));
  $('description').textContent = c.description || '';
  $('summary').hidden = false;
}

function renderPhotos(items) {
  if (!items.length) {
    $('steps').append(el('p', {}, '本案件还没有照片或附件。'));
    $('photos').hidden = false;
    return;
  }
  const steps = new Map();
  items.forEach((a) => {
    const step = a.step || INTAKE;
    if (!steps.has(step)) steps.set(step, []);
    steps.get(step).push(a);
  });
  steps.forEach((list, step) => {
    const s = el('div', { class: 'step' });
    s.append(el('h3', {}, step + '（' + list.length + '）'));
    const g = el('div', { class: 'gallery' });
    list.forEach((a) => g.append(figure(a, false)));
    s.append(g);
    $('steps').append(s);
  });
  $('photos').hidden = false;
  const images = items.filter((a) => a.contentType !== 'application/pdf');
  const before = images.find((a) => (a.step || '').includes('处置前'));
  const after = [...images].reverse().find((a) => (a.step || '').includes('处置后'));
  if (before && after) {
    const pair = document.querySelector('#before-after .pair');
    const b = figure(before, true);
    b.querySelector('figcaption').textContent = '处置前：' + (before.caption || '') + ' · ' + time(before.createdAt);
    const a = figure(after, true);
    a.querySelector('figcaption').textContent = '处置后：' + (after.caption || '') + ' · ' + time(after.createdAt);
    pair.append(b, a);
    $('before-after').hidden = false;
  }
}

function renderTimeline(events) {
  const list = $('timeline');
  (events || []).forEach((e) => {
    const li = el('li');
    li.append(el('time', {}, time(e.time)));
    li.append(document.createTextNode((EVENTS[e.type] || e.type) + (e.unit ? ' · ' + e.unit.name : '') + (e.note ? '：' + e.note : '')));
    list.append(li);
  });
  $('timeline-section').hidden = false;
}

async function main() {
  $('case-no').textContent = caseNo;
  document.title = '汇安 · 案件 ' + caseNo;
  try {
    const [c, attachments] = await Promise.all([
      get('/api/cases/' + encodeURIComponent(caseNo)),
      get('/api/cases/' + encodeURIComponent(caseNo) + '/attachments')]);
    renderSummary(c);
    renderPhotos(attachments.items);
    renderTimeline(c.timeline);
    $('message').textContent = '';
    $('message').hidden = true;
  } catch (e) {
    $('message').textContent = e.message;
    if (e.login) {
      $('message').append(' ', el('a', { href: '/camunda/app/tasklist/' }, '前往登录'));
    }
  }
}

main();
