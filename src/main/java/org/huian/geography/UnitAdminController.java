package org.huian.geography;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/units/import}: a unit file (CSV or .xlsx) imported whole or refused
 * whole. Only camunda-admin and unit-admin reach it (the API filter checks the path).
 */
@RestController
@RequestMapping("/api/admin/units")
@Tag(name = "单位与人员管理")
class UnitAdminController {

  private final UnitImportService imports;

  UnitAdminController(UnitImportService imports) {
    this.imports = imports;
  }

  @Operation(summary = "导入单位（区、街道/乡镇、社区/村、网格）",
      description = "请求体为 UTF-8 CSV（text/csv）或 .xlsx（" + TableFile.XLSX + "），表头 code,name,level,parent_code，"
          + "可选 short_name,sort,retired,case_prefix。整份文件通过校验才导入，否则 400 并逐行列出错误，不做任何更改。"
          + "相同文件重复导入不产生变化。格式见 docs/geography.md。")
  @PostMapping(value = "/import", consumes = {"text/csv", TableFile.XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
  UnitImportResult importUnits(HttpServletRequest request) throws IOException {
    try (InputStream in = request.getInputStream()) {
      return imports.importFile(TableFile.body(in), request.getContentType(), "API " + request.getRemoteUser());
    }
  }
}
