package org.carerelay.connectors.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook: HMAC-SHA256 with the partner's shared secret over
 * {@code <timestamp>.<body>}, sent as {@code X-CareRelay-Signature: sha256=<hex>} with the
 * timestamp (seconds since the epoch) in {@code X-CareRelay-Timestamp}. Receivers recompute it
 * and refuse a mismatch or an old timestamp.
 */
public final class WebhookSignature {

  public static final String SIGNATURE_HEADER = "X-CareRelay-Signature";
  public static final String TIMESTAMP_HEADER = "X-CareRelay-Timestamp";
  /** The notification's stable id: a receiver that saw it before can drop the repeat. */
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private WebhookSignature() {}

  public static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** Whether the signature matches and the timestamp is within {@code tolerance} of {@code now}. */
  public static boolean verify(String secret, String timestamp, String body, String signature, Instant now,
      Duration tolerance) {
    if (timestamp == null || signature == null) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return false;
    }
    if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
      return false;
    }
    return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
        signature.getBytes(StandardCharsets.UTF_8));
  }
}
