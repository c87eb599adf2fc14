package org.huian.modeling;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.huian.security.ApiAuthenticationFilter;
import org.huian.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deployed models for process designers and administrators: every version of a key, its XML
 * (to commit a designer's change to {@code processes/}), and a rollback to an older version.
 */
@RestController
@RequestMapping("/api/admin/definitions")
@Tag(name = "流程与规则版本", description = "已部署的流程、决策的各个版本，下载 XML，回退到旧版本（系统管理员、流程设计人员）")
class DefinitionController {

  record Summary(String key, DefinitionService.Kind kind, String name, int version, String versionTag,
      Deployments.Source source, String deployedBy, java.time.Instant deployedAt, int versions) {}

  record RollbackRequest(Integer version, String tenantId) {}

  private final DefinitionService definitions;
  private final HuianModels models;

  DefinitionController(DefinitionService definitions, HuianModels models) {
    this.definitions = definitions;
    this.models = models;
  }

  @Operation(summary = "汇安的流程与决策及其生效版本", description = "processes/ 中每个流程和决策当前生效（共用）的版本、标签与来源。")
  @GetMapping
  List<Summary> list() {
    List<Summary> out = new ArrayList<>();
    List<String> keys = new ArrayList<>(models.processKeys());
    keys.addAll(models.decisionKeys());
    for (String key : keys) {
      DefinitionService.Versions v = definitions.versions(key, null);
      v.versions().stream().filter(DefinitionService.Version::effective).filter(x -> x.tenantId() == null).findFirst()
          .ifPresent(e -> out.add(new Summary(key, v.kind(), v.name(), e.version(), e.versionTag(), e.source(), e.deployedBy(),
              e.deployedAt(), (int) v.versions().stream().filter(x -> x.tenantId() == null).count())));
    }
    return out;
  }

  @Operation(summary = "一个流程或决策的全部版本",
      description = "每个版本的部署时间、部署人、来源（APPLICATION 随系统启动部署，MODELER 由 Camunda Modeler 部署，ROLLBACK 回退）、"
          + "versionTag、租户（区县自有版本），以及运行中的流程实例数和在办案件数（流程）或判定过的案件数（决策）。effective 为新案件采用的版本。")
  @GetMapping("/{key}/versions")
  DefinitionService.Versions versions(@PathVariable String key, @RequestParam(required = false) String tenantId) {
    return definitions.versions(key, blank(tenantId));
  }

  @Operation(summary = "下载已部署的 XML", description = "默认为当前生效的共用版本；version 指定版本。用于把设计人员在 Modeler 中的修改提交到 processes/"
      + "（scripts/pull-model.sh）。表单按其 id 下载最新版本。")
  @GetMapping("/{key}/xml")
  ResponseEntity<byte[]> xml(@PathVariable String key, @RequestParam(required = false) Integer version,
      @RequestParam(required = false) String tenantId) {
    DefinitionService.Model model = definitions.model(key, version, blank(tenantId));
    MediaType type = model.kind() == DefinitionService.Kind.FORM ? MediaType.APPLICATION_JSON
        : new MediaType("application", "xml", StandardCharsets.UTF_8);
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(model.fileName()).build().toString())
        .header("X-Huian-Kind", model.kind().name())
        .header("X-Huian-Version", String.valueOf(model.version()))
        .header("X-Huian-Version-Tag", model.versionTag() == null ? "" : model.versionTag())
        .body(model.bytes());
  }

  @Operation(summary = "回退到旧版本", description = "把指定版本的 XML 重新部署为新版本（versionTag 为 rollback-of-<版本号>），"
      + "新案件从此采用它；流程按其当时的部署一起重新部署所绑定的表单和被调用流程。运行中的实例不变，需要时另行迁移。")
  @PostMapping(value = "/{key}/rollback", consumes = MediaType.APPLICATION_JSON_VALUE)
  DefinitionService.RolledBack rollback(@PathVariable String key, @RequestBody RollbackRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    if (request == null || request.version() == null || request.version() < 1) {
      throw new InvalidRequestException(List.of(new FieldError("version", "须给出要回退到的版本号（正整数）")));
    }
    return definitions.rollback(key, request.version(), blank(request.tenantId()), user);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
