package org.huian.geography;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
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

  /** A unit file of a large district (about 3,000 rows) is well under 1 MB. */
  static final int MAX_BYTES = 10 * 1024 * 1024;

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
    return imports.importFile(body(request), request.getContentType(), "API " + request.getRemoteUser());
  }

  /** Reads a body up to {@value #MAX_BYTES} bytes; a larger one is refused before anything is parsed. */
  static byte[] body(HttpServletRequest request) throws IOException {
    return body(request, MAX_BYTES, "请上传 CSV 或 .xlsx 文件");
  }

  /** Reads a body up to {@code max} bytes; a larger or empty one is refused before anything is parsed. */
  static byte[] body(HttpServletRequest request, int max, String expected) throws IOException {
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes(max + 1);
      if (bytes.length > max) {
        String message = "文件过大（最大 " + max / (1024 * 1024) + " MB）";
        throw new FileRejectedException(message, List.of(new RowError(0, "file", message)));
      }
      if (bytes.length == 0) {
        throw new FileRejectedException("请求体为空", List.of(new RowError(0, "file", "请求体为空：" + expected)));
      }
      return bytes;
    }
  }
}
