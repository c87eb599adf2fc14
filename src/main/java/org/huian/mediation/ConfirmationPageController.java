package org.huian.mediation;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.huian.cases.CaseNotifications;
import org.huian.cases.CaseRepository;
import org.huian.cases.CaseRow;
import org.huian.cases.StoredParty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The party's page behind a personal link {@code /m/{token}}: a mobile page in Chinese that shows
 * the agreement (or the instalment due) and takes one answer. No login: the unguessable token is
 * the credential, so the page is never cached and sends no referrer. Browsers get HTML; other
 * clients get JSON and problem+json.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "当事人确认链接")
class ConfirmationPageController {

  private final AgreementService agreements;
  private final MediationRepository repository;
  private final CaseRepository cases;

  ConfirmationPageController(AgreementService agreements, MediationRepository repository, CaseRepository cases) {
    this.agreements = agreements;
    this.repository = repository;
    this.cases = cases;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "当事人确认页（无需登录）", description = "浏览器得到中文移动页面；其他客户端得到 JSON。")
  @GetMapping("/m/{token:[A-Za-z0-9_-]+}") // no dot: /m/app.js and the other files of the grid app are static
  ResponseEntity<?> show(@PathVariable String token, HttpServletRequest request) {
    try {
      MediationRepository.Token t = agreements.token(token);
      MediationRepository.Agreement a = repository.agreement(t.agreementId());
      CaseRow c = cases.get(a.caseNo());
      StoredParty me = agreements.party(a.caseNo(), t.partyId());
      StringBuilder body = new StringBuilder();
      body.append("<p class=\"muted\">案件编号 ").append(htmlEscape(c.caseNo())).append(" · ").append(htmlEscape(c.title())).append("</p>");
      body.append("<p>").append(htmlEscape(me.name())).append("（").append(me.roleNameZh()).append("）您好：</p>");
      if (t.purpose() == TokenPurpose.AGREEMENT) {
        body.append("<h2>调解协议</h2><div class=\"card\">").append(htmlEscape(a.text()).replace("\n", "<br>")).append("</div>");
        body.append("<h2>履行约定</h2><ul>");
        for (MediationRepository.Obligation o : repository.obligations(a.id())) {
          body.append("<li><b>").append(htmlEscape(name(a, o.obligorPartyId()))).append("</b> 向 <b>")
              .append(htmlEscape(name(a, o.beneficiaryPartyId()))).append("</b>：").append(htmlEscape(o.description()));
          if (o.totalAmount() != null) {
            body.append("，共 ").append(o.totalAmount().toPlainString()).append(" 元");
          }
          body.append("<ul>");
          for (MediationRepository.Item i : repository.items(o.id())) {
            body.append("<li>").append(i.amount() == null ? "履行" : "第 " + i.seq() + " 期 " + i.amount().toPlainString() + " 元")
                .append("，期限 ").append(i.dueDate()).append("</li>");
          }
          body.append("</ul></li>");
        }
        body.append("</ul>");
        body.append(buttons("确认协议内容", "不同意"));
      } else {
        MediationRepository.Item i = repository.item(t.itemId());
        MediationRepository.Obligation o = repository.obligation(i.obligationId());
        body.append("<h2>请确认履行情况</h2><div class=\"card\">").append(htmlEscape(name(a, o.obligorPartyId())))
            .append(" 应于 ").append(i.dueDate()).append(" 前履行：").append(htmlEscape(o.description()))
            .append(i.amount() == null ? "" : "（第 " + i.seq() + " 期，" + i.amount().toPlainString() + " 元）").append("</div>");
        body.append(buttons("已收到 / 已履行", "尚未收到"));
      }
      body.append("<p class=\"muted\">本链接仅限本人使用，提交一次后失效，有效期至 ")
          .append(CaseNotifications.format(t.expiresAt())).append("。</p>");
      return html(HttpStatus.OK, "汇安 · 调解协议确认", body.toString());
    } catch (AgreementService.LinkException e) {
      return error(e, request);
    }
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "当事人确认或不同意", description = "表单字段 answer=CONFIRM|DECLINE；链接一次有效。")
  @PostMapping("/m/{token:[A-Za-z0-9_-]+}")
  ResponseEntity<?> answer(@PathVariable String token, @RequestParam(required = false) String answer,
      HttpServletRequest request) {
    if (!"CONFIRM".equals(answer) && !"DECLINE".equals(answer)) {
      return error(new AgreementService.LinkException(400, "请选择确认或不同意", "answer 须为 CONFIRM 或 DECLINE"), request);
    }
    try {
      AgreementService.LinkResult result = agreements.answer(token, "CONFIRM".equals(answer));
      if (!wantsHtml(request)) {
        return ResponseEntity.ok().headers(noStore()).body(Map.of("result", result.name()));
      }
      String text = result == AgreementService.LinkResult.CONFIRMED
          ? "<h2>已确认</h2><p>感谢您的确认，调解员将继续跟进履行情况。</p>"
          : "<h2>已记录您的意见</h2><p>调解员将与您联系。</p>";
      return html(HttpStatus.OK, "汇安 · 已提交", text);
    } catch (AgreementService.LinkException e) {
      return error(e, request);
    }
  }

  private String name(MediationRepository.Agreement a, long partyId) {
    return agreements.party(a.caseNo(), partyId).name();
  }

  private static String buttons(String yes, String no) {
    return "<form method=\"post\"><button name=\"answer\" value=\"CONFIRM\" class=\"yes\">" + yes
        + "</button><button name=\"answer\" value=\"DECLINE\" class=\"no\">" + no + "</button></form>";
  }

  private ResponseEntity<?> error(AgreementService.LinkException e, HttpServletRequest request) {
    HttpStatus status = HttpStatus.valueOf(e.status());
    if (wantsHtml(request)) {
      return html(status, "汇安 · " + e.title(), "<h2>" + htmlEscape(e.title()) + "</h2><p>" + htmlEscape(e.getMessage()) + "</p>");
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(e.title());
    problem.setProperty("errors", List.of(Map.of("field", "token", "message", e.getMessage())));
    return ResponseEntity.status(status).headers(noStore()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static boolean wantsHtml(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.contains("text/html");
  }

  private static HttpHeaders noStore() {
    HttpHeaders h = new HttpHeaders();
    h.setCacheControl("no-store");
    h.set("Referrer-Policy", "no-referrer");
    h.set("X-Robots-Tag", "noindex");
    return h;
  }

  private static ResponseEntity<?> html(HttpStatus status, String title, String body) {
    String page = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + htmlEscape(title) + "</title>"
        + "<style>body{font-family:system-ui,'Noto Sans CJK SC','PingFang SC',sans-serif;margin:0;background:#f4f6f8;color:#1f2933}"
        + "header{background:#b22222;color:#fff;padding:14px 18px;font-size:18px}main{padding:16px 18px;max-width:640px;margin:auto}"
        + ".card{background:#fff;border-radius:8px;padding:14px;box-shadow:0 1px 3px rgba(0,0,0,.1);line-height:1.7}"
        + "h2{font-size:17px;margin:18px 0 8px}ul{padding-left:20px;line-height:1.8}.muted{color:#6b7280;font-size:13px}"
        + "form{display:flex;gap:12px;margin-top:20px}button{flex:1;font-size:17px;padding:14px;border:0;border-radius:8px}"
        + ".yes{background:#b22222;color:#fff}.no{background:#e5e7eb;color:#111}</style></head><body>"
        + "<header>汇安 · 矛盾纠纷调解</header><main>" + body + "</main></body></html>";
    return ResponseEntity.status(status).headers(noStore()).contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8)).body(page);
  }

}
