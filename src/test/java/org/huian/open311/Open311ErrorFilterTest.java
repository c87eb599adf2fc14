package org.huian.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.huian.security.StartupGate;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.w3c.dom.Element;

/** Errors under /open311 leave in the specification's format; a closed start-up gate is a 503 of its own. */
class Open311ErrorFilterTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static StartupGate gate(boolean open) {
    return new StartupGate() {
      @Override
      public boolean isOpen() {
        return open;
      }
    };
  }

  @Test
  void shouldAnswer503InTheOpen311FormatWhileStarting() throws Exception {
    Open311ErrorFilter filter = new Open311ErrorFilter(gate(false), JSON);
    MockHttpServletResponse xml = new MockHttpServletResponse();
    MockFilterChain notReached = new MockFilterChain();
    filter.doFilter(new MockHttpServletRequest("GET", "/open311/v2/services.xml"), xml, notReached);
    assertThat(notReached.getRequest()).isNull();
    assertThat(xml.getStatus()).isEqualTo(503);
    assertThat(xml.getHeader("Retry-After")).isEqualTo("5");
    assertThat(xml.getContentType()).startsWith("text/xml");
    Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getContentAsByteArray())).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("errors");
    assertThat(root.getElementsByTagName("code").item(0).getTextContent()).isEqualTo("503");
    assertThat(root.getElementsByTagName("description").item(0).getTextContent()).contains("正在启动");

    MockHttpServletResponse json = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("GET", "/open311/v2/requests.json"), json, new MockFilterChain());
    assertThat(json.getContentType()).startsWith("application/json");
    assertThat(JSON.readTree(json.getContentAsString(StandardCharsets.UTF_8)).get(0).path("code").asInt()).isEqualTo(503);
  }

  @Test
  void shouldRewriteAProblemIntoOneErrorPerFieldKeepingStatusAndRetryAfter() throws Exception {
    Open311ErrorFilter filter = new Open311ErrorFilter(gate(true), JSON);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("POST", "/open311/v2/requests.json"), response,
        (jakarta.servlet.FilterChain) (request, res) -> {
          HttpServletResponse r = (HttpServletResponse) res;
          r.setStatus(429);
          r.setHeader("Retry-After", "7");
          r.setContentType("application/problem+json");
          r.getOutputStream().write(("{\"status\":429,\"detail\":\"请求过于频繁\",\"errors\":[{\"field\":\"api_key\",\"message\":\"请求过于频繁\"},"
              + "{\"field\":\"lat\",\"message\":\"纬度不在范围内\"}]}").getBytes(StandardCharsets.UTF_8));
        });
    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(response.getHeader("Retry-After")).isEqualTo("7");
    JsonNode errors = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    assertThat(errors.findValuesAsText("description")).containsExactly("api_key：请求过于频繁", "lat：纬度不在范围内");
    assertThat(errors.findValuesAsText("code")).containsExactly("429", "429");
  }

  @Test
  void shouldPassAnAnswerThatIsNoErrorUnchanged() throws Exception {
    Open311ErrorFilter filter = new Open311ErrorFilter(gate(true), JSON);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("GET", "/open311/v2/services.xml"), response,
        (jakarta.servlet.FilterChain) (request, res) -> {
          res.setContentType("text/xml;charset=utf-8");
          res.getOutputStream().write("<services/>".getBytes(StandardCharsets.UTF_8));
        });
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<services/>");
  }
}
