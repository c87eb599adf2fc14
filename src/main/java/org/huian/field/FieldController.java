package org.huian.field;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.huian.problem.ForbiddenException;
import org.huian.security.ApiAuthenticationFilter;
import org.huian.security.CurrentUser;
import org.huian.security.FieldTokens;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/field}: sign-in, grids and grid-level tasks for the grid workers' app at {@code /m/}. */
@RestController
@RequestMapping("/api/field")
@Tag(name = "网格员移动端", description = "网格员 App（/m/）的登录、网格与待办")
class FieldController {

  private final FieldService service;
  private final FieldTokens tokens;
  private final FieldTaskCompletion completion;

  FieldController(FieldService service, FieldTokens tokens, FieldTaskCompletion completion) {
    this.service = service;
    this.tokens = tokens;
    this.completion = completion;
  }

  @Operation(summary = "App 登录：用用户名和密码（HTTP Basic）换取短期令牌",
      description = "应答中的 token 之后以 Authorization: Bearer 发送；手机上只保存令牌，不保存密码。令牌不能换取新令牌。")
  @PostMapping("/token")
  FieldViews.Session token(HttpServletRequest request, @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw new ForbiddenException("须以用户名和密码登录后领取令牌");
    }
    FieldTokens.Issued issued = tokens.issue(user.id(), Instant.now());
    return new FieldViews.Session(issued.token(), issued.expiresAt(), service.me(user));
  }

  @Operation(summary = "当前网格员与其负责的网格")
  @GetMapping("/me")
  FieldViews.Me me(@RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return service.me(user);
  }

  @Operation(summary = "办结网格级案件并附处置结果照片",
      description = "multipart/form-data：actionsTaken（处置措施及经过，必填）、file（处置结果照片，必填，一张）、clientRef（可选）。"
          + "处置结果为“已化解”，案件进入回访；照片存为该案件“处置后”环节的附件。照片与办结在同一事务中：任一被拒则都不保存。"
          + "不属于本人网格或已办结的任务返回 404。")
  @PostMapping(path = "/tasks/{taskId}/completion", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  FieldViews.Completed complete(@PathVariable String taskId, @RequestParam(required = false) String actionsTaken,
      @RequestParam(name = "file", required = false) List<MultipartFile> file, @RequestParam(required = false) String clientRef,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return completion.complete(taskId, actionsTaken, file, clientRef, user);
  }

  @Operation(summary = "本人网格内待处置的网格级案件（按办结时限排序）",
      description = "warning：OK 正常、NEAR 临期（已过八成时限）、OVERDUE 已超期。")
  @GetMapping("/tasks")
  FieldViews.Tasks tasks(@RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return service.tasks(user);
  }
}
