package org.huian.open311;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.huian.geography.Unit;
import org.huian.open311.Open311Views.Discovery;
import org.huian.open311.Open311Views.Endpoint;
import org.huian.problem.NotFoundException;
import org.huian.problem.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 under {@code /open311/v2} (docs/open311.md): every method as
 * {@code .xml} and {@code .json}, reachable without HTTP Basic. POST needs an {@code api_key};
 * errors are the specification's list of {@code {code, description}} ({@link Open311ErrorFilter}).
 */
@RestController
@RequestMapping("/open311")
@Tag(name = "Open311 GeoReport v2", description = "其他系统（12345 热线、小程序、城市门户、FixMyStreet 类客户端）按 GeoReport v2 提交和查询事项")
class Open311Controller {

  static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
  /** The date the service list and the definitions last changed (the discovery's changeset). */
  static final String CHANGESET = "2026-12-03T00:00:00+08:00";
  private static final Pattern KNOWN = Pattern.compile(
      "^/open311/v2/(discovery|services|requests|servicerequestupdates|services/[^/]+|requests/[^/]+|tokens/[^/]+)\\.(xml|json)$");

  private final Open311Service open311;
  private final Open311Keys keys;
  private final Open311RateLimits limits;
  private final Open311Writer writer;
  private final String baseUrl;
  private final String contact;

  Open311Controller(Open311Service open311, Open311Keys keys, Open311RateLimits limits,
      com.fasterxml.jackson.databind.ObjectMapper json,
      @Value("${huian.public-base-url:http://localhost:8080}") String baseUrl,
      @Value("${huian.open311.contact:请联系本区综治中心信息化管理员}") String contact) {
    this.open311 = open311;
    this.keys = keys;
    this.limits = limits;
    this.writer = new Open311Writer(json.copy().setSerializationInclusion(
        com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS));
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.contact = contact;
  }

  @Operation(summary = "服务发现（discovery）")
  @GetMapping("/v2/discovery.{format}")
  ResponseEntity<byte[]> discovery(@PathVariable String format) {
    Open311Format f = format(format);
    Discovery d = new Discovery(CHANGESET, contact,
        "api_key 由系统管理员（camunda-admin）签发：POST /api/admin/open311/keys，一个客户端一把，绑定一个区",
        List.of(new Endpoint(SPECIFICATION, baseUrl + "/open311/v2", CHANGESET, "production",
            List.of("text/xml", "application/json"))));
    return answer(f, "discovery", d);
  }

  @Operation(summary = "服务列表（纠纷与风险类别）")
  @GetMapping("/v2/services.{format}")
  ResponseEntity<byte[]> services(@PathVariable String format, HttpServletRequest request) {
    Open311Format f = format(format);
    open311.jurisdiction(request.getParameter("jurisdiction_id"));
    return answer(f, "services", Open311Catalogue.services());
  }

  @Operation(summary = "服务定义（类别所需属性）")
  @GetMapping("/v2/services/{code}.{format}")
  ResponseEntity<byte[]> definition(@PathVariable String code, @PathVariable String format, HttpServletRequest request) {
    Open311Format f = format(format);
    open311.jurisdiction(request.getParameter("jurisdiction_id"));
    return answer(f, "service_definition", Open311Catalogue.definition(Open311Service.category(code)));
  }

  @Operation(summary = "提交事项（application/x-www-form-urlencoded，须 api_key）",
      description = "与 POST /api/cases 同一套校验、分拨和四级流程，渠道 OPEN311。同一客户端重复提交完全相同的参数，返回同一案件。")
  @PostMapping("/v2/requests.{format}")
  ResponseEntity<byte[]> submit(@PathVariable String format, HttpServletRequest request) {
    Open311Format f = format(format);
    Map<String, String[]> params = request.getParameterMap();
    String key = Open311Service.one(params, "api_key");
    if (Open311Service.blank(key)) {
      throw Open311Service.forbidden("缺少 api_key：提交事项须提供系统管理员签发的 api_key");
    }
    Open311Keys.Client client = client(key, params);
    Unit district = open311.jurisdiction(client.districtCode());
    Open311Views.Created created = open311.submit(params, district, client);
    ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
    open311.tokenOf(created.serviceRequestId()).ifPresent(t -> ok.header("X-Open311-Token", t));
    return body(ok, f, "service_requests", List.of(created));
  }

