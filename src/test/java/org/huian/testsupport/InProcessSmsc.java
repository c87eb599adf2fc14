package org.huian.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * A real SMSC in the test's JVM, built on jSMPP's server API and listening on the loopback
 * address only: it checks the bind's credentials, takes submit_sm (recording destination, coding,
 * flags and the decoded UCS2 text, long messages joined from their segments), answers with the
 * command_status a test queued or with a message id, and sends delivery receipts back on a
 * receiving session when the test says so.
 */
public final class InProcessSmsc implements ServerMessageReceiverListener, AutoCloseable {

  /** One submit_sm as it arrived. */
  public record Submit(String messageId, String destination, byte destTon, byte destNpi, String source, byte dataCoding,
      byte esmClass, byte registeredDelivery, byte[] shortMessage, byte[] payload, int reference, int total, int seq, String text) {

    public boolean udh() {
      return (esmClass & 0x40) != 0;
    }
  }

  /** A whole text at one destination: a short message, or the segments of one reference joined. */
  public record Received(String destination, String text, List<Submit> parts) {}

  public final List<Submit> submits = new CopyOnWriteArrayList<>();
  public final List<BindType> binds = new CopyOnWriteArrayList<>();
  public final Queue<Integer> nextStatuses = new ConcurrentLinkedQueue<>();
  private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong(0x3E8A00);
  private final String systemId;
  private final String password;
  private final SMPPServerSessionListener listener;
  private final int port;
  private final Thread acceptor;
  private volatile boolean open = true;

  public InProcessSmsc(String systemId, String password) throws IOException {
    this.systemId = systemId;
    this.password = password;
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.port = socket.getLocalPort();
    ServerConnectionFactory loopback = new ServerConnectionFactory() {
      @Override
      public ServerConnection listen(int p) {
        return new ServerSocketConnection(socket);
      }

      @Override
      public ServerConnection listen(int p, int timeout) throws IOException {
        socket.setSoTimeout(timeout);
        return new ServerSocketConnection(socket);
      }

      @Override
      public ServerConnection listen(int p, int timeout, int backlog) throws IOException {
        return listen(p, timeout);
      }
    };
    this.listener = new SMPPServerSessionListener(port, loopback);
    listener.setMessageReceiverListener(this);
    acceptor = new Thread(this::acceptLoop, "in-process-smsc");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return port;
  }

