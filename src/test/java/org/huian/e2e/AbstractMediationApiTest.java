package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.task.Task;
import org.huian.e2e.HuianClient.Reply;
import org.huian.mediation.AgreementFulfilment;
import org.huian.mediation.MediationProcess;
import org.junit.jupiter.api.Test;

/**
 * Mr Li's unpaid wages (the opening case of the domain brief) end to end: a cross-region wage
 * dispute goes to the district, which mediates remotely with a judge of a litigation–mediation
 * station; both parties confirm through their links; three instalments are tracked. One run ends in
 * a breach and a judicial referral, the other with every instalment paid.
 */
abstract class AbstractMediationApiTest extends AbstractApiTest {

  static final String DISTRICT_USER = "district";
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  record LiCase(String caseNo, long li, long company, long owner) {}

  @Test
  void shouldTrackMrLisAgreementToABreachAndAJudicialReferral() {
    LiCase li = liCase();
    scheduleRemoteSession(li);
    rejectBrokenAgreements(li);
    long obligation = agreeOnThreeInstalments(li);
    confirmThroughBothLinks(li);

    payFirstInstalmentThroughTheBeneficiaryLink(li);
    fireItemDue(li);
    Reply second = fulfil(li, obligation, 2, true, "银行转账凭证");
    assertThat(second.status()).as(second.raw()).isEqualTo(200);
    assertThat(second.body().path("status").asText()).isEqualTo("FULFILLED");

    fireItemDue(li);
    Reply missed = fulfil(li, obligation, 3, false, "权利人反映未收到第三期款项");
    assertThat(missed.status()).as(missed.raw()).isEqualTo(200);
    assertThat(missed.body().path("status").asText()).isEqualTo("MISSED");
    assertThat(outbox.kindsFor(li.caseNo())).contains("FULFILMENT_REMINDER");
    JsonNode inGrace = agreement(li);
    assertThat(item(inGrace, 3).path("graceUntil").isMissingNode()).isFalse();

    fire(fulfilmentInstance(li), AgreementFulfilment.Elements.GRACE_EXPIRED);
    JsonNode breached = agreement(li);
    assertThat(breached.path("status").asText()).isEqualTo("BREACHED");
    assertThat(item(breached, 3).path("status").asText()).isEqualTo("BREACHED");
    JsonNode reopened = get(li.caseNo());
    assertThat(reopened.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(reopened.path("level").asText()).isEqualTo("DISTRICT");
    assertThat(types(reopened)).containsSubsequence("AGREEMENT_CONFIRMED", "INSTALMENT_PAID", "INSTALMENT_PAID",
        "INSTALMENT_MISSED", "AGREEMENT_BREACHED", "REOPENED");
    assertThat(stats().path("totals").path("BREACHED").asLong()).isGreaterThanOrEqualTo(1);

    Task handle = handleTask(li.caseNo());
    Reply referral = client.completeTask(DISTRICT_USER, handle.getId(), Map.of("actionsTaken", "协议违约，引导司法确认",
        "outcome", "JUDICIAL_REFERRAL", "judicialKind", "JUDICIAL_CONFIRMATION", "courtStation", "东城区人民法院诉调对接工作站",
        "judicialDate", LocalDate.now(BEIJING).toString(), "judicialResult", "已受理司法确认申请"));
    assertThat(referral.status()).as(referral.raw()).isEqualTo(204);
    runAsyncJobs();
    JsonNode closed = get(li.caseNo());
    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
    assertThat(types(closed)).contains("JUDICIAL_REFERRAL", "CLOSED");
    assertThat(jdbc.sql("SELECT court_station FROM judicial_referrals WHERE case_no = ?").param(li.caseNo())
        .query(String.class).single()).isEqualTo("东城区人民法院诉调对接工作站");

    Reply onClosed = client.post(DISTRICT_USER, "/api/cases/" + li.caseNo() + "/mediations", schedule());
    assertThat(onClosed.status()).isEqualTo(409);
    assertThat(onClosed.contentType()).startsWith("application/problem+json");
  }

  @Test
  void shouldCloseMrLisCaseAsResolvedFulfilledWhenEveryInstalmentIsPaid() {
    LiCase li = liCase();
    scheduleRemoteSession(li);
    long obligation = agreeOnThreeInstalments(li);
    confirmThroughBothLinks(li);
    long before = stats().path("totals").path("RESOLVED_FULFILLED").asLong();

    payFirstInstalmentThroughTheBeneficiaryLink(li);
    fireItemDue(li);
    assertThat(fulfil(li, obligation, 2, true, "银行转账凭证").status()).isEqualTo(200);
    fireItemDue(li);
    assertThat(fulfil(li, obligation, 3, true, "银行转账凭证").status()).isEqualTo(200);
    runAsyncJobs();

    JsonNode done = get(li.caseNo());
    assertThat(done.path("status").asText()).isEqualTo("RESOLVED_FULFILLED");
    assertThat(agreement(li).path("status").asText()).isEqualTo("FULFILLED");
    assertThat(types(done)).containsSubsequence("INSTALMENT_PAID", "INSTALMENT_PAID", "INSTALMENT_PAID", "AGREEMENT_FULFILLED", "CLOSED");
    assertThat(stats().path("totals").path("RESOLVED_FULFILLED").asLong()).isEqualTo(before + 1);
    assertThat(fulfil(li, obligation, 3, true, "再次提交").status()).isIn(404, 409);
  }

  @Test
  void shouldSendTheAgreementBackToTheMediatorWhenTheLinksExpire() {
    LiCase li = liCase();
    scheduleRemoteSession(li);
    agreeOnThreeInstalments(li);
    List<String> links = links(li, "AGREEMENT_LINK");
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(mediationInstance(li)).count())
        .as("mediation keeps full history with its variable-change log (huian-full skips only the case processes)")
        .isPositive();

    fire(mediationInstance(li), MediationProcess.Elements.CONFIRMATION_EXPIRED);

    Reply expired = client.get(null, path(links.get(0)));
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.contentType()).startsWith("application/problem+json");
    assertThat(types(get(li.caseNo()))).contains("AGREEMENT_EXPIRED");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(li.caseNo())
        .taskDefinitionKey(MediationProcess.Elements.HOLD).count()).isEqualTo(1);
  }

  // ------------------------------------------------------------------------------- the story

  LiCase liCase() {
    Map<String, Object> b = body(x -> { });
    b.put("channel", "HOTLINE");
    b.put("category", "WAGE_ARREARS");
    b.put("title", "李师傅班组消防工程工资被拖欠四年");
    b.put("description", "李师傅带领班组为东城区某公司做消防工程，四年前完工，尾款 86000 元至今未付。李师傅现居河北，无法来京。");
    b.put("crossRegion", true);
    b.put("peopleInvolved", 6);
    b.put("amountInvolved", 86000);
    b.put("reporter", new HashMap<>(Map.of("name", "李建国", "phone", "13812345678", "anonymous", false)));
    b.put("parties", List.of(
        Map.of("role", "APPLICANT", "kind", "PERSON", "name", "李建国", "phone", "13812345678"),
        Map.of("role", "RESPONDENT", "kind", "ORGANISATION", "name", "北京某消防工程有限公司", "phone", "010-87654321"),
        Map.of("role", "THIRD_PARTY", "kind", "ORGANISATION", "name", "某置业公司（业主）")));
    Reply r = client.post(STREET_USER, "/api/cases", b);
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    assertThat(r.body().path("level").asText()).isEqualTo("DISTRICT");
    JsonNode parties = get(r.body().path("caseNo").asText()).path("parties");
    return new LiCase(r.body().path("caseNo").asText(), parties.get(0).path("id").asLong(),
        parties.get(1).path("id").asLong(), parties.get(2).path("id").asLong());
  }

  Map<String, Object> schedule() {
    Map<String, Object> s = new HashMap<>();
    s.put("mode", "REMOTE_VIDEO");
    s.put("scheduledAt", now.plus(Duration.ofDays(1)).atZone(BEIJING).toOffsetDateTime().toString());
    s.put("meetingLink", "https://meeting.example.org/huian-li");
    s.put("externalMediatorKind", "JUDGE");
    s.put("externalMediatorName", "王法官");
    s.put("courtStation", "东城区人民法院诉调对接工作站");
    s.put("note", "当事人在外地，远程调解");
    return s;
  }

  void scheduleRemoteSession(LiCase li) {
    Reply other = client.post(OTHER_STREET_USER, "/api/cases/" + li.caseNo() + "/mediations", schedule());
    assertThat(other.status()).isEqualTo(403);
    Map<String, Object> noLink = new HashMap<>(schedule());
    noLink.remove("meetingLink");
    Reply bad = client.post(DISTRICT_USER, "/api/cases/" + li.caseNo() + "/mediations", noLink);
    assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
    assertThat(bad.body().path("errors").findValuesAsText("field")).contains("meetingLink");
    assertThat(handleTask(li.caseNo())).as("nothing changed after a rejected request").isNotNull();

    Reply r = client.post(DISTRICT_USER, "/api/cases/" + li.caseNo() + "/mediations", schedule());
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    assertThat(r.body().path("mediatorGroup").asText()).isEqualTo("110101000000-mediation");
    assertThat(types(get(li.caseNo()))).contains("MEDIATION_SCHEDULED");
    assertThat(outbox.kindsFor(li.caseNo())).contains("MEDIATION_SCHEDULED");
  }

  Map<String, Object> agreementBody(LiCase li, List<Object[]> instalments, long obligor) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Object[] in : instalments) {
      list.add(Map.of("amount", in[0], "dueDate", in[1].toString()));
    }
    Map<String, Object> obligation = new HashMap<>();
    obligation.put("obligorPartyId", obligor);
    obligation.put("beneficiaryPartyId", li.li());
    obligation.put("description", "支付拖欠的工程款（班组工资）");
    obligation.put("totalAmount", 86000);
    obligation.put("instalments", list);
    return Map.of("outcome", "AGREEMENT",
        "responsibilities", "公司作为承包方，对班组工资负有直接支付义务，业主未付工程款不影响其向班组支付工资。",
        "text", "北京某消防工程有限公司分三期向李建国支付工资款共计 86000 元。",
        "obligations", List.of(obligation));
  }

  void rejectBrokenAgreements(LiCase li) {
    LocalDate today = LocalDate.now(BEIJING);
    List<Map<String, Object>> broken = List.of(
        agreementBody(li, List.<Object[]>of(new Object[] {30000, today.plusDays(10)}, new Object[] {30000, today.plusDays(40)}), li.company()),
        agreementBody(li, List.<Object[]>of(new Object[] {30000, today.minusDays(1)}, new Object[] {56000, today.plusDays(40)}), li.company()),
        agreementBody(li, List.<Object[]>of(new Object[] {30000, today.plusDays(40)}, new Object[] {56000, today.plusDays(10)}), li.company()),
        agreementBody(li, List.<Object[]>of(new Object[] {86000, today.plusDays(10)}), 999_999L),
        agreementBody(li, List.<Object[]>of(new Object[] {86000, today.plusDays(10)}), li.owner()));
    List<String> fields = List.of("obligations[0].instalments", "obligations[0].instalments[0].dueDate",
        "obligations[0].instalments[1].dueDate", "obligations[0].obligorPartyId", "obligations[0]");
    for (int i = 0; i < broken.size(); i++) {
      Reply r = client.post(DISTRICT_USER, "/api/cases/" + li.caseNo() + "/agreement", broken.get(i));
      assertThat(r.status()).as(r.raw()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.body().path("errors").findValuesAsText("field")).as(r.raw()).contains(fields.get(i));
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM agreements WHERE case_no = ?").param(li.caseNo()).query(Long.class).single()).isZero();
  }

  long agreeOnThreeInstalments(LiCase li) {
    LocalDate today = LocalDate.now(BEIJING);
    Reply r = client.post(DISTRICT_USER, "/api/cases/" + li.caseNo() + "/agreement", agreementBody(li, List.<Object[]>of(
        new Object[] {30000, today.plusDays(10)}, new Object[] {30000, today.plusDays(40)}, new Object[] {26000, today.plusDays(70)}),
        li.company()));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    assertThat(r.body().path("status").asText()).isEqualTo("PENDING_CONFIRMATION");
    assertThat(r.body().path("obligations").get(0).path("items")).hasSize(3);
    return r.body().path("obligations").get(0).path("id").asLong();
  }

  void confirmThroughBothLinks(LiCase li) {
    List<String> links = links(li, "AGREEMENT_LINK");
    assertThat(links).hasSize(2);
    Reply page = client.getHtml(path(links.get(0)));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw()).contains("北京某消防工程有限公司分三期向李建国支付工资款共计 86000 元").contains("确认协议内容");

    Reply first = client.postForm(path(links.get(0)), "answer=CONFIRM");
    assertThat(first.status()).as(first.raw()).isEqualTo(200);
    assertThat(agreement(li).path("status").asText()).isEqualTo("PENDING_CONFIRMATION");
    Reply reused = client.postForm(path(links.get(0)), "answer=CONFIRM");
    assertThat(reused.status()).isEqualTo(410);
    assertThat(reused.contentType()).startsWith("application/problem+json");
    assertThat(client.postForm("/m/" + "x".repeat(43), "answer=CONFIRM").status()).isEqualTo(404);
    assertThat(client.postForm(path(links.get(1)), "answer=MAYBE").status()).isEqualTo(400);

    Reply second = client.postForm(path(links.get(1)), "answer=CONFIRM");
    assertThat(second.status()).as(second.raw()).isEqualTo(200);
    assertThat(agreement(li).path("status").asText()).isEqualTo("EFFECTIVE");
    assertThat(get(li.caseNo()).path("status").asText()).isEqualTo("AGREED");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM confirmation_tokens WHERE token_hash = ?")
        .param(links.get(1).substring(links.get(1).lastIndexOf('/') + 1)).query(Long.class).single())
        .as("tokens are stored hashed").isZero();
  }

  void payFirstInstalmentThroughTheBeneficiaryLink(LiCase li) {
    fireItemDue(li);
    List<String> links = links(li, "FULFILMENT_LINK");
    assertThat(links).hasSize(1);
    Reply r = client.postForm(path(links.get(0)), "answer=CONFIRM");
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    assertThat(item(agreement(li), 1).path("status").asText()).isEqualTo("FULFILLED");
  }

  void fireItemDue(LiCase li) {
    String pi = fulfilmentInstance(li);
    var jobs = managementService.createJobQuery().processInstanceId(pi).activityId(AgreementFulfilment.Elements.ITEM_DUE).timers().list();
    var next = jobs.stream().min((a, b) -> a.getDuedate().compareTo(b.getDuedate())).orElseThrow();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(next.getDuedate().getTime() + 1000));
    managementService.executeJob(next.getId());
    runAsyncJobs();
  }

  Reply fulfil(LiCase li, long obligation, int seq, boolean fulfilled, String evidence) {
    return client.post(DISTRICT_USER, "/api/cases/" + li.caseNo() + "/obligations/" + obligation + "/fulfilments",
        Map.of("seq", seq, "fulfilled", fulfilled, "evidence", evidence));
  }

  JsonNode agreement(LiCase li) {
    Reply r = client.get(DISTRICT_USER, "/api/cases/" + li.caseNo() + "/agreement");
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body();
  }

  static JsonNode item(JsonNode agreement, int seq) {
    for (JsonNode i : agreement.path("obligations").get(0).path("items")) {
      if (i.path("seq").asInt() == seq) {
        return i;
      }
    }
    throw new AssertionError("no item " + seq);
  }

  JsonNode stats() {
    Reply r = client.get(DISTRICT_USER, "/api/stats/mediation");
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body();
  }

  String fulfilmentInstance(LiCase li) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(li.caseNo())
        .processDefinitionKey(AgreementFulfilment.KEY).singleResult().getId();
  }

  String mediationInstance(LiCase li) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(li.caseNo())
        .processDefinitionKey(MediationProcess.KEY).singleResult().getId();
  }

  /** The personal links sent by SMS, read from the outbox as a phone would receive them. */
  List<String> links(LiCase li, String kind) {
    List<String> bodies = jdbc.sql("SELECT body FROM notification_outbox WHERE case_no = ? AND kind = ? ORDER BY id")
        .params(li.caseNo(), kind).query(String.class).list();
    List<String> links = new ArrayList<>();
    Pattern p = Pattern.compile("https?://\\S+/m/[A-Za-z0-9_-]+");
    for (String body : bodies) {
      Matcher m = p.matcher(body);
      if (m.find()) {
        links.add(m.group());
      }
    }
    return links;
  }

  static String path(String link) {
    return link.substring(link.indexOf("/m/"));
  }
}
