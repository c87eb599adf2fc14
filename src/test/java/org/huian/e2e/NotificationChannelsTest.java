package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.huian.cases.CaseFunnel;
import org.huian.notification.OutboxRelay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notifications that leave the building: warning and escalation e-mails reach a real SMTP server
 * (GreenMail) and the same events reach a webhook server; a failing channel retries and then
 * dead-letters without touching the case.
 */
class NotificationChannelsTest extends AbstractApiTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

  static final List<String> hooks = new CopyOnWriteArrayList<>();
  static final AtomicInteger hookStatus = new AtomicInteger(200);
  static final HttpServer hookServer = startHookServer();

  @Autowired OutboxRelay relay;

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:huian-notify;DB_CLOSE_DELAY=-1");
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", () -> ServerSetupTest.SMTP.getPort());
    registry.add("huian.notifications.channels", () -> "log,email,webhook");
    registry.add("huian.notifications.webhook.url", () -> "http://localhost:" + hookServer.getAddress().getPort() + "/hook");
  }

  static HttpServer startHookServer() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
      server.createContext("/hook", exchange -> {
        hooks.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(hookStatus.get(), -1);
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stopHookServer() {
    hookServer.stop(0);
  }

  @BeforeEach
  void reset() {
    hooks.clear();
    hookStatus.set(200);
  }

  @Test
  void shouldEmailAndPostTheWarningAndTheEscalation() throws Exception {
    String caseNo = create(AbstractApiTest::gridAppNeighbourDispute).path("caseNo").asText();
    String pi = processInstance(caseNo);

    fire(pi, CaseFunnel.Elements.TIMER_LEVEL_WARNING);
    fire(pi, CaseFunnel.Elements.TIMER_LEVEL_DEADLINE);
    relay.relay();

    List<String> mails = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      mails.add(Arrays.toString(m.getRecipients(Message.RecipientType.TO)) + " " + m.getSubject());
    }
    assertThat(mails).anyMatch(m -> m.contains("grid-110101004001-01@huian.example") && m.contains("临期预警") && m.contains(caseNo));
    assertThat(mails).anyMatch(m -> m.contains("grid-110101004001-01@huian.example") && m.contains("案件已上报"));
    assertThat(mails).anyMatch(m -> m.contains("community-110101004001@huian.example") && m.contains("上报案件待办"));
    assertThat(hooks).anyMatch(h -> h.contains("\"event\":\"WARNED\"") && h.contains(caseNo));
    assertThat(hooks).anyMatch(h -> h.contains("\"event\":\"ESCALATED_FROM\""));
    assertThat(hooks).anyMatch(h -> h.contains("\"event\":\"ESCALATED_TO\""));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE case_no = ? AND status <> 'SENT'")
        .param(caseNo).query(Long.class).single()).isZero();
  }

  @Test
  void shouldRetryAFailingChannelThenDeadLetterWithoutTouchingTheCase() {
    String caseNo = create(AbstractApiTest::gridAppNeighbourDispute).path("caseNo").asText();
    hookStatus.set(500);
    fire(processInstance(caseNo), CaseFunnel.Elements.TIMER_LEVEL_WARNING);
    String before = get(caseNo).toString();

    for (int i = 0; i < 5; i++) {
      relay.relay();
    }

    assertThat(jdbc.sql("SELECT status FROM notification_outbox WHERE case_no = ? AND kind = 'WARNED'")
        .param(caseNo).query(String.class).single()).isEqualTo("DEAD");
    assertThat(jdbc.sql("SELECT last_error FROM notification_outbox WHERE case_no = ? AND kind = 'WARNED'")
        .param(caseNo).query(String.class).single()).contains("500");
    assertThat(hooks.size()).isGreaterThanOrEqualTo(5);
    assertThat(get(caseNo).toString()).isEqualTo(before);
    assertThat(get(caseNo).path("sla").asText()).isEqualTo("AMBER");
  }
}