  private void acceptLoop() {
    while (open) {
      try {
        SMPPServerSession session = listener.accept();
        Thread binder = new Thread(() -> awaitBind(session), "in-process-smsc-bind");
        binder.setDaemon(true);
        binder.start();
      } catch (IOException e) {
        if (open) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  private void awaitBind(SMPPServerSession session) {
    try {
      BindRequest bind = session.waitForBind(5000);
      if (!systemId.equals(bind.getSystemId())) {
        bind.reject(SMPPConstant.STAT_ESME_RINVSYSID);
      } else if (!password.equals(bind.getPassword())) {
        bind.reject(SMPPConstant.STAT_ESME_RINVPASWD);
      } else {
        bind.accept("huian-test-smsc");
        binds.add(bind.getBindType());
        sessions.add(session);
      }
    } catch (Exception e) {
      // a client that never binds is left to time out
    }
  }

  @Override
  public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
    Integer status = nextStatuses.poll();
    if (status != null) {
      throw new ProcessRequestException("queued by the test", status);
    }
    String id = Long.toHexString(ids.incrementAndGet()).toUpperCase();
    byte[] sm = submitSm.getShortMessage() == null ? new byte[0] : submitSm.getShortMessage();
    OptionalParameter payloadTlv = submitSm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
    byte[] payload = payloadTlv instanceof OptionalParameter.OctetString o ? o.getValue() : null;
    int reference = 0;
    int total = 1;
    int seq = 1;
    byte[] body = payload != null ? payload : sm;
    if ((submitSm.getEsmClass() & 0x40) != 0) {
      int udhl = sm[0] & 0xFF;
      if (udhl >= 5 && sm[1] == 0x00 && sm[2] == 0x03) {
        reference = sm[3] & 0xFF;
        total = sm[4] & 0xFF;
        seq = sm[5] & 0xFF;
      }
      body = Arrays.copyOfRange(sm, udhl + 1, sm.length);
    }
    String text = submitSm.getDataCoding() == 0x08 ? new String(body, StandardCharsets.UTF_16BE) : new String(body, StandardCharsets.ISO_8859_1);
    submits.add(new Submit(id, submitSm.getDestAddress(), submitSm.getDestAddrTon(), submitSm.getDestAddrNpi(),
        submitSm.getSourceAddr(), submitSm.getDataCoding(), submitSm.getEsmClass(), submitSm.getRegisteredDelivery(),
        sm, payload, reference, total, seq, text));
    try {
      return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
    } catch (Exception e) {
      throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
    }
  }

  /** Every text received, short ones as they came and long ones joined from their segments. */
  public List<Received> received() {
    Map<String, List<Submit>> groups = new LinkedHashMap<>();
    List<Received> out = new ArrayList<>();
    for (Submit s : submits) {
      if (s.total() == 1) {
        out.add(new Received(s.destination(), s.text(), List.of(s)));
        continue;
      }
      String key = s.destination() + "/" + s.reference();
      List<Submit> parts = groups.computeIfAbsent(key, k -> new ArrayList<>());
      parts.removeIf(p -> p.seq() == s.seq()); // a segment sent again by a retry
      parts.add(s);
      if (parts.size() == s.total()) {
        parts.sort((a, b) -> Integer.compare(a.seq(), b.seq()));
        StringBuilder text = new StringBuilder();
        parts.forEach(p -> text.append(p.text()));
        out.add(new Received(s.destination(), text.toString(), List.copyOf(parts)));
        groups.remove(key);
      }
    }
    return out;
  }

  /**
   * Sends the delivery receipt of {@code messageId} on a receiving session, as the receipt text of
   * SMPP 3.4 Appendix B ({@code stat:DELIVRD …}); with {@code tlvs} also receipted_message_id and
   * message_state. {@code id} is the id the receipt names (some SMSCs write it in decimal).
   */
  public void receipt(String id, DeliveryReceiptState state, String error, boolean tlvs) throws Exception {
    SMPPServerSession session = sessions.stream()
        .filter(s -> s.getSessionState().isReceivable()).reduce((a, b) -> b)
        .orElseThrow(() -> new IllegalStateException("no receiving session bound"));
    DeliveryReceipt receipt = new DeliveryReceipt(id, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0,
        new Date(), new Date(), state, error, "");
    OptionalParameter[] extra = tlvs
        ? new OptionalParameter[] {new OptionalParameter.Receipted_message_id(id),
            new OptionalParameter.Message_state((byte) messageState(state))}
        : new OptionalParameter[0];
    session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, "13800000000",
        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "",
        new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
        (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
        receipt.toString().getBytes(StandardCharsets.US_ASCII), extra);
  }

  private static int messageState(DeliveryReceiptState state) {
    return switch (state) {
      case ENROUTE -> 1;
      case DELIVRD -> 2;
      case EXPIRED -> 3;
      case DELETED -> 4;
      case UNDELIV -> 5;
      case ACCEPTD -> 6;
      case UNKNOWN -> 7;
      case REJECTD -> 8;
    };
  }

  /** Drops every session, as an SMSC restart would. */
  public void dropSessions() {
    sessions.forEach(SMPPServerSession::close);
    sessions.clear();
  }

  public void reset() {
    submits.clear();
    nextStatuses.clear();
  }

  @Override
  public void close() throws IOException {
    open = false;
    dropSessions();
    listener.close();
  }

  // ------------------------------------------------------------------------- not offered

  @Override
  public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
    throw new ProcessRequestException("submit_multi not offered", SMPPConstant.STAT_ESME_RINVCMDID);
  }

  @Override
  public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
    throw new ProcessRequestException("query_sm not offered", SMPPConstant.STAT_ESME_RINVCMDID);
  }

  @Override
  public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
    throw new ProcessRequestException("replace_sm not offered", SMPPConstant.STAT_ESME_RINVCMDID);
  }

  @Override
  public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
    throw new ProcessRequestException("cancel_sm not offered", SMPPConstant.STAT_ESME_RINVCMDID);
  }

  @Override
  public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
    throw new ProcessRequestException("broadcast_sm not offered", SMPPConstant.STAT_ESME_RINVCMDID);
  }

  @Override
  public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
    throw new ProcessRequestException("cancel_broadcast_sm not offered", SMPPConstant.STAT_ESME_RINVCMDID);
  }

  @Override
  public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
      throws ProcessRequestException {
    throw new ProcessRequestException("query_broadcast_sm not offered", SMPPConstant.STAT_ESME_RINVCMDID);
  }

  @Override
  public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
    throw new ProcessRequestException("data_sm not offered", SMPPConstant.STAT_ESME_RINVCMDID);
  }
}
