package org.huian.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox queues a message only when a configured channel takes it (on the real schema, in H2). */
class NotificationOutboxTest {

  static JdbcClient database(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("huian_schema_history").load().migrate();
    return JdbcClient.create(ds);
  }

  static NotificationOutbox outbox(JdbcClient jdbc, Set<String> enabled) {
    NotificationChannel sms = new NotificationChannel() {
      @Override
      public String name() {
        return "sms-test";
      }

      @Override
      public boolean accepts(Notification n) {
        return n.recipient().startsWith("sms:");
      }

      @Override
      public void send(Notification n) {}
    };
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("router", new NotificationRouter(List.of(new LoggingNotificationAdapter(false), sms), enabled));
    return new NotificationOutbox(jdbc, beans.getBeanProvider(NotificationRouter.class));
  }

  static long rows(JdbcClient jdbc) {
    return jdbc.sql("SELECT COUNT(*) FROM notification_outbox").query(Long.class).single();
  }

  @Test
  void shouldQueueOnlyWhatAConfiguredChannelTakes() {
    JdbcClient jdbc = database("outbox-sms");
    NotificationOutbox onlySms = outbox(jdbc, Set.of("sms-test"));
    onlySms.enqueue("DC1", "ESCALATED_TO", "110101004000-leaders", "上报", "案件已上报");
    assertThat(rows(jdbc)).as("no channel takes a unit's notice").isZero();
    onlySms.enqueue("DC1", "CLOSED", "sms:13800000000", "办结", "您反映的事项已办结");
    assertThat(rows(jdbc)).isEqualTo(1);
  }

  @Test
  void shouldQueueNothingWithoutChannelsAndEverythingForTheLog() {
    JdbcClient none = database("outbox-none");
    outbox(none, Set.of("")).enqueue("DC1", "ESCALATED_TO", "110101004000-leaders", "上报", "案件已上报");
    assertThat(rows(none)).isZero();
    JdbcClient log = database("outbox-log");
    NotificationOutbox logged = outbox(log, Set.of("log"));
    logged.enqueue("DC1", "ESCALATED_TO", "110101004000-leaders", "上报", "案件已上报");
    logged.enqueue("DC1", "CLOSED", "sms:13800000000", "办结", "您反映的事项已办结");
    assertThat(rows(log)).isEqualTo(2);
  }
}
