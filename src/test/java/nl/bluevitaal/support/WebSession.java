package nl.bluevitaal.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like HTTP session against a running BlueVitaal: cookies, CSRF token, form login. */
public final class WebSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final String baseUrl;
  private final HttpClient client;

  public WebSession(int port) {
    this.baseUrl = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
  }

  /** Logs in through the login form, as a person would; returns the response to the POST. */
  public HttpResponse<String> login(String user, String password) {
    String csrf = csrfToken(get("/login").body());
    String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
    return send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  public HttpResponse<String> getWithBasic(String path, String user, String password) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", basic(user, password))
        .header("Accept", "application/json").GET().build());
  }

  public HttpResponse<String> postJsonWithBasic(String path, String json, String user, String password) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", basic(user, password))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public static String csrfToken(String html) {
    Matcher matcher = CSRF.matcher(html);
    if (!matcher.find()) {
      throw new IllegalStateException("No CSRF token in page");
    }
    return matcher.group(1);
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
