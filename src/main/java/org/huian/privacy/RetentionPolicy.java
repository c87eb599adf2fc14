package org.huian.privacy;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The retention policy per kind of data Huian holds, with the periods in force (docs/privacy.md
 * gives the reasons). {@code GET /api/privacy/retention-policy} answers it.
 */
@Component
public class RetentionPolicy {

  /** One kind of data: where it lives, how long its personal part is kept, and what happens then. */
  public record Entry(String kind, String nameZh, String where, String period, String action, String basis) {}

  private final PrivacyProperties properties;
  private final HistoryCleanupSettings history;

  RetentionPolicy(PrivacyProperties properties, HistoryCleanupSettings history) {
    this.properties = properties;
    this.history = history;
  }

  public List<Entry> entries() {
    String cases = properties.closedCases().toString();
    return List.of(
        new Entry("CASE_RECORD", "案件记录", "cases, case_events, escalations, case_decisions, mediations, agreements, "
            + "obligations, fulfilment_items, judicial_referrals", "永久（匿名化后）",
            "结案满 " + cases + " 后去除个人信息；事项、类别、地点、层级、时限、结果和时间线保留，统计与考核不变",
            "个人信息保护法第十九条、第四十七条；档案与统计需要"),
        new Entry("PARTY_IDENTITY", "当事人身份（姓名、身份证号）", "case_parties, cases.reporter_name, 正文中的姓名与身份证号",
            cases, "自然人姓名改为“当事人A/B…”，身份证号删除；单位名称和统一社会信用代码保留",
            "民法典第一百八十八条三年诉讼时效：结案后当事人仍可能回访、申请复查"),
        new Entry("PHONE", "联系电话", "cases.reporter_phone, case_parties.phone, grid_reports.subject_phone, 正文、通知",
            cases, "删除（结构化字段置空，正文中的号码替换为“〔已删除〕”）", "同上；回访和履行跟踪结束后不再需要"),
        new Entry("GRID_REPORT", "网格上报", "grid_reports, subject_keys", properties.gridReports().toString(),
            "未转为案件的上报：发生满期后删除对象电话、自然人姓名和身份证号；已转案件的随案件匿名化；"
                + "严重程度、类别、网格和权重保留，平安指数不变", "风险研判看近 90 天，三年足以覆盖趋势与复盘"),
        new Entry("CONFIRMATION_LINK", "确认链接", "confirmation_tokens", "随案件",
            "只保存 SHA-256 摘要，不含号码；链接本身在发出后从通知中抹去，7 天（履行确认 30 天）后失效",
            "摘要无法还原为个人信息；确认记录是协议生效的证据"),
        new Entry("NOTIFICATION", "通知（发件箱与短信回执）", "notification_outbox, sms_submissions",
            cases + "（案件通知）/ " + properties.outbox() + "（单位通知）",
            "案件的通知随案件匿名化（收件号码和正文中的个人信息删除）；与案件无关的单位通知满期后删除收件地址和正文；"
                + "短信回执只含运营商编号和状态，保留", "发送与投递的统计需要保留行"),
        new Entry("RISK_REPORT", "平安指数体检报告（PDF）", "risk_reports", "10 年",
            "只含单位层面的指数、因子和超期案件的编号与标题（不含姓名和电话）；作为公文保存",
            "考核档案；个人信息不在其中"),
        new Entry("DIALOGUE_EXPORT", "平安恳谈导出（XLSX/PDF）", "按需生成，不存储", "不存储",
            "每次下载时从当前数据生成，匿名化后的数据即匿名", "无需留存"),
        new Entry("ATTACHMENT", "附件（照片）", "附件存储（AttachmentService）", cases,
            "随案件或上报匿名化时删除文件和缩略图（AttachmentService.purge）", "照片可能显示人脸、车牌和门牌"),
        new Entry("CAMUNDA_HISTORY", "流程历史", "ACT_HI_*（变量、任务、决策输入输出、明细、评论、操作日志）",
            "各流程 historyTimeToLive（案件流程 P180D）",
            "结束后按 TTL 由 Camunda 历史清理删除（每日 " + history.windowStart() + "–" + history.windowEnd()
                + "，每批 " + history.batchSize() + "）；在此之前随案件匿名化", "业务时间线在 case_events 中永久保留"),
        new Entry("ACCESS_LOG", "个人信息查看日志", "privacy_access_log", properties.accessLog().toString(),
            "满期后删除", "网络安全法第二十一条（不少于六个月）；个人信息保护法第五十四条合规审计"),
        new Entry("PRIVACY_AUDIT", "匿名化审计", "privacy_runs, privacy_anonymised", "永久",
            "只记录时间、数量和案件编号，不含号码（请求对象以脱敏形式记录）", "证明已依法删除"),
        new Entry("DUPLICATE_MATCH_KEYS", "疑似重复比对键", "case_match_keys（姓名、电话、地址等比对键）", cases,
            "随案件匿名化时删除；办结满 30 天的案件不再参与比对，也不再补建", "只用于受理时提示重复件"),
        new Entry("RESIDENT_TRACKING_TOKEN", "群众查询凭证", "resident_tracking（只存摘要）", cases,
            "随案件匿名化时删除，查询链接随之失效", "链接只显示办理状态，不含个人信息；目的完成即删除"),
        new Entry("OPEN311_KEY", "Open311 接口密钥", "open311_clients, open311_submissions（只存摘要）", "永久",
            "吊销后保留摘要和提交记录，不含个人信息", "对接系统的凭证，不是居民个人信息；保留以便审计来源"));
  }
}
