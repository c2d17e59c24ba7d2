package org.carerelay.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A partner system receives CareRelay's webhooks and checks their signatures. */
class WebhookSenderTests {

  private static final String SECRET = "shared-secret-of-the-partner";

  HttpServer receiver;
  final List<String> accepted = new CopyOnWriteArrayList<>();
  String url;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      boolean valid = WebhookSignature.verify(SECRET,
          exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER), body,
          exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), Instant.now(), Duration.ofMinutes(5));
      if (valid) {
        accepted.add(exchange.getRequestHeaders().getFirst(WebhookSignature.IDEMPOTENCY_HEADER) + " " + body);
      }
      exchange.sendResponseHeaders(valid ? 204 : 401, -1);
      exchange.close();
    });
    receiver.start();
    url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  @Test
  void aSignedNotificationIsAcceptedWithItsIdempotencyKey() throws Exception {
    sender().send(url, "n-7", "{\"caseReference\":\"CR-1\"}", SECRET);

    assertThat(accepted).containsExactly("n-7 {\"caseReference\":\"CR-1\"}");
  }

  @Test
  void aTamperedBodyIsRejectedAndTheSenderSeesTheFailure() {
    HttpServerTamper.enable(receiver);

    assertThatThrownBy(() -> sender().send(url, "n-8", "{\"caseReference\":\"CR-1\"}", SECRET))
        .isInstanceOf(WebhookSender.WebhookException.class).hasMessageContaining("401");
    assertThat(accepted).isEmpty();
  }

  @Test
  void aWrongSecretOrAnOldTimestampDoesNotVerify() {
    String body = "{\"a\":1}";
    String now = Long.toString(Instant.now().getEpochSecond());
    String old = Long.toString(Instant.now().minus(Duration.ofHours(1)).getEpochSecond());

    assertThat(WebhookSignature.verify(SECRET, now, body, WebhookSignature.sign("other", now, body), Instant.now(),
        Duration.ofMinutes(5))).isFalse();
    assertThat(WebhookSignature.verify(SECRET, old, body, WebhookSignature.sign(SECRET, old, body), Instant.now(),
        Duration.ofMinutes(5))).isFalse();
    assertThat(WebhookSignature.verify(SECRET, now, body, WebhookSignature.sign(SECRET, now, body), Instant.now(),
        Duration.ofMinutes(5))).isTrue();
  }

  @Test
  void anEndpointThatDoesNotAnswerTimesOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      WebhookSender impatient = new WebhookSender(Duration.ofMillis(500), Duration.ofMillis(300), Clock.systemUTC());

      assertThatThrownBy(() -> impatient.send("http://127.0.0.1:" + silent.getLocalPort() + "/hook", "n-9", "{}", SECRET))
          .isInstanceOf(WebhookSender.WebhookException.class);
    }
  }

  private static WebhookSender sender() {
    return new WebhookSender(Duration.ofSeconds(2), Duration.ofSeconds(5), Clock.systemUTC());
  }

  /** Makes the receiver see a body altered in transit. */
  private static final class HttpServerTamper {
    static void enable(HttpServer server) {
      server.removeContext("/hook");
      server.createContext("/hook", exchange -> {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
            .replace("CR-1", "CR-2");
        boolean valid = WebhookSignature.verify(SECRET,
            exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER), body,
            exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), Instant.now(),
            Duration.ofMinutes(5));
        exchange.sendResponseHeaders(valid ? 204 : 401, -1);
        exchange.close();
      });
    }
  }
}
