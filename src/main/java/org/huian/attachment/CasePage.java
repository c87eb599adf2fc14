package org.huian.attachment;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /cases/{caseNo}}: the case page for staff logged in to the webapps (summary, timeline,
 * photos by step, before and after). A static page that reads {@code /api} with the webapp
 * session, so it shows exactly what the user's scope may see; another unit's case is "not found".
 */
@Controller
class CasePage {

  @GetMapping("/cases/{caseNo:[A-Za-z0-9-]+}")
  String page() {
    return "forward:/case-page/index.html";
  }
}
