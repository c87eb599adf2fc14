/*
 * Huian's Cockpit plugin: on the Cockpit dashboard, the cases in warning (AMBER) and in breach
 * (RED) with their level, unit and deadline, read from /api/cases with the Cockpit session.
 * Each row links to the case's process instance, where a breach shows as a huianSlaBreach incident.
 */
const LEVELS = { GRID: '网格', COMMUNITY: '社区', STREET: '街道', DISTRICT: '区' };
const SLA = { AMBER: '临期预警', RED: '已超期' };

function escape(s) {
  const d = document.createElement('div');
  d.textContent = s == null ? '' : String(s);
  return d.innerHTML;
}

async function load(sla) {
  const r = await fetch('/api/cases?size=100&sla=' + sla, { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'huian-cockpit' } });
  if (r.status === 403) {
    throw new Error('本账号不能查看案件数据（流程设计人员只看流程与规则）');
  }
  if (!r.ok) {
    throw new Error('读取 ' + sla + ' 案件失败：' + r.status);
  }
  return (await r.json()).items;
}

export default {
  id: 'huian.slaCases',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  properties: { label: '时限督办（SLA）' },
  render: async (node) => {
    node.innerHTML = '<section class="huian-sla"><h3>时限督办：临期与超期案件</h3><p>加载中…</p></section>';
    try {
      const cases = [...(await load('RED')), ...(await load('AMBER'))];
      const rows = cases.map((c) => '<tr class="huian-sla-' + escape(c.sla) + '">'
        + '<td>' + escape(SLA[c.sla] || c.sla) + '</td>'
        + '<td><a href="#/process-instance/' + escape(c.processInstanceId) + '/runtime">' + escape(c.caseNo) + '</a></td>'
        + '<td>' + escape(c.title) + '</td>'
        + '<td>' + escape(LEVELS[c.level] || c.level) + '</td>'
        + '<td>' + escape(c.unit ? c.unit.name : '') + '</td>'
        + '<td>' + escape(c.deadline ? new Date(c.deadline).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '') + '</td></tr>');
      node.innerHTML = '<section class="huian-sla"><h3>时限督办：临期与超期案件（' + cases.length + '）</h3>'
        + '<style>.huian-sla table{width:100%;border-collapse:collapse}.huian-sla td,.huian-sla th{padding:6px;border-bottom:1px solid #ddd;text-align:left}'
        + '.huian-sla-RED td:first-child{color:#b42318;font-weight:bold}.huian-sla-AMBER td:first-child{color:#b54708;font-weight:bold}</style>'
        + '<table><thead><tr><th>状态</th><th>案件编号</th><th>事项标题</th><th>层级</th><th>承办单位</th><th>办结时限</th></tr></thead><tbody>'
        + (rows.length ? rows.join('') : '<tr><td colspan="6">暂无临期或超期案件</td></tr>')
        + '</tbody></table><p><a href="/dashboard" target="_blank">打开四级化解态势看板</a></p></section>';
    } catch (e) {
      node.innerHTML = '<section class="huian-sla"><h3>时限督办</h3><p>' + escape(e.message) + '</p></section>';
    }
  }
};
