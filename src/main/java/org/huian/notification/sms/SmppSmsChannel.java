package org.huian.notification.sms;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.huian.notification.Notification;
import org.huian.notification.NotificationChannel;
import org.huian.notification.PermanentNotificationFailure;
import org.huian.notification.TemporaryNotificationFailure;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * SMS over SMPP 3.4 ({@code sms-smpp}) with jSMPP: one bound session per node (transceiver, or a
 * transmitter with a receiver beside it), kept open with enquire_link and bound again when lost.
 * Every message to a resident is a submit_sm in UCS2 with a delivery receipt requested; a text
 * longer than 70 characters goes as concatenated segments (UDH) or in one message_payload. The
 * SMSC's message ids go into the outbox row, and its deliver_sm receipts resolve them.
 *
 * <p>System id and password come from the environment only ({@code HUIAN_SMPP_SYSTEM_ID},
 * {@code HUIAN_SMPP_PASSWORD}).
 */
@Component
class SmppSmsChannel implements NotificationChannel, MessageReceiverListener {

  static final String NAME = "sms-smpp";

  /** command_status values that no retry changes: the number or the message itself is refused. */
  static final Set<Integer> PERMANENT = Set.of(SMPPConstant.STAT_ESME_RINVDSTADR, SMPPConstant.STAT_ESME_RINVDSTTON,
      SMPPConstant.STAT_ESME_RINVDSTNPI, SMPPConstant.STAT_ESME_RINVMSGLEN, SMPPConstant.STAT_ESME_RINVDCS,
      SMPPConstant.STAT_ESME_RINVESMCLASS, SMPPConstant.STAT_ESME_RINVSRCADR,
      SMPPConstant.STAT_ESME_RX_P_APPN);

