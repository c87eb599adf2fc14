package org.huian.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.huian.e2e.EmbeddedPostgres;
import org.huian.notification.Notification;
import org.huian.testsupport.InProcessSmsc;
import org.jsmpp.bean.BindType;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The migration V11 and the delivery reports on H2 and on a real PostgreSQL, with the SMPP channel
 * bound as a transmitter (plus the receiver its receipts come on) to the in-process SMSC: the
 * schema the Spring tests only see on H2, the row lock of concurrent segment receipts, a receipt
 * that overtakes its submission, and the receipt timeout.
 */
class SmppTransmitterOnBothDatabasesTest {

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void shouldBindAsTransmitterAndResolveReceiptsOnTheReceiverSession(String database) throws Exception {
    DataSource ds = new DriverManagerDataSource("h2".equals(database)
        ? "jdbc:h2:mem:sms-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"
        : EmbeddedPostgres.newDatabase("huian_sms"));
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("huian_schema_history").load().migrate();
    JdbcClient jdbc = JdbcClient.create(ds);
    SmsProperties properties = new SmsProperties(Duration.ofMinutes(1), Duration.ofDays(3), null, null);
    SmsDeliveries deliveries = new SmsDeliveries(jdbc, new DataSourceTransactionManager(ds), properties);

    try (InProcessSmsc smsc = new InProcessSmsc("huian", "s3cret")) {
      SmsProperties.Smpp smpp = new SmsProperties.Smpp("127.0.0.1", smsc.port(), SmsProperties.BindMode.TRANSMITTER,
          null, null, "106900001234", null, null, null, null, null, null, "【汇安】", null, Duration.ofSeconds(5), null);
      StandardEnvironment env = new StandardEnvironment();
      env.getPropertySources().addFirst(new MapPropertySource("test", Map.of("HUIAN_SMPP_SYSTEM_ID", "huian", "HUIAN_SMPP_PASSWORD", "s3cret")));
      SmppSmsChannel channel = new SmppSmsChannel(new SmsProperties(properties.retryAfter(), properties.receiptTimeout(), null, smpp),
          deliveries, java.util.Set.of(SmppSmsChannel.NAME), env);
      try {
        long shortRow = row(jdbc, "sms:13812345678", "您反映的事项已办结。");
        long longRow = row(jdbc, "sms:13900001111", "调解".repeat(70));
        channel.send(notification(jdbc, shortRow));
        channel.send(notification(jdbc, longRow));

        assertThat(smsc.binds).containsExactlyInAnyOrder(BindType.BIND_TX, BindType.BIND_RX);
        assertThat(smsc.submits).hasSize(1 + 3);
        for (InProcessSmsc.Submit s : smsc.submits) {
          smsc.receipt(s.messageId(), DeliveryReceiptState.DELIVRD, "000", true);
        }
        await(() -> "DELIVERED".equals(status(jdbc, shortRow)) && "DELIVERED".equals(status(jdbc, longRow)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sms_submissions WHERE outbox_id = ? AND status = 'DELIVERED'")
            .param(longRow).query(Long.class).single()).isEqualTo(3);

        // a receipt that overtakes its submit_sm_resp is kept and applied when the id is recorded
        long early = row(jdbc, "sms:13812345678", "抢先到达的回执。");
        deliveries.begin(early, SmppSmsChannel.NAME);
        assertThat(deliveries.report(SmppSmsChannel.NAME, "EARLY-1", SmsDeliveries.EXPIRED, "stat:EXPIRED err:000")).isFalse();
        deliveries.submitted(early, SmppSmsChannel.NAME, "EARLY-1", 1, 1);
        assertThat(status(jdbc, early)).isEqualTo("EXPIRED");

        // no report within the receipt timeout: UNKNOWN
        long silent = row(jdbc, "sms:13812345678", "没有回执。");
        deliveries.begin(silent, SmppSmsChannel.NAME);
        deliveries.submitted(silent, SmppSmsChannel.NAME, "SILENT-1", 1, 1);
        jdbc.sql("UPDATE sms_submissions SET submitted_at = ? WHERE message_id = 'SILENT-1'")
            .param(OffsetDateTime.now().minusDays(4)).update();
        assertThat(deliveries.expireUnreported()).isEqualTo(1);
        assertThat(status(jdbc, silent)).isEqualTo("UNKNOWN");
      } finally {
        channel.close();
      }
    }
  }

  static long row(JdbcClient jdbc, String recipient, String body) {
    jdbc.sql("INSERT INTO notification_outbox (case_no, kind, recipient, subject, body, status, attempts, created_at) "
        + "VALUES ('SMS-DB', 'CLOSED', ?, '通知', ?, 'SENDING', 1, ?)").params(recipient, body, OffsetDateTime.now()).update();
    return jdbc.sql("SELECT MAX(id) FROM notification_outbox").query(Long.class).single();
  }

  static Notification notification(JdbcClient jdbc, long id) {
    return jdbc.sql("SELECT id, case_no, kind, recipient, subject, body FROM notification_outbox WHERE id = ?").param(id)
        .query((rs, i) -> new Notification(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6))).single();
  }

  static String status(JdbcClient jdbc, long id) {
    return jdbc.sql("SELECT delivery_status FROM notification_outbox WHERE id = ?").param(id).query(String.class).single();
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("timed out").isLessThan(end);
      Thread.sleep(50);
    }
  }
}
