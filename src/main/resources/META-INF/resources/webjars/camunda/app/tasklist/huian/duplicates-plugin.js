/*
 * Huian's Tasklist plugin: a "可能重复" tab beside the form of a case's task. It lists the cases
 * that may be the same matter (GET /api/cases/{caseNo}/duplicates, read with the Tasklist
 * session), with their score and reasons, and lets the handler close this case as a duplicate of
 * one of them (POST /api/cases/{caseNo}/duplicate-of, with the webapp's CSRF token), after an
 * inline confirmation with an optional note. Tasks
 * without a caseNo variable (dialogue, health reports) show a short note. docs/duplicates.md.
 */
const STATUS = { IN_PROGRESS: '办理中', RESOLVED: '已化解待回访', AGREED: '协议履行中', CLOSED: '已办结',
  RESOLVED_FULFILLED: '履行完毕', DUPLICATE: '已作为重复件关闭' };

function escape(s) {
  const d = document.createElement('div');
  d.textContent = s == null ? '' : String(s);
  return d.innerHTML;
}

function time(t) {
  return t ? new Date(t).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '';
}

async function caseNoOf(api, taskId) {
  const r = await fetch(api.engineApi + '/task/' + encodeURIComponent(taskId) + '/variables/caseNo',
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (r.status === 404) {
    return null;
  }
  if (!r.ok) {
    throw new Error('读取任务的案件编号失败：' + r.status);
  }
  return (await r.json()).value;
}

async function load(caseNo) {
  const r = await fetch('/api/cases/' + encodeURIComponent(caseNo) + '/duplicates',
    { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'huian-tasklist' } });
  if (!r.ok) {
    throw new Error('读取可能重复的案件失败：' + r.status);
  }
  return r.json();
}

function links(d) {
  const parts = [];
  if (d.duplicateOf) {
    parts.push('<p class="huian-dup-of">本案已作为 <strong>' + escape(d.duplicateOf.originalCaseNo) + '</strong> 的重复件关闭'
      + (d.duplicateOf.note ? '：' + escape(d.duplicateOf.note) : '') + '</p>');
  }
  if (d.duplicates && d.duplicates.length) {
    parts.push('<p class="huian-dup-linked">作为本案重复件关闭的案件：'
      + d.duplicates.map((l) => '<strong>' + escape(l.caseNo) + '</strong>').join('、') + '</p>');
  }
  return parts.join('');
}

function table(d) {
  if (!d.suggestions.length) {
    return '<p class="huian-dup-none">未发现可能重复的在办或近期办结案件。</p>';
  }
  const open = d.status !== 'DUPLICATE' && d.status !== 'CLOSED' && d.status !== 'RESOLVED_FULFILLED';
  const rows = d.suggestions.map((s) => '<tr data-case-no="' + escape(s.caseNo) + '">'
    + '<td>' + escape(Math.round(s.score * 100)) + '</td>'
    + '<td><strong>' + escape(s.caseNo) + '</strong><br>' + escape(s.title) + '</td>'
    + '<td>' + escape(s.categoryName) + '<br>' + escape(STATUS[s.status] || s.status) + '</td>'
    + '<td>' + escape(s.unit ? s.unit.name : '') + '<br>' + escape(time(s.createdAt)) + '</td>'
    + '<td><ul>' + s.reasons.map((r) => '<li>' + escape(r.label) + '</li>').join('') + '</ul></td>'
    + '<td>' + (open ? '<button type="button" class="btn btn-default huian-dup-mark">标记本案为其重复件</button>' : '') + '</td></tr>');
  return '<table class="table huian-dup-table"><thead><tr><th>得分</th><th>案件</th><th>类别与状态</th><th>承办单位与受理时间</th>'
    + '<th>理由</th><th></th></tr></thead><tbody>' + rows.join('') + '</tbody></table>';
}

/** The webapp's CSRF token: as Tasklist hands it to plugins, else from its cookie. */
function csrfToken(api) {
  if (api && api.CSRFToken) {
    return api.CSRFToken;
  }
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

async function mark(api, caseNo, original, note) {
  const r = await fetch('/api/cases/' + encodeURIComponent(caseNo) + '/duplicate-of', {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(api) },
    body: JSON.stringify({ originalCaseNo: original, note: note || null })
  });
  if (!r.ok) {
    let detail = String(r.status);
    try {
      detail = (await r.json()).detail || detail;
    } catch (e) {
      // not JSON: keep the status
    }
    throw new Error(detail);
  }
  return r.json();
}

async function show(node, api, taskId) {
  const caseNo = await caseNoOf(api, taskId);
  if (!caseNo) {
    node.innerHTML = '<section class="huian-dup"><p>本任务不涉及案件。</p></section>';
    return;
  }
  const d = await load(caseNo);
  node.innerHTML = '<section class="huian-dup"><h3>可能重复的案件（' + escape(d.suggestions.length) + '）</h3>'
    + '<style>.huian-dup{padding:10px}.huian-dup-table td{vertical-align:top}.huian-dup-table ul{padding-left:16px;margin:0}'
    + '.huian-dup-msg{color:#b42318}</style>'
    + '<p class="text-muted">按当事人、地址或网格、标题与描述、近期同类事项比对；仅列本单位可见的在办或近期办结案件。</p>'
    + links(d) + table(d)
    + '<div class="huian-dup-confirm well" hidden><p>将本案（' + escape(caseNo) + '）作为 <strong class="huian-dup-target"></strong> '
    + '的重复件关闭：本案流程随之结束，计时停止，并告知反映人。</p>'
    + '<label>说明（可不填）<textarea class="form-control" maxlength="1000" rows="2"></textarea></label> '
    + '<button type="button" class="btn btn-primary huian-dup-submit">确认关闭</button> '
    + '<button type="button" class="btn btn-default huian-dup-cancel">取消</button></div>'
    + '<p class="huian-dup-msg" role="status"></p></section>';
  const form = node.querySelector('.huian-dup-confirm');
  let original = null;
  node.querySelectorAll('.huian-dup-mark').forEach((button) => button.addEventListener('click', () => {
    original = button.closest('tr').getAttribute('data-case-no');
    form.querySelector('.huian-dup-target').textContent = original;
    form.hidden = false;
    form.querySelector('textarea').focus();
  }));
  form.querySelector('.huian-dup-cancel').addEventListener('click', () => {
    form.hidden = true;
  });
  form.querySelector('.huian-dup-submit').addEventListener('click', async () => {
    const message = node.querySelector('.huian-dup-msg');
    try {
      await mark(api, caseNo, original, form.querySelector('textarea').value.trim());
      message.textContent = '本案已作为 ' + original + ' 的重复件关闭，流程已结束。';
      form.hidden = true;
      node.querySelectorAll('.huian-dup-mark').forEach((b) => b.remove());
    } catch (e) {
      message.textContent = '未能标记：' + e.message;
    }
  });
}

export default {
  id: 'huian.duplicates',
  pluginPoint: 'tasklist.task.detail',
  priority: 900,
  properties: { label: '可能重复' },
  render: (node, { taskId, api }) => {
    node.innerHTML = '<section class="huian-dup"><p>加载中…</p></section>';
    show(node, api, taskId).catch((e) => {
      node.innerHTML = '<section class="huian-dup"><p>' + escape(e.message) + '</p></section>';
    });
  }
};
