package org.huian.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.huian.geography.FileRejectedException;
import org.huian.geography.RowError;
import org.huian.geography.TableFile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/admin/staff/import}: a staff file (CSV or .xlsx), imported whole or refused whole. */
@RestController
@RequestMapping("/api/admin/staff")
@Tag(name = "单位与人员管理")
class StaffAdminController {

  static final int MAX_BYTES = 10 * 1024 * 1024;

  private final StaffImportService imports;

  StaffAdminController(StaffImportService imports) {
    this.imports = imports;
  }

  @Operation(summary = "导入人员",
      description = "表头 username,name,unit_code,role,phone,email，可选 password,retired。创建或更新 Camunda 用户及其单位用户组；"
          + "未给密码的新用户获得随机密码，只在本次应答中出现一次。整份文件通过校验才导入。")
  @PostMapping(value = "/import", consumes = {"text/csv", TableFile.XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
  StaffImportService.Result importStaff(HttpServletRequest request) throws IOException {
    byte[] bytes;
    try (InputStream in = request.getInputStream()) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES || bytes.length == 0) {
      String message = bytes.length == 0 ? "请求体为空：请上传 CSV 或 .xlsx 文件" : "文件过大（最大 10 MB）";
      throw new FileRejectedException(message, List.of(new RowError(0, "file", message)));
    }
    return imports.importFile(bytes, request.getContentType());
  }
}
