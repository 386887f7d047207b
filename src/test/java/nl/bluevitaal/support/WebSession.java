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
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP session against a running BlueVitaal: cookies, CSRF token, form login. */
public final class WebSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  public WebSession(int port) {
    this.baseUrl = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** The value of a cookie the server set in this session, or null. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
  }

  /** Any request within the session, with extra headers as name-value pairs. */
  public HttpResponse<String> send(String method, String path, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  /** A form post within the session, with the page's CSRF token; fields as name-value pairs. */
  public HttpResponse<String> postForm(String path, String csrf, String... fields) {
    StringBuilder form = new StringBuilder("_csrf=").append(encode(csrf));
    for (int i = 0; i + 1 < fields.length; i += 2) {
      form.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
    }
    return send("POST", path, form.toString(), "Content-Type", "application/x-www-form-urlencoded");
  }

  /** A download within the session (a PDF), as bytes. */
  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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

  /** A page form as a browser posts it; {@code fields} holds the form's own {@code _csrf} token. */
  public HttpResponse<String> postForm(String path, Map<String, String> fields) {
    String form = fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  /**
   * Any request the helpers above do not shape (a method, body type or address no client should send), with this
   * session's cookies; the path is sent exactly as given, escapes and dot segments included.
   */
  public HttpResponse<String> request(String path, UnaryOperator<HttpRequest.Builder> shape) {
    return send(shape.apply(HttpRequest.newBuilder(URI.create(baseUrl + path))).build());
  }

  public static String basicAuthorization(String user, String password) {
    return basic(user, password);
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
