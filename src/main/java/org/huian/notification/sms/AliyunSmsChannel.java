package org.huian.notification.sms;

import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.QuerySendDetailsRequest;
import com.aliyun.dysmsapi20170525.models.QuerySendDetailsResponseBody;
import com.aliyun.dysmsapi20170525.models.QuerySendDetailsResponseBody.QuerySendDetailsResponseBodySmsSendDetailDTOsSmsSendDetailDTO;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.dysmsapi20170525.models.SendSmsResponseBody;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.huian.notification.Notification;
import org.huian.notification.NotificationChannel;
import org.huian.notification.PermanentNotificationFailure;
import org.huian.notification.TemporaryNotificationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Alibaba Cloud SMS ({@code sms-aliyun}) through the official SDK {@code dysmsapi20170525}: every
 * message to a resident ({@code sms:<phone>}) is a SendSms of the approved template of its kind,
 * with the sign name and the template's variables filled from the message. The BizId goes into the
 * outbox row, and a scheduled QuerySendDetails turns it into the delivery outcome.
 *
 * <p>The AccessKey comes from the environment only ({@code ALIBABA_CLOUD_ACCESS_KEY_ID},
 * {@code ALIBABA_CLOUD_ACCESS_KEY_SECRET}), never from a configuration file.
 */
@Component
class AliyunSmsChannel implements NotificationChannel {

  static final String NAME = "sms-aliyun";

  /** Codes of SendSms that no retry changes: the number, the template or its values are refused. */
  static final Set<String> PERMANENT = Set.of(
      "isv.MOBILE_NUMBER_ILLEGAL", "isv.MOBILE_COUNT_OVER_LIMIT", "isv.BLACK_KEY_CONTROL_LIMIT",
      "isv.TEMPLATE_MISSING_PARAMETERS", "isv.INVALID_PARAMETERS", "isv.INVALID_JSON_PARAM",
      "isv.PARAM_LENGTH_LIMIT", "isv.PARAM_NOT_SUPPORT_URL", "isv.SMS_TEMPLATE_ILLEGAL",
      "isv.SMS_SIGNATURE_ILLEGAL", "isv.SMS_CONTENT_ILLEGAL");

