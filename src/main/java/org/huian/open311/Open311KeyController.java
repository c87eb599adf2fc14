package org.huian.open311;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.huian.geography.Geography;
import org.huian.geography.Unit;
import org.huian.security.ApiAuthenticationFilter;
import org.huian.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/open311/keys}: camunda-admin issues, lists and revokes the API keys of Open311
 * clients ({@code /api/admin/**} is for camunda-admin only, {@link ApiAuthenticationFilter}).
 */
@RestController
@RequestMapping("/api/admin/open311/keys")
@Tag(name = "Open311 接口密钥", description = "为其他系统（12345 热线、小程序、城市门户）签发 GeoReport v2 的 api_key")
class Open311KeyController {

  record KeyRequest(String name, String district, Integer ratePerMinute) {}

  record KeyView(long id, String name, String district, String districtName, String keyPrefix, int ratePerMinute,
      String createdBy, Instant createdAt, boolean revoked, String revokedBy, Instant revokedAt) {}

  /** The key appears in this answer only; Huian keeps its hash. */
  record IssuedKey(String key, String notice, KeyView client) {}

  private final Open311Keys keys;
  private final Geography geography;

  Open311KeyController(Open311Keys keys, Geography geography) {
    this.keys = keys;
    this.geography = geography;
  }

  @Operation(summary = "签发 api_key", description = "一个客户端一把密钥，绑定一个区（jurisdiction_id）并限定每分钟请求数"
      + "（默认 huian.open311.rate-per-minute）。密钥只在本次应答中出现，系统只保存其 SHA-256。")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<IssuedKey> issue(@RequestBody KeyRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    Open311Keys.Issued issued = keys.issue(request.name(), request.district(), request.ratePerMinute(), user.id());
    return ResponseEntity.created(URI.create("/api/admin/open311/keys/" + issued.client().id()))
        .body(new IssuedKey(issued.key(), "请立即妥善保存：密钥不会再次显示", view(issued.client())));
  }

  @Operation(summary = "客户端与密钥列表（不含密钥本身）")
  @GetMapping
  List<KeyView> list() {
    return keys.list().stream().map(this::view).toList();
  }

  @Operation(summary = "吊销 api_key", description = "吊销后该密钥提交的请求一律 403；已提交的案件照常办理。重复吊销不改变什么。")
  @PostMapping("/{id}/revoke")
  KeyView revoke(@PathVariable long id, @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return view(keys.revoke(id, user.id()));
  }

  private KeyView view(Open311Keys.Client c) {
    return new KeyView(c.id(), c.name(), c.districtCode(), geography.find(c.districtCode()).map(Unit::name).orElse(null),
        c.keyPrefix(), c.ratePerMinute(), c.createdBy(), c.createdAt(), c.revoked(), c.revokedBy(), c.revokedAt());
  }
}