  private static final Logger log = LoggerFactory.getLogger(SmppSmsChannel.class);
  private static final DataCoding UCS2 = new GeneralDataCoding(Alphabet.ALPHA_UCS2);
  private static final RegisteredDelivery RECEIPT = new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE);

  private final SmsProperties.Smpp config;
  private final java.time.Duration retryAfter;
  private final SmsDeliveries deliveries;
  private final boolean enabled;
  private final String systemId;
  private final String password;
  private final Object lock = new Object();
  private SMPPSession session;
  private SMPPSession receiver;

  SmppSmsChannel(SmsProperties properties, SmsDeliveries deliveries,
      @Value("${huian.notifications.channels:log}") Set<String> channels, Environment environment) {
    this.config = properties.smpp();
    this.retryAfter = properties.retryAfter();
    this.deliveries = deliveries;
    this.enabled = channels.contains(NAME);
    this.systemId = environment.getProperty("HUIAN_SMPP_SYSTEM_ID", "");
    this.password = environment.getProperty("HUIAN_SMPP_PASSWORD", "");
    if (enabled && (config.host() == null || config.host().isBlank())) {
      throw new IllegalStateException(NAME + " is enabled but huian.notifications.sms.smpp.host is not set");
    }
    if (enabled && systemId.isBlank()) {
      throw new IllegalStateException(NAME + " is enabled but HUIAN_SMPP_SYSTEM_ID is not set in the environment");
    }
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
    String destination = config.destinationPrefix() + SmsText.requireMobile(n);
    String text = config.signature() + n.body();
    String to = SmsText.masked(n.recipient());
    SMPPSession s = bound();
    try {
      if (text.length() <= SmsText.SINGLE_UCS2 || config.longMessages() == SmsProperties.LongMessages.PAYLOAD) {
        byte[] whole = text.getBytes(StandardCharsets.UTF_16BE);
        boolean payload = text.length() > SmsText.SINGLE_UCS2;
        String id = submit(s, destination, new ESMClass(), payload ? new byte[0] : whole,
            payload ? new OptionalParameter[] {new OptionalParameter.Message_payload(whole)} : new OptionalParameter[0]);
        deliveries.begin(n.id(), NAME);
        deliveries.submitted(n.id(), NAME, id, 1, 1);
        log.info("notification #{} [{}] to {} submitted over SMPP{} (message id {})", n.id(), n.kind(), to,
            payload ? " in message_payload" : "", id);
        return;
      }
      // the concatenation reference follows the row, so a retried message reuses it and handsets
      // can join a repeated segment with the rest instead of showing a broken text
      List<byte[]> segments = SmsText.ucs2Segments(text, (int) (n.id() & 0xFF));
      ESMClass udhi = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
      deliveries.begin(n.id(), NAME);
      for (int i = 0; i < segments.size(); i++) {
        String id = submit(s, destination, udhi, segments.get(i));
        deliveries.submitted(n.id(), NAME, id, i + 1, segments.size());
      }
      log.info("notification #{} [{}] to {} submitted over SMPP in {} segments", n.id(), n.kind(), to, segments.size());
    } catch (NegativeResponseException e) {
      int status = e.getCommandStatus();
      String reason = "SMSC refused submit_sm to " + to + ": command_status 0x" + Integer.toHexString(status) + " " + statusName(status);
      if (PERMANENT.contains(status)) {
        throw new PermanentNotificationFailure(reason, e);
      }
      throw new TemporaryNotificationFailure(reason, retryAfter, e);
    } catch (PDUException e) {
      throw new PermanentNotificationFailure("submit_sm to " + to + " could not be encoded: " + e.getMessage(), e);
    } catch (ResponseTimeoutException | InvalidResponseException e) {
      throw new TemporaryNotificationFailure("SMSC did not answer submit_sm to " + to + ": " + e.getMessage(), retryAfter, e);
    } catch (IOException e) {
      drop();
      throw new TemporaryNotificationFailure("SMPP session lost while sending to " + to + ": " + e.getMessage(), retryAfter, e);
    }
  }

  private String submit(SMPPSession s, String destination, ESMClass esm, byte[] message, OptionalParameter... tlvs)
      throws PDUException, ResponseTimeoutException, InvalidResponseException, NegativeResponseException, IOException {
    return s.submitShortMessage(config.serviceType(), config.sourceTon(), config.sourceNpi(), config.sourceAddress(),
        config.destinationTon(), config.destinationNpi(), destination, esm, (byte) 0, (byte) 1, null, null,
        RECEIPT, (byte) 0, UCS2, (byte) 0, message, tlvs).getMessageId();
  }

  static String statusName(int status) {
    return switch (status) {
      case SMPPConstant.STAT_ESME_RTHROTTLED -> "ESME_RTHROTTLED";
      case SMPPConstant.STAT_ESME_RMSGQFUL -> "ESME_RMSGQFUL";
      case SMPPConstant.STAT_ESME_RSYSERR -> "ESME_RSYSERR";
      case SMPPConstant.STAT_ESME_RSUBMITFAIL -> "ESME_RSUBMITFAIL";
      case SMPPConstant.STAT_ESME_RINVDSTADR -> "ESME_RINVDSTADR";
      case SMPPConstant.STAT_ESME_RINVDSTTON -> "ESME_RINVDSTTON";
      case SMPPConstant.STAT_ESME_RINVDSTNPI -> "ESME_RINVDSTNPI";
      case SMPPConstant.STAT_ESME_RINVMSGLEN -> "ESME_RINVMSGLEN";
      case SMPPConstant.STAT_ESME_RINVDCS -> "ESME_RINVDCS";
      case SMPPConstant.STAT_ESME_RX_T_APPN -> "ESME_RX_T_APPN";
      case SMPPConstant.STAT_ESME_RX_P_APPN -> "ESME_RX_P_APPN";
      default -> "";
    };
  }

  // ------------------------------------------------------------------------------- the session

  /** The bound session, binding it (and the receiver of a transmitter) first when needed. */
  private SMPPSession bound() {
    synchronized (lock) {
      try {
        if (session == null || !session.getSessionState().isBound()) {
          close(session);
          session = bind(config.bindMode() == SmsProperties.BindMode.TRANSMITTER ? BindType.BIND_TX : BindType.BIND_TRX);
        }
        if (config.bindMode() == SmsProperties.BindMode.TRANSMITTER && (receiver == null || !receiver.getSessionState().isBound())) {
          close(receiver);
          receiver = bind(BindType.BIND_RX);
        }
        return session;
      } catch (IOException e) {
        throw new TemporaryNotificationFailure("cannot bind to the SMSC " + config.host() + ":" + config.port() + ": "
            + e.getMessage(), retryAfter, e);
      }
    }
  }

  private SMPPSession bind(BindType type) throws IOException {
    int timeout = (int) config.responseTimeout().toMillis();
    SMPPSession s = new SMPPSession((host, port) -> {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress(host, port), timeout);
      return new SocketConnection(socket);
    });
    s.setEnquireLinkTimer((int) config.enquireLink().toMillis());
    s.setTransactionTimer(timeout);
    s.setMessageReceiverListener(this);
    s.connectAndBind(config.host(), config.port(), new BindParameter(type, systemId, password, config.systemType(),
        config.sourceTon(), config.sourceNpi(), null), timeout);
    log.info("SMPP session bound to {}:{} as {}", config.host(), config.port(), type);
    return s;
  }

  /** Keeps the session bound, so receipts arrive while nothing is being sent. */
  @Scheduled(fixedDelayString = "${huian.notifications.sms.smpp.reconnect-interval:PT30S}")
  public void keepBound() {
    if (!enabled) {
      return;
    }
    try {
      bound();
    } catch (TemporaryNotificationFailure e) {
      log.warn("{}", e.getMessage());
    }
  }

  private void drop() {
    synchronized (lock) {
      close(session);
      session = null;
    }
  }

  @PreDestroy
  void close() {
    synchronized (lock) {
      close(session);
      close(receiver);
      session = null;
      receiver = null;
    }
  }

  private static void close(SMPPSession s) {
    if (s != null) {
      try {
        s.unbindAndClose();
      } catch (RuntimeException e) {
        log.debug("closing SMPP session: {}", e.toString());
      }
    }
  }

  // ------------------------------------------------------------------------------- receipts

  /**
   * A deliver_sm: a delivery receipt resolves its message id in the outbox (the TLVs
   * receipted_message_id and message_state when present, else the receipt text of SMPP 3.4
   * Appendix B). A resident's reply (mobile-originated) is not taken in yet and only logged.
   */
  @Override
  public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
    if (!deliverSm.isSmscDeliveryReceipt()) {
      log.info("deliver_sm from {} that is not a delivery receipt: ignored", SmsText.masked(
          deliverSm.getSourceAddr() == null ? "" : deliverSm.getSourceAddr()));
      return;
    }
    String id = null;
    String status = null;
    String detail = null;
    OptionalParameter receipted = deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
    if (receipted instanceof OptionalParameter.COctetString c) {
      id = c.getValueAsString();
    }
    OptionalParameter state = deliverSm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE);
    if (state instanceof OptionalParameter.Byte b) {
      status = fromMessageState(b.getValue());
    }
    try {
      DeliveryReceipt r = deliverSm.getShortMessageAsDeliveryReceipt();
      id = id == null ? r.getId() : id;
      status = status == null && r.getFinalStatus() != null ? fromStat(r.getFinalStatus().name()) : status;
      detail = "stat:" + (r.getFinalStatus() == null ? "?" : r.getFinalStatus().name()) + " err:" + r.getError();
    } catch (InvalidDeliveryReceiptException e) {
      if (id == null || status == null) {
        log.warn("delivery receipt without a readable id or state: {}", e.getMessage());
        return;
      }
    }
    if (id == null || status == null) {
      log.warn("delivery receipt without id or state: ignored");
      return;
    }
    if (SmsDeliveries.SUBMITTED.equals(status)) {
      return; // ENROUTE, ACCEPTD: an intermediate notification, the final one follows
    }
    if (!deliveries.report(NAME, id, status, detail == null ? status : detail)) {
      log.info("delivery receipt for message id {} not (yet) known: kept for a while", id);
    }
  }

  /** SMPP 3.4 §5.2.28 message_state. */
  static String fromMessageState(byte state) {
    return switch (state) {
      case 2 -> SmsDeliveries.DELIVERED;
      case 3 -> SmsDeliveries.EXPIRED;
      case 4 -> SmsDeliveries.DELETED;
      case 5 -> SmsDeliveries.UNDELIVERED;
      case 7 -> SmsDeliveries.UNKNOWN;
      case 8 -> SmsDeliveries.REJECTED;
      default -> SmsDeliveries.SUBMITTED; // 1 ENROUTE, 6 ACCEPTED
    };
  }

  /** The {@code stat:} word of a receipt text. */
  static String fromStat(String stat) {
    return switch (stat) {
      case "DELIVRD" -> SmsDeliveries.DELIVERED;
      case "EXPIRED" -> SmsDeliveries.EXPIRED;
      case "DELETED" -> SmsDeliveries.DELETED;
      case "UNDELIV" -> SmsDeliveries.UNDELIVERED;
      case "REJECTD" -> SmsDeliveries.REJECTED;
      case "UNKNOWN" -> SmsDeliveries.UNKNOWN;
      default -> SmsDeliveries.SUBMITTED; // ENROUTE, ACCEPTD
    };
  }

  @Override
  public void onAcceptAlertNotification(AlertNotification alertNotification) {
    // no use for alert_notification
  }

  @Override
  public DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm dataSm, Session source) throws ProcessRequestException {
    throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
  }
}
