// The tracking page (/track/{token}): the token is the last part of the address.
const $ = (id) => document.getElementById(id);
const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit' });

function time(iso) {
  return iso ? TIME.format(new Date(iso)) : '';
}

async function load() {
  const token = window.location.pathname.split('/').filter(Boolean).pop();
  const r = await fetch('/api/public/track/' + encodeURIComponent(token), { headers: { Accept: 'application/json' } });
  const answer = await r.json().catch(() => ({}));
  if (!r.ok) {
    $('message').textContent = r.status === 404 ? '未找到该查询链接，请核对短信或受理回执中的链接是否完整。'
      : (answer.detail || '暂时无法查询，请稍后再试。');
    document.body.dataset.loaded = 'true';
    return;
  }
  $('message').hidden = true;
  $('case').hidden = false;
  $('case-no').textContent = answer.caseNo;
  $('status').textContent = answer.statusName;
  $('status').classList.toggle('closed', answer.closed);
  $('category').textContent = answer.categoryName;
  $('unit').textContent = answer.unitName || '—';
  $('deadline').textContent = answer.closed ? (answer.closedAt ? '已于 ' + time(answer.closedAt) + ' 办结' : '已办结')
    : (answer.deadline ? time(answer.deadline) + ' 前' : '—');
  $('created').textContent = time(answer.createdAt);
  $('photos').textContent = answer.photos ? answer.photos + ' 张' : '无';
  const list = $('notes');
  list.replaceChildren();
  answer.notes.slice().reverse().forEach((n) => {
    const li = document.createElement('li');
    const t = document.createElement('time');
    t.dateTime = n.time;
    t.textContent = time(n.time);
    li.append(t, document.createTextNode(n.text));
    list.append(li);
  });
  $('timeline').hidden = answer.notes.length === 0;
  document.body.dataset.loaded = 'true';
}

load().catch(() => {
  $('message').textContent = '网络异常，请稍后再试。';
  document.body.dataset.loaded = 'true';
});
