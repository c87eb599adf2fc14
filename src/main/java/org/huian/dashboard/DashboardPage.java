package org.huian.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /dashboard} serves the funnel dashboard and {@code /dashboard/risk} the heat map (static pages, in Simplified Chinese). */
@Controller
class DashboardPage {

  @GetMapping({"/dashboard", "/dashboard/"})
  String dashboard() {
    return "forward:/dashboard/index.html";
  }

  /** The risk heat map (平安指数热力图). */
  @GetMapping({"/dashboard/risk", "/dashboard/risk/"})
  String risk() {
    return "forward:/dashboard/risk/index.html";
  }
}
