package org.huian.mediation;

import java.net.URI;
import java.util.Map;
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
class MediationController {

  record FulfilmentRequest(Integer seq, Boolean fulfilled, String evidence) {}

  private final MediationApiService service;

  MediationController(MediationApiService service) {
    this.service = service;
  }

  @PostMapping(path = "/mediations", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> schedule(@PathVariable String caseNo, @RequestBody ScheduleRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return ResponseEntity.created(URI.create("/api/cases/" + caseNo)).body(service.schedule(caseNo, request, user));
  }

  @PostMapping(path = "/agreement", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> agreement(@PathVariable String caseNo, @RequestBody AgreementRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return ResponseEntity.created(URI.create("/api/cases/" + caseNo + "/agreement"))
        .body(service.recordAgreement(caseNo, request, user));
  }

  @GetMapping("/agreement")
  Map<String, Object> agreement(@PathVariable String caseNo,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return service.agreement(caseNo, user);
  }

  @PostMapping(path = "/obligations/{obligationId}/fulfilments", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> fulfilment(@PathVariable String caseNo, @PathVariable long obligationId,
      @RequestBody FulfilmentRequest request, @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return service.fulfilment(caseNo, obligationId, request.seq(), request.fulfilled(), request.evidence(), user);
  }
}
