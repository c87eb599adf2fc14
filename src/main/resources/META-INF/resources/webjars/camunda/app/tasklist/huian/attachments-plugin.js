/*
 * Huian's Tasklist plugin: a "案件照片" tab on the task detail with the photos and PDFs of the
 * task's case (read from /api with the Tasklist session), a link to the case page, and a form to
 * add photos for this step (处置前 / 处置后). The upload carries the webapps' CSRF token, the one
 * write /api accepts with a session (docs/attachments.md).
 */
const ENGINE = '/camunda/api/engine/engine/default';
const HEADERS = { Accept: 'application/json', 'X-Requested-With': 'huian-tasklist' };

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
  if (text != null) e.textContent = String(text);
  return e;
}

function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

async function json(url) {
  const r = await fetch(url, { credentials: 'same-origin', headers: HEADERS });
  if (!r.ok) {
    const e = new Error('读取失败：' + r.status);
    e.status = r.status;
    throw e;
  }
  return r.json();
}

async function caseOf(taskId) {
  const task = await json(ENGINE + '/task/' + encodeURIComponent(taskId));
  try {
    const v = await json(ENGINE + '/task/' + encodeURIComponent(taskId) + '/variables/caseNo');
    return { task, caseNo: v.value };
  } catch (e) {
    const pi = await json(ENGINE + '/process-instance/' + encodeURIComponent(task.processInstanceId));
    return { task, caseNo: pi.businessKey };
  }
}

function gallery(items) {
  const g = el('div', { class: 'huian-attachments-gallery', style: 'display:flex;flex-wrap:wrap;gap:10px;margin:8px 0' });
  if (!items.length) {
    g.append(el('p', {}, '本案件还没有照片或附件。'));
  }
  items.forEach((a) => {
    const f = el('figure', { 'data-attachment': a.id, style: 'margin:0;width:160px' });
    const link = el('a', { href: a.url, target: '_blank', rel: 'noopener' });
    if (a.thumbnailUrl) {
      link.append(el('img', { src: a.thumbnailUrl, alt: a.caption || '案件照片', style: 'width:160px;height:120px;object-fit:cover;border:1px solid #ccc' }));
    } else {
      link.textContent = '打开文件';
    }
    f.append(link, el('figcaption', { style: 'font-size:12px' }, (a.step || '受理时') + (a.caption ? '：' + a.caption : '')));
    g.append(f);
  });
  return g;
}

async function render(node, taskId) {
  node.innerHTML = '';
  const root = el('section', { class: 'huian-attachments', style: 'padding:10px' });
  node.append(root);
  root.append(el('p', {}, '加载中…'));
  let context;
  try {
    context = await caseOf(taskId);
  } catch (e) {
    root.textContent = '无法读取任务所属的案件：' + e.message;
    return;
  }
  const { task, caseNo } = context;
  if (!caseNo) {
    root.textContent = '该任务不属于任何案件。';
    return;
  }
  const base = '/api/cases/' + encodeURIComponent(caseNo) + '/attachments';
  root.innerHTML = '';
  const head = el('p');
  head.append('案件 ' + caseNo + ' 的照片与附件 · ');
  head.append(el('a', { href: '/cases/' + encodeURIComponent(caseNo), target: '_blank', class: 'huian-case-page-link' }, '打开案件页面'));
  root.append(head);
  const list = el('div');
  root.append(list);
  const reload = async () => {
    try {
      const body = await json(base);
      list.replaceChildren(gallery(body.items));
    } catch (e) {
      list.textContent = e.status === 404 ? '本单位无权查看该案件的附件。' : e.message;
    }
  };
  await reload();

  const form = el('form', { class: 'huian-attachment-upload', style: 'margin-top:10px' });
  form.innerHTML = '<fieldset><legend>添加照片（本环节：' + el('b', {}, task.name).outerHTML + '）</legend>'
    + '<label>阶段 <select name="phase"><option value="处置前">处置前</option><option value="处置后">处置后</option>'
    + '<option value="">其他</option></select></label> '
    + '<label>说明 <input name="caption" maxlength="200" placeholder="例如：楼道堆物已清理"></label> '
    + '<input type="file" name="file" accept="image/jpeg,image/png,image/webp,application/pdf" multiple> '
    + '<button type="submit" class="btn btn-default">上传</button> <span class="huian-upload-status" role="status"></span>'
    + '<p style="font-size:12px;color:#666">JPEG、PNG、WebP 或 PDF，每个不超过 10 MB，每个环节最多 9 个。照片中的位置等信息会在保存时去除。</p></fieldset>';
  root.append(form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = form.querySelector('.huian-upload-status');
    const files = form.querySelector('input[type=file]').files;
    if (!files.length) {
      status.textContent = '请选择文件';
      return;
    }
    const data = new FormData();
    Array.from(files).forEach((f) => data.append('file', f));
    const phase = form.querySelector('select[name=phase]').value;
    data.append('step', task.name + (phase ? '（' + phase + '）' : ''));
    const caption = form.querySelector('input[name=caption]').value.trim();
    if (caption) data.append('caption', caption);
    status.textContent = '上传中…';
    const r = await fetch(base, { method: 'POST', credentials: 'same-origin', body: data,
      headers: { Accept: 'application/json', 'X-Requested-With': 'huian-tasklist', 'X-XSRF-TOKEN': csrfToken() } });
    if (r.ok) {
      status.textContent = '已上传';
      form.reset();
      await reload();
    } else {
      let detail = '上传失败：' + r.status;
      try {
        detail = (await r.json()).detail || detail;
      } catch (e) { /* not JSON */ }
      status.textContent = detail;
    }
  });
}

export default {
  id: 'huian.caseAttachments',
  pluginPoint: 'tasklist.task.detail',
  // after the built-in form tab, which stays the one a task opens with
  priority: 5,
  properties: { label: '案件照片' },
  render: (node, { taskId }) => {
    render(node, taskId);
  }
};
