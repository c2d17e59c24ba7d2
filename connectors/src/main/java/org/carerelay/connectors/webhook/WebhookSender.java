package org.carerelay.connectors.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/** POSTs signed JSON to a partner system's endpoint, with connect and response timeouts. */
public final class WebhookSender {

  /** The partner's endpoint did not take the notification. */
  public static final class WebhookException extends Exception {
    public WebhookException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final HttpClient client;
  private final Duration timeout;
  private final Clock clock;

  public WebhookSender(Duration connectTimeout, Duration timeout, Clock clock) {
    this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.timeout = timeout;
    this.clock = clock;
  }

  /** Sends {@code json} to {@code url}; any status but 2xx is a failure. */
  public void send(String url, String id, String json, String secret) throws WebhookException {
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
          .header("Content-Type", "application/json")
          .header(WebhookSignature.IDEMPOTENCY_HEADER, id)
          .header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
          .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, json))
          .POST(HttpRequest.BodyPublishers.ofString(json))
          .build();
    } catch (IllegalArgumentException e) {
      throw new WebhookException("Not a usable webhook address: " + url, e);
    }
    HttpResponse<Void> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new WebhookException("Webhook " + url + " did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebhookException("Interrupted while calling " + url, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new WebhookException("Webhook " + url + " answered " + response.statusCode(), null);
    }
  }
}
