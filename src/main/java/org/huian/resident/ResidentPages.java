package org.huian.resident;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The resident's pages, no login: {@code /report} (the form) and {@code /track/{token}} (the
 * progress of one case). Plain HTML and ES modules from {@code static/resident/}; the tracking
 * page reads its token from the address and asks {@code /api/public/track/{token}}. Neither page
 * is cached or sends a referrer, so the token stays out of caches and other sites' logs.
 */
@Controller
@io.swagger.v3.oas.annotations.tags.Tag(name = "居民反映（无需登录）")
class ResidentPages {

  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  @io.swagger.v3.oas.annotations.Operation(summary = "居民反映页面（无需登录）", description = "HTML 页面；数据经 /api/public/* 提交。")
  @GetMapping({"/report", "/report/"})
  ResponseEntity<String> report() throws IOException {
    return page("static/resident/report.html");
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "办理进度页面（私密链接，无需登录）",
      description = "HTML 页面，由 /api/public/track/{token} 取得内容；未知链接由该接口答 404。")
  @GetMapping("/track/{token}")
  ResponseEntity<String> track(@PathVariable String token) throws IOException {
    return page("static/resident/track.html"); // an unknown token is told apart by the API (404), not here
  }

  private static ResponseEntity<String> page(String resource) throws IOException {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noStore())
          .header("Referrer-Policy", "no-referrer").header("X-Robots-Tag", "noindex")
          .body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
