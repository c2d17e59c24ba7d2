package org.carerelay.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A caller of CareRelay over real HTTP, as a browser (cookies, form login, Camunda's XSRF header)
 * or as a program (HTTP basic). Redirects are not followed, so tests see them.
 */
public final class HttpCaller {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final String base;
  private final CookieManager cookies;
  private final HttpClient client;
  private String basicAuthorization;
  private boolean sendsXsrfHeader = true;

  private HttpCaller(int port) {
    this(port, new CookieManager());
  }

  private HttpCaller(int port, CookieManager cookies) {
    this.base = "http://localhost:" + port;
    this.cookies = cookies;
    this.client = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** A browser with no session yet. */
  public static HttpCaller browser(int port) {
    return new HttpCaller(port);
  }

  /** A program that sends HTTP basic credentials with every request. */
  public static HttpCaller basic(int port, String user, String password) {
    HttpCaller caller = new HttpCaller(port);
    caller.basicAuthorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return caller;
  }

  /** The same browser, with the same cookies (its session among them), at another port: another node. */
  public HttpCaller at(int port) {
    HttpCaller other = new HttpCaller(port, cookies);
    other.basicAuthorization = basicAuthorization;
    other.sendsXsrfHeader = sendsXsrfHeader;
    return other;
  }

  /** Fills in and submits CareRelay's login form; returns the response to the POST. */
  public HttpResponse<String> login(String user, String password) {
    HttpResponse<String> page = get("/login");
    Matcher csrf = CSRF_FIELD.matcher(page.body());
    if (!csrf.find()) {
      throw new IllegalStateException("The login page has no CSRF field:\n" + page.body());
    }
    return postForm("/login", Map.of("username", user, "password", password, "_csrf", csrf.group(1)));
  }

  /** Signs out with the form on CareRelay's start page, as a person does. */
  public HttpResponse<String> logout() {
    Matcher csrf = CSRF_FIELD.matcher(get("/").body());
    if (!csrf.find()) {
      throw new IllegalStateException("The start page has no sign-out form: is this caller signed in?");
    }
    return postForm("/logout", Map.of("_csrf", csrf.group(1)));
  }

  /**
   * From now on, requests as a forged cross-site request would make them: the browser still sends
   * the session cookie, but no page of CareRelay added Camunda's XSRF header.
   */
  public HttpCaller forgingCrossSiteRequests() {
    sendsXsrfHeader = false;
    return this;
  }

  /** Logs in and fails unless the login succeeded. */
  public HttpCaller loggedInAs(String user, String password) {
    HttpResponse<String> response = login(user, password);
    String location = response.headers().firstValue("Location").orElse("");
    if (response.statusCode() != 302 || location.contains("error")) {
      throw new IllegalStateException("Login as " + user + " failed: " + response.statusCode() + " " + location);
    }
    return this;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  /** A GET that accepts only this media type ({@code text/plain} for metrics, {@code text/csv} ...). */
  public HttpResponse<String> get(String path, String accept) {
    return send(request(path).setHeader("Accept", accept).GET());
  }

  public HttpResponse<String> postForm(String path, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> postJson(String path, String json) {
    return sendJson("POST", path, json);
  }

  /** A JSON POST that accepts only this media type ({@code application/hal+json}, as Tasklist asks). */
  public HttpResponse<String> postJson(String path, String json, String accept) {
    return send(request(path).header("Content-Type", "application/json").setHeader("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> putJson(String path, String json) {
    return sendJson("PUT", path, json);
  }

  public HttpResponse<String> sendJson(String method, String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json)));
  }

  /** The value of a cookie this caller holds, or null. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals(name)).map(HttpCookie::getValue).findFirst().orElse(null);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json, text/html;q=0.9");
    if (basicAuthorization != null) {
      builder.header("Authorization", basicAuthorization);
    }
    // Camunda's webapps send the XSRF-TOKEN cookie back as a header on every call that changes data.
    String xsrf = cookie("XSRF-TOKEN");
    if (xsrf != null && sendsXsrfHeader && path.startsWith("/camunda/")) {
      builder.header("X-XSRF-TOKEN", xsrf);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
