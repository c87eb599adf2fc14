package org.huian.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Before the units and identities are in place a request is told to come back, not refused as unauthenticated. */
class StartupGateFilterTest {

  @Test
  void shouldAnswer503ProblemUntilTheGateOpensThenPassRequestsOn() throws Exception {
    StartupGate gate = new StartupGate();
    StartupGateFilter filter = new StartupGateFilter(gate);

    MockHttpServletResponse early = new MockHttpServletResponse();
    MockFilterChain notReached = new MockFilterChain();
    filter.doFilter(new MockHttpServletRequest("GET", "/api/cases"), early, notReached);
    assertThat(early.getStatus()).isEqualTo(503);
    assertThat(early.getHeader("Retry-After")).isEqualTo("5");
    assertThat(early.getContentType()).startsWith("application/problem+json");
    assertThat(early.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("\"status\":503").contains("正在启动");
    assertThat(notReached.getRequest()).as("the request went no further").isNull();

    gate.open();
    MockHttpServletResponse later = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(new MockHttpServletRequest("GET", "/api/cases"), later, chain);
    assertThat(chain.getRequest()).isNotNull();
    assertThat(later.getStatus()).isEqualTo(200);
  }
}
