package org.huian.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /dashboard} serves the funnel dashboard page (static, in Simplified Chinese). */
@Controller
class DashboardPage {

  @GetMapping({"/dashboard", "/dashboard/"})
  String dashboard() {
    return "forward:/dashboard/index.html";
  }
}