  private static final Logger log = LoggerFactory.getLogger(AliyunSmsChannel.class);
  private static final DateTimeFormatter SEND_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneId.of("Asia/Shanghai"));

  private final SmsProperties.Aliyun config;
  private final Duration retryAfter;
  private final SmsDeliveries deliveries;
  private final ObjectMapper json;
  private final boolean enabled;
  private final String accessKeyId;
  private final String accessKeySecret;
  private volatile Client client;

  AliyunSmsChannel(SmsProperties properties, SmsDeliveries deliveries, ObjectMapper json,
      @Value("${huian.notifications.channels:log}") Set<String> channels, Environment environment) {
    this.config = properties.aliyun();
    this.retryAfter = properties.retryAfter();
    this.deliveries = deliveries;
    this.json = json;
    this.enabled = channels.contains(NAME);
    this.accessKeyId = environment.getProperty("ALIBABA_CLOUD_ACCESS_KEY_ID", "");
    this.accessKeySecret = environment.getProperty("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "");
    if (enabled && channels.contains(SmppSmsChannel.NAME)) {
      throw new IllegalStateException("huian.notifications.channels names both sms-aliyun and sms-smpp: every SMS would go out twice; choose one");
    }
    if (enabled) {
      check();
    }
  }

  /** An enabled channel that cannot send would only fill the outbox with DEAD rows: refuse to start. */
  private void check() {
    if (accessKeyId.isBlank() || accessKeySecret.isBlank()) {
      throw new IllegalStateException(NAME + " is enabled but ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set in the environment");
    }
    if (config.signName() == null || config.signName().isBlank()) {
      throw new IllegalStateException(NAME + " is enabled but huian.notifications.sms.aliyun.sign-name is not set");
    }
    if (config.template() == null || config.template().code() == null || config.template().code().isBlank()) {
      throw new IllegalStateException(NAME + " is enabled but huian.notifications.sms.aliyun.template.code (the default template) is not set");
    }
    config.templates().forEach((kind, t) -> {
      if (t.code() == null || t.code().isBlank()) {
        throw new IllegalStateException("huian.notifications.sms.aliyun.templates." + kind + ".code is empty");
      }
    });
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(Notification n) {
    return n.recipient().startsWith("sms:");
  }

  @Override
  public void send(Notification n) {
    String phone = SmsText.requireMobile(n);
    SmsProperties.Template template = config.templateFor(n.kind());
    SendSmsRequest request = new SendSmsRequest()
        .setPhoneNumbers(phone)
        .setSignName(config.signName())
        .setTemplateCode(template.code())
        .setTemplateParam(params(template, n))
        .setOutId(Long.toString(n.id()));
    SendSmsResponseBody answer;
    try {
      answer = client().sendSmsWithOptions(request, runtime()).getBody();
    } catch (TeaException e) {
      throw failure(e.getCode(), e.getMessage(), e);
    } catch (Exception e) {
      throw new TemporaryNotificationFailure("Aliyun SMS unreachable: " + e.getMessage(), retryAfter, e);
    }
    if (answer == null || !"OK".equals(answer.getCode())) {
      throw failure(answer == null ? null : answer.getCode(), answer == null ? "empty answer" : answer.getMessage(), null);
    }
    deliveries.begin(n.id(), NAME);
    deliveries.submitted(n.id(), NAME, answer.getBizId(), 1, 1);
    log.info("notification #{} [{}] to {} accepted by Aliyun SMS (template {}, BizId {})",
        n.id(), n.kind(), SmsText.masked(n.recipient()), template.code(), answer.getBizId());
  }

  private String params(SmsProperties.Template template, Notification n) {
    try {
      return json.writeValueAsString(SmsText.templateParams(template.params(), n));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Throttling and system errors retry after a pause; a refused number or template is dead at once. */
  RuntimeException failure(String code, String message, Throwable cause) {
    String text = "Aliyun SMS answered " + code + ": " + message;
    if (code != null && PERMANENT.contains(code)) {
      return new PermanentNotificationFailure(text, cause);
    }
    return new TemporaryNotificationFailure(text, retryAfter, cause);
  }

  /**
   * Asks QuerySendDetails about every message still waiting for its outcome (SendStatus 3:
   * delivered, 2: failed with the carrier's ErrCode, 1: still waiting).
   */
  @Scheduled(fixedDelayString = "${huian.notifications.sms.aliyun.status-poll-interval:PT1M}",
      initialDelayString = "${huian.notifications.sms.aliyun.status-poll-interval:PT1M}")
  public void pollDeliveryReports() {
    if (!enabled) {
      return;
    }
    for (SmsDeliveries.Awaiting a : deliveries.awaiting(NAME, 100)) {
      String phone = SmsText.mobile(a.recipient()).orElse(null);
      if (phone == null) {
        continue;
      }
      try {
        QuerySendDetailsResponseBody body = client().querySendDetailsWithOptions(new QuerySendDetailsRequest()
            .setPhoneNumber(phone).setBizId(a.messageId()).setSendDate(SEND_DATE.format(a.submittedAt()))
            .setPageSize(10L).setCurrentPage(1L), runtime()).getBody();
        if (!"OK".equals(body.getCode())) {
          log.warn("QuerySendDetails for notification #{} answered {}: {}", a.outboxId(), body.getCode(), body.getMessage());
          continue;
        }
        List<QuerySendDetailsResponseBodySmsSendDetailDTOsSmsSendDetailDTO> details =
            body.getSmsSendDetailDTOs() == null || body.getSmsSendDetailDTOs().getSmsSendDetailDTO() == null
                ? List.of() : body.getSmsSendDetailDTOs().getSmsSendDetailDTO();
        for (var d : details) {
          Long status = d.getSendStatus();
          if (status != null && status == 3L) {
            deliveries.report(a, SmsDeliveries.DELIVERED, d.getErrCode());
          } else if (status != null && status == 2L) {
            deliveries.report(a, SmsDeliveries.UNDELIVERED, d.getErrCode());
          }
        }
      } catch (TeaException e) {
        log.warn("QuerySendDetails for notification #{} failed: {} {}", a.outboxId(), e.getCode(), e.getMessage());
      } catch (Exception e) {
        log.warn("QuerySendDetails for notification #{} failed: {}", a.outboxId(), e.toString());
      }
    }
  }

  private RuntimeOptions runtime() {
    // no retries inside the SDK: the outbox retries, with its attempts and pauses
    return new RuntimeOptions().setAutoretry(false)
        .setConnectTimeout((int) config.connectTimeout().toMillis())
        .setReadTimeout((int) config.readTimeout().toMillis());
  }

  private Client client() throws Exception {
    Client c = client;
    if (c == null) {
      synchronized (this) {
        if (client == null) {
          client = new Client(new Config()
              .setAccessKeyId(accessKeyId)
              .setAccessKeySecret(accessKeySecret)
              .setEndpoint(config.endpoint())
              .setProtocol(config.protocol())
              .setRegionId(config.regionId())
              .setConnectTimeout((int) config.connectTimeout().toMillis())
              .setReadTimeout((int) config.readTimeout().toMillis()));
        }
        c = client;
      }
    }
    return c;
  }
}
