package org.huian.field;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /m/} serves the grid workers' app (网格员移动端), a static installable web app in
 * {@code static/m/}. A party's confirmation link {@code /m/{token}} has no dot, so the app's files
 * ({@code /m/app.js}, {@code /m/sw.js}, …) never reach the confirmation page.
 */
@Controller
@io.swagger.v3.oas.annotations.Hidden
class FieldAppPage {

  @GetMapping("/m")
  String redirect() {
    return "redirect:/m/";
  }

  @GetMapping("/m/")
  String app() {
    return "forward:/m/index.html";
  }
}
