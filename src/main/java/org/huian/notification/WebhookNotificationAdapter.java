package org.huian.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A JSON POST to a configured URL for every notification to a unit, the way enterprise chat tools
 * take group-robot messages ({@code huian.notifications.webhook.url}). Messages to residents are
 * not forwarded: their personal links must not reach a group chat. A non-2xx answer fails the
 * row, which the relay retries.
 */
@Component
class WebhookNotificationAdapter implements NotificationChannel {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json;
  private final String url;

  WebhookNotificationAdapter(ObjectMapper json, @Value("${huian.notifications.webhook.url:}") String url) {
    this.json = json;
    this.url = url;
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public boolean accepts(Notification n) {
    return !n.recipient().startsWith("sms:");
  }

  @Override
  public void send(Notification n) {
    if (url.isBlank()) {
      throw new IllegalStateException("webhook channel enabled but huian.notifications.webhook.url is not set");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("msgtype", "text");
    body.put("event", n.kind());
    body.put("caseNo", n.caseNo());
    body.put("unit", n.recipient());
    body.put("title", n.subject());
    body.put("text", Map.of("content", "【汇安】" + n.subject() + "\n" + NotificationOutbox.redactLinks(n.body())));
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json; charset=utf-8")
              .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new IllegalStateException("webhook answered " + r.statusCode());
      }
    } catch (IOException e) {
      throw new IllegalStateException("webhook unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
