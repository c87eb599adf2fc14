package org.huian.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * OpenAPI for {@code /api} and the confirmation page, served at {@code /v3/api-docs} with Swagger UI
 * at {@code /swagger-ui.html}. Every operation gets the error answers it can give, as RFC 7807
 * problem+json with an example.
 */
@Configuration
class OpenApiConfig {

  static final String BASIC = "basic";

  @Bean
  OpenAPI huianOpenApi() {
    return new OpenAPI()
        .info(new Info().title("汇安 Huian API").version("0.1.0")
            .description("一窗受理、四级分拨、时限督办、调解与履行跟踪。所有 /api 接口使用 HTTP Basic（与 Tasklist 相同的用户）；"
                + "错误一律以 application/problem+json 返回，输入错误在 errors[] 中给出字段和原因。")
            .license(new License().name("Apache-2.0")))
        .components(new Components()
            .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
            .addSchemas("Problem", problemSchema())
            .examples(OpenApiExamples.load()))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }

  /** Adds the error answers to every operation that does not declare them itself. */
  @Bean
  OpenApiCustomizer problemAnswers() {
    return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
      boolean write = method.name().equals("POST") || method.name().equals("PUT");
      boolean page = path.startsWith("/m/");
      // the resident's page (docs/field-and-residents.md): no login, rate-limited instead
      boolean open = page || path.startsWith("/api/public/") || path.equals("/report") || path.startsWith("/track/");
      if (write || path.contains("{")) {
        op.getResponses().putIfAbsent("400", problem("请求内容不符合要求",
            "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"请求内容不符合要求\","
                + "\"instance\":\"/api/cases\",\"errors\":[{\"field\":\"title\",\"message\":\"事项标题不能为空\"}]}"));
      }
      if (!open) {
        op.getResponses().putIfAbsent("401", problem("未登录或密码错误",
            "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"需要登录：请使用 HTTP Basic 提供用户名和密码\"}"));
      }
      if (path.contains("{caseNo}")) {
        op.getResponses().putIfAbsent("403", problem("不属于本单位的案件",
            "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"无权查看其他单位的案件：DC20261127000001\"}"));
        op.getResponses().putIfAbsent("404", problem("案件不存在",
            "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"案件不存在：DC20261127000099\"}"));
      }
      if (page) {
        op.getResponses().putIfAbsent("404", problem("链接不存在", "{\"status\":404,\"title\":\"链接无效\",\"detail\":\"该确认链接不存在\"}"));
        op.getResponses().putIfAbsent("410", problem("链接已使用或已过期", "{\"status\":410,\"title\":\"链接已使用\",\"detail\":\"该确认链接已于此前使用\"}"));
      }
      if (path.startsWith("/api/public/")) {
        op.getResponses().putIfAbsent("429", problem("请求过于频繁（Retry-After 给出等待秒数）",
            "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"提交过于频繁，请 60 分钟后再试\"}"));
      }
      if (open) {
        op.setSecurity(List.of());
      }
    }));
  }

  private static ApiResponse problem(String description, String example) {
    return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))
            .examples(Map.of("example", new Example().value(example)))));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema problemSchema() {
    Schema error = new Schema<>().type("object")
        .addProperty("field", new Schema<>().type("string").example("location.streetCode"))
        .addProperty("message", new Schema<>().type("string").example("街道代码未登记"));
    return new Schema<>().type("object").description("RFC 7807 problem details")
        .addProperty("type", new Schema<>().type("string"))
        .addProperty("title", new Schema<>().type("string"))
        .addProperty("status", new Schema<>().type("integer"))
        .addProperty("detail", new Schema<>().type("string"))
        .addProperty("instance", new Schema<>().type("string"))
        .addProperty("errors", new Schema<>().type("array").items(error));
  }
}