  @Operation(summary = "查询事项（默认最近 90 天，最多 1000 条）")
  @GetMapping("/v2/requests.{format}")
  ResponseEntity<byte[]> requests(@PathVariable String format, HttpServletRequest request) {
    return read(format, request, "service_requests", open311::requests);
  }

  @Operation(summary = "查询单个事项")
  @GetMapping("/v2/requests/{id}.{format}")
  ResponseEntity<byte[]> request(@PathVariable String id, @PathVariable String format, HttpServletRequest request) {
    return read(format, request, "service_requests", (params, district, viewer) -> List.of(open311.request(id, district, viewer)));
  }

  @Operation(summary = "由 token 查询事项编号")
  @GetMapping("/v2/tokens/{token}.{format}")
  ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format, HttpServletRequest request) {
    return read(format, request, "service_requests", (params, district, viewer) -> List.of(open311.token(token, district)));
  }

  @Operation(summary = "办理进展（mySociety servicerequestupdates 扩展）")
  @GetMapping("/v2/servicerequestupdates.{format}")
  ResponseEntity<byte[]> updates(@PathVariable String format, HttpServletRequest request) {
    return read(format, request, "service_request_updates", open311::updates);
  }

  /** A read of requests: its parameters, the jurisdiction and who reads. */
  @FunctionalInterface
  private interface Read {
    Object answer(Map<String, String[]> params, Unit district, Open311Service.Viewer viewer);
  }

  private ResponseEntity<byte[]> read(String format, HttpServletRequest request, String root, Read read) {
    Open311Format f = format(format);
    Map<String, String[]> params = request.getParameterMap();
    Unit district = open311.jurisdiction(request.getParameter("jurisdiction_id"));
    return answer(f, root, read.answer(params, district, viewer(params, district)));
  }

  /** Anything else under {@code /open311}: 405 for a known resource, else 404, both in Open311's format. */
  @io.swagger.v3.oas.annotations.Hidden
  @RequestMapping("/**")
  ResponseEntity<byte[]> unknown(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (KNOWN.matcher(path).matches()) {
      throw new ProblemException(HttpStatus.METHOD_NOT_ALLOWED, null, "该方法不支持 " + request.getMethod() + " 请求");
    }
    throw new NotFoundException("没有这个 Open311 方法（GeoReport v2 的地址形如 /open311/v2/services.xml）");
  }

  /** A key on a read is optional; one that is given must be valid, and it may show the client's own private requests. */
  private Open311Service.Viewer viewer(Map<String, String[]> params, Unit district) {
    String key = Open311Service.one(params, "api_key");
    if (Open311Service.blank(key)) {
      return Open311Service.Viewer.PUBLIC;
    }
    Open311Keys.Client client = client(key, params);
    if (!client.districtCode().equals(district.code())) {
      throw Open311Service.forbidden("该 api_key 只能用于 jurisdiction_id " + client.districtCode());
    }
    return new Open311Service.Viewer(client);
  }

  private Open311Keys.Client client(String key, Map<String, String[]> params) {
    Open311Keys.Client client = keys.byKey(key)
        .orElseThrow(() -> Open311Service.forbidden("api_key 无效：请使用系统管理员签发的密钥"));
    if (client.revoked()) {
      throw Open311Service.forbidden("api_key 已被吊销：请联系系统管理员重新签发");
    }
    String jurisdiction = Open311Service.one(params, "jurisdiction_id");
    if (!Open311Service.blank(jurisdiction) && !jurisdiction.strip().equals(client.districtCode())) {
      open311.jurisdiction(jurisdiction); // an unknown jurisdiction is 404 before the key's district is 403
      throw Open311Service.forbidden("该 api_key 只能用于 jurisdiction_id " + client.districtCode());
    }
    limits.take(client);
    return client;
  }

  private static Open311Format format(String suffix) {
    Open311Format f = Open311Format.parse(suffix);
    if (f == null) {
      throw new NotFoundException("不支持的格式 ." + Open311Service.abbreviate(suffix) + "：请用 .xml 或 .json");
    }
    return f;
  }

  private ResponseEntity<byte[]> answer(Open311Format f, String root, Object body) {
    return body(ResponseEntity.ok(), f, root, body);
  }

  private ResponseEntity<byte[]> body(ResponseEntity.BodyBuilder builder, Open311Format f, String root, Object body) {
    return builder.header(HttpHeaders.CONTENT_TYPE, f.contentType()).body(writer.write(f, root, body));
  }
}
