package org.huian.mediation;

import java.net.URI;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.huian.security.ApiAuthenticationFilter;
import org.huian.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Mediation of a case: schedule a session, record the agreement, read it, confirm fulfilment. */
@RestController
@RequestMapping("/api/cases/{caseNo}")
@Tag(name = "调解与履行", description = "调解排期、协议、履行核实")
class MediationController {

  record FulfilmentRequest(Integer seq, Boolean fulfilled, String evidence) {}

  private final MediationApiService service;

  MediationController(MediationApiService service) {
    this.service = service;
  }

  @Operation(summary = "安排调解", description = "案件在处置环节时先转入调解；mode 为 ON_SITE（须 place）、REMOTE_VIDEO（须 https 会议链接）或 PHONE。")
  @ApiResponse(responseCode = "201", description = "已安排，并已通知各方当事人")
  @ApiResponse(responseCode = "409", description = "案件已办结或不在可安排调解的环节", content = @Content(mediaType = "application/problem+json"))
  @PostMapping(path = "/mediations", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<MediationApiService.ScheduledMediation> schedule(@PathVariable String caseNo,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
          {"mode":"REMOTE_VIDEO","scheduledAt":"2026-12-01T10:00:00+08:00","meetingLink":"https://meeting.example.org/li",
           "externalMediatorKind":"JUDGE","externalMediatorName":"王法官","courtStation":"东城区人民法院诉调对接工作站"}
          """))) @RequestBody ScheduleRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return ResponseEntity.created(URI.create("/api/cases/" + caseNo)).body(service.schedule(caseNo, request, user));
  }

  @Operation(summary = "登记调解结果与协议", description = "各期金额之和须等于总金额，期限须晚于今天且按先后排列，义务人须为本案当事人。"
      + "远程调解的协议待各方通过确认链接确认后生效。")
  @ApiResponse(responseCode = "201", description = "已登记")
  @ApiResponse(responseCode = "409", description = "案件没有待记录结果的调解", content = @Content(mediaType = "application/problem+json"))
  @PostMapping(path = "/agreement", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<MediationApiService.AgreementOutcome> agreement(@PathVariable String caseNo,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
          {"outcome":"AGREEMENT","responsibilities":"公司对班组工资负有直接支付义务","text":"公司分三期支付 86000 元",
           "obligations":[{"obligorPartyId":2,"beneficiaryPartyId":1,"description":"支付工资款","totalAmount":86000,
             "instalments":[{"amount":30000,"dueDate":"2026-12-31"},{"amount":30000,"dueDate":"2027-01-31"},
                            {"amount":26000,"dueDate":"2027-02-28"}]}]}
          """))) @RequestBody AgreementRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return ResponseEntity.created(URI.create("/api/cases/" + caseNo + "/agreement"))
        .body(service.recordAgreement(caseNo, request, user));
  }

  @Operation(summary = "调解协议及各项履行状态")
  @GetMapping("/agreement")
  MediationApiService.AgreementView agreement(@PathVariable String caseNo,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return service.agreement(caseNo, user);
  }

  @Operation(summary = "核实一期（或一项）履行情况", description = "仅限到期待核实的事项；fulfilled=false 将催告义务人并进入宽限期。")
  @ApiResponse(responseCode = "409", description = "该事项当前不在待核实状态", content = @Content(mediaType = "application/problem+json"))
  @PostMapping(path = "/obligations/{obligationId}/fulfilments", consumes = MediaType.APPLICATION_JSON_VALUE)
  MediationApiService.ItemView fulfilment(@PathVariable String caseNo, @PathVariable long obligationId,
      @RequestBody FulfilmentRequest request, @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return service.fulfilment(caseNo, obligationId, request.seq(), request.fulfilled(), request.evidence(), user);
  }
}
