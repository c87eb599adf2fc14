package org.huian.notification;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mail to the members of the unit a notification is for (their addresses from the Camunda user
 * records), over SMTP with Spring Mail ({@code spring.mail.*}). Messages to residents ({@code
 * sms:}) are not e-mailed.
 */
@Component
class EmailNotificationAdapter implements NotificationChannel {

  private final ObjectProvider<JavaMailSender> mail;
  private final IdentityService identity;
  private final String from;

  EmailNotificationAdapter(ObjectProvider<JavaMailSender> mail, @Lazy IdentityService identity,
      @Value("${huian.notifications.email.from:huian@localhost}") String from) {
    this.mail = mail;
    this.identity = identity;
    this.from = from;
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public boolean accepts(Notification n) {
    return !n.recipient().startsWith("sms:") && !addresses(n.recipient()).isEmpty();
  }

  @Override
  public void send(Notification n) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException("e-mail channel enabled but spring.mail.host is not set");
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(addresses(n.recipient()).toArray(String[]::new));
    message.setSubject("【汇安】" + n.subject());
    message.setText(NotificationOutbox.redactLinks(n.body()) + "\n\n案件编号：" + n.caseNo() + "\n（本邮件由汇安系统自动发送）");
    sender.send(message);
  }

  private List<String> addresses(String groupId) {
    return identity.createUserQuery().memberOfGroup(groupId).list().stream()
        .map(User::getEmail).filter(Objects::nonNull).filter(e -> !e.isBlank()).distinct().toList();
  }
}
