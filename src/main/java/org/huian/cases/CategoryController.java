package org.huian.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/categories}: the case catalogue, where the categories live. */
@RestController
@Tag(name = "单位与目录")
class CategoryController {

  record CategoryEntry(String code, String name) {}

  @Operation(summary = "纠纷类别目录")
  @GetMapping("/api/categories")
  List<CategoryEntry> categories() {
    return Arrays.stream(Category.values()).map(c -> new CategoryEntry(c.name(), c.nameZh())).toList();
  }
}
