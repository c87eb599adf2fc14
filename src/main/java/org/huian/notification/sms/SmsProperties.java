package org.huian.notification.sms;

import java.time.Duration;
import java.util.Map;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huian.notifications.sms.*}: the two SMS channels ({@code sms-aliyun}, {@code sms-smpp} in
 * {@code huian.notifications.channels}). Secrets are not here: the Aliyun AccessKey and the SMPP
 * password are read from the environment only (docs/sms.md).
 *
 * @param retryAfter pause before the first retry of a throttled or temporary failure, doubled with
 *     every further attempt (1 minute)
 * @param receiptTimeout a message with no delivery report after this is marked UNKNOWN (3 days;
 *     carriers retry a phone that is off for up to 48-72 hours)
 * @param aliyun Alibaba Cloud SMS
 * @param smpp an SMSC or gateway over SMPP 3.4
 */
@ConfigurationProperties("huian.notifications.sms")
public record SmsProperties(Duration retryAfter, Duration receiptTimeout, Aliyun aliyun, Smpp smpp) {

  public SmsProperties {
    retryAfter = retryAfter == null ? Duration.ofMinutes(1) : retryAfter;
    receiptTimeout = receiptTimeout == null ? Duration.ofDays(3) : receiptTimeout;
    aliyun = aliyun == null ? new Aliyun(null, null, null, null, null, null, null, null, null) : aliyun;
    smpp = smpp == null ? new Smpp(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null) : smpp;
  }

  /**
   * An approved Aliyun template and where each of its variables takes its value from.
   *
   * @param code the template code (模板 CODE, {@code SMS_…})
   * @param params template variable name → source: {@code caseNo}, {@code subject}, {@code body},
   *     {@code link} (the whole confirmation link in the message) or {@code token} (the link's
   *     last path segment, for templates that carry the fixed address in their text)
   */
  public record Template(String code, Map<String, String> params) {
    public Template {
      // in the configured order, so the TemplateParam JSON reads like the template
      params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }
  }

  /**
   * @param endpoint the API host (and port), {@code dysmsapi.aliyuncs.com}
   * @param protocol {@code HTTPS} (tests: {@code HTTP})
   * @param regionId {@code cn-hangzhou}
   * @param signName the approved signature (签名), shown as 【…】 before the text
   * @param template the template for every kind without one of its own
   * @param templates templates per notification kind ({@code AGREEMENT_LINK}, {@code CLOSED}, …)
   * @param statusPollInterval how often QuerySendDetails is asked about messages without an outcome
   * @param connectTimeout connect timeout of the API calls
   * @param readTimeout read timeout of the API calls
   */
  public record Aliyun(String endpoint, String protocol, String regionId, String signName, Template template,
      Map<String, Template> templates, Duration statusPollInterval, Duration connectTimeout, Duration readTimeout) {
    public Aliyun {
      endpoint = endpoint == null || endpoint.isBlank() ? "dysmsapi.aliyuncs.com" : endpoint;
      protocol = protocol == null || protocol.isBlank() ? "HTTPS" : protocol;
      regionId = regionId == null || regionId.isBlank() ? "cn-hangzhou" : regionId;
      templates = templates == null ? Map.of() : Map.copyOf(templates);
      statusPollInterval = statusPollInterval == null ? Duration.ofMinutes(1) : statusPollInterval;
      connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
      readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }

    Template templateFor(String kind) {
      return templates.getOrDefault(kind, template);
    }
  }

  /** How the ESME binds. A transmitter cannot receive receipts, so it binds a receiver beside it. */
  public enum BindMode {
    TRANSCEIVER,
    TRANSMITTER
  }

  /** How a text longer than one SMS (70 UCS2 characters) is sent. */
  public enum LongMessages {
    /** Segments of 67 characters with a concatenation header (UDH); every handset joins them. */
    UDH,
    /** One submit_sm with the whole text in the message_payload TLV; the SMSC must support it. */
    PAYLOAD
  }

  /**
   * @param host the SMSC's host
   * @param port the SMSC's port (2775)
   * @param bindMode TRANSCEIVER (default) or TRANSMITTER (plus a receiver session for receipts)
   * @param systemType system_type of the bind, as the carrier assigns it (often empty)
   * @param serviceType service_type of submit_sm (often empty)
   * @param sourceAddress the sender: the access number (接入号/服务代码) the carrier assigned
   * @param sourceTon TON of the sender (UNKNOWN)
   * @param sourceNpi NPI of the sender (UNKNOWN)
   * @param destinationTon TON of the resident's number (UNKNOWN: 11 digits as dialled at home)
   * @param destinationNpi NPI of the resident's number (ISDN)
   * @param destinationPrefix put before the 11 digits, e.g. {@code 86} with TON INTERNATIONAL
   * @param longMessages UDH (default) or PAYLOAD
   * @param signature put before every text, {@code 【汇安】} (carriers refuse unsigned texts)
   * @param enquireLink enquire_link interval that keeps the session open (30 s)
   * @param responseTimeout how long to wait for a bind or submit_sm response (10 s)
   * @param reconnectInterval how often a lost session is bound again (30 s)
   */
  public record Smpp(String host, Integer port, BindMode bindMode, String systemType, String serviceType,
      String sourceAddress, TypeOfNumber sourceTon, NumberingPlanIndicator sourceNpi, TypeOfNumber destinationTon,
      NumberingPlanIndicator destinationNpi, String destinationPrefix, LongMessages longMessages, String signature,
      Duration enquireLink, Duration responseTimeout, Duration reconnectInterval) {
    public Smpp {
      port = port == null ? 2775 : port;
      bindMode = bindMode == null ? BindMode.TRANSCEIVER : bindMode;
      systemType = systemType == null ? "" : systemType;
      serviceType = serviceType == null ? "" : serviceType;
      sourceAddress = sourceAddress == null ? "" : sourceAddress;
      sourceTon = sourceTon == null ? TypeOfNumber.UNKNOWN : sourceTon;
      sourceNpi = sourceNpi == null ? NumberingPlanIndicator.UNKNOWN : sourceNpi;
      destinationTon = destinationTon == null ? TypeOfNumber.UNKNOWN : destinationTon;
      destinationNpi = destinationNpi == null ? NumberingPlanIndicator.ISDN : destinationNpi;
      destinationPrefix = destinationPrefix == null ? "" : destinationPrefix;
      longMessages = longMessages == null ? LongMessages.UDH : longMessages;
      signature = signature == null ? "" : signature;
      enquireLink = enquireLink == null ? Duration.ofSeconds(30) : enquireLink;
      responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
      reconnectInterval = reconnectInterval == null ? Duration.ofSeconds(30) : reconnectInterval;
    }
  }
}
