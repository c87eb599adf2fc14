package org.huian.duplicates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.huian.cases.CaseIntakeRequest;
import org.huian.security.ApiAuthenticationFilter;
import org.huian.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Duplicate suggestion at intake and closing a case as a duplicate (docs/duplicates.md). */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "重复件", description = "受理时提示可能重复的案件，并可将案件作为重复件关闭")
class DuplicateController {

  private final DuplicateService duplicates;

  DuplicateController(DuplicateService duplicates) {
    this.duplicates = duplicates;
  }

  @Operation(summary = "查找可能重复的案件",
      description = "请求体与一窗受理相同（按相同规则校验，不登记任何数据）。返回调用者可见的、在办或近期办结的至多 5 件案件，"
          + "按得分（0–1）排序，并说明理由：同一当事人（统一社会信用代码、单位名称、电话、同街道同名）、同一地址或网格、"
          + "标题与描述相似（字符二元组）、同一街道近期同类事项。")
  @ApiResponse(responseCode = "200", description = "可能重复的案件（可为空）")
  @ApiResponse(responseCode = "400", description = "请求不符合受理规则", content = @Content(mediaType = "application/problem+json"))
  @PostMapping(path = "/duplicates", consumes = MediaType.APPLICATION_JSON_VALUE)
  DuplicateView.Suggestions suggest(@RequestBody CaseIntakeRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return duplicates.suggest(request, user);
  }

  @Operation(summary = "案件的重复件关系与可能重复的案件",
      description = "本案作为哪件案件的重复件关闭（duplicateOf）、哪些案件作为本案的重复件关闭（duplicates），以及可能与本案重复的案件。"
          + "Tasklist 处置表单旁的「可能重复」标签页读取此接口。")
  @ApiResponse(responseCode = "404", description = "案件不存在或不在本单位可见范围内", content = @Content(mediaType = "application/problem+json"))
  @GetMapping("/{caseNo}/duplicates")
  DuplicateView.CaseDuplicates forCase(@PathVariable String caseNo,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return duplicates.forCase(caseNo, user);
  }

  @Operation(summary = "将案件作为另一案件的重复件关闭",
      description = "案件状态变为 DUPLICATE 并与原案件关联（两件案件的时间线均有记录），流程经消息事件结束（计时器随之取消），"
          + "并通过通知发件箱告知反映人（匿名反映除外）。两件案件都须在调用者可见范围内。")
  @ApiResponse(responseCode = "200", description = "已关闭，返回本案的重复件关系")
  @ApiResponse(responseCode = "400", description = "未填原案件编号、标记为自身等", content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "404", description = "本案或原案件不存在或不可见", content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "409", description = "本案已办结或已是重复件、原案件本身是重复件、会形成循环",
      content = @Content(mediaType = "application/problem+json"))
  @PostMapping(path = "/{caseNo}/duplicate-of", consumes = MediaType.APPLICATION_JSON_VALUE)
  DuplicateView.CaseDuplicates markDuplicate(@PathVariable String caseNo, @RequestBody DuplicateView.MarkDuplicateRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return duplicates.markDuplicate(caseNo, request, user);
  }
}
