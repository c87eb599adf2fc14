package org.huian.modeling;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.huian.security.ApiAuthenticationFilter;
import org.huian.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Migration of running instances between versions (camunda-admin only, like every /api/admin path but definitions). */
@RestController
@Tag(name = "流程实例迁移", description = "把运行中的流程实例从一个版本迁移到另一个版本（仅系统管理员）")
class MigrationController {

  private final MigrationService migrations;

  MigrationController(MigrationService migrations) {
    this.migrations = migrations;
  }

  @Operation(summary = "迁移运行中的流程实例",
      description = "{processKey, fromVersion, toVersion, mapping:[{from,to}], dryRun}。按相同活动标识自动映射，mapping 中的活动对优先；"
          + "dryRun 默认为 true：只检查，不改变任何实例。报告列出每个实例是否可迁移（已迁移）及原因。计时器保留原到期时间。"
          + "每个迁移的案件在时间线上记一条 MIGRATED。")
  @PostMapping(value = "/api/admin/migrations", consumes = MediaType.APPLICATION_JSON_VALUE)
  MigrationService.Report migrate(@RequestBody MigrationService.Request request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return migrations.migrate(request, user);
  }
}
