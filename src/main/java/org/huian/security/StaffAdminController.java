package org.huian.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
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

  private final StaffImportService imports;

  StaffAdminController(StaffImportService imports) {
    this.imports = imports;
  }

  @Operation(summary = "导入人员",
      description = "表头 username,name,unit_code,role,phone,email，可选 password,retired。创建或更新 Camunda 用户及其单位用户组；"
          + "未给密码的新用户获得随机密码，只在本次应答中出现一次。整份文件通过校验才导入。")
  @PostMapping(value = "/import", consumes = {"text/csv", TableFile.XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
  StaffImportService.Result importStaff(HttpServletRequest request) throws IOException {
    try (InputStream in = request.getInputStream()) {
      return imports.importFile(TableFile.body(in), request.getContentType());
    }
  }
}
