package nl.bluevitaal.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
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

/** One user talking to one node: a browser session for the pages, or HTTP Basic for the stateless APIs. */
public final class WebClient {

  // Thymeleaf writes the token as <input type="hidden" name="_csrf" value="..."/>; allow either attribute order.
  private static final Pattern CSRF = Pattern.compile(
      "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
  // Generous, but a hung node must fail the run rather than stall it.
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

  private final URI base;
  private final HttpClient client;
  private final String authorization;
  /** The session's cookies when the client is shared with other sessions (which then keeps none itself). */
  private final CookieManager ownCookies;

  private WebClient(URI base, HttpClient client, String authorization, CookieManager ownCookies) {
    this.base = base;
    this.client = client;
    this.authorization = authorization;
    this.ownCookies = ownCookies;
  }

  public static WebClient login(URI base, String user, String password) {
    return login(new WebClient(base, newClient(new CookieManager(null, CookiePolicy.ACCEPT_ALL)), null, null), user,
        password);
  }

  /**
   * A browser session of its own over a client shared by many sessions: thousands of people arriving need not each
   * hold an HTTP client with its own selector thread. Make the shared client with {@link #sharedClient()}.
   */
  public static WebClient login(URI base, HttpClient shared, String user, String password) {
    return login(new WebClient(base, shared, null, new CookieManager(null, CookiePolicy.ACCEPT_ALL)), user, password);
  }

  public static HttpClient sharedClient() {
    return newClient(null);
  }

  private static WebClient login(WebClient web, String user, String password) {
    HttpResponse<String> page = web.get("/login");
    if (page.statusCode() != 200) {
      throw new IllegalStateException("GET /login answered " + page.statusCode());
    }
    String token = csrf(page.body());
    HttpResponse<String> answer = web.post("/login", Map.of("username", user, "password", password, "_csrf", token));
    String location = answer.headers().firstValue("Location").orElse("");
    // Success goes to "/" (absolute or not); a wrong password to /login?error, a bad token to /login or a 403.
    if (answer.statusCode() != 302 || location.isEmpty() || URI.create(location).getPath().startsWith("/login")) {
      throw new IllegalStateException("Login of " + user + " failed: " + answer.statusCode() + " to " + location);
    }
    return web;
  }

  public static WebClient basic(URI base, String user, String password) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new WebClient(base, newClient(null), "Basic " + credentials, null);
  }

  /** The page's CSRF token, to send back with its form. */
  public static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("No _csrf token on the page");
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  /** The value of the page's hidden input with this name. */
  public static String hidden(String page, String name) {
    Matcher m = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*name=\"" + Pattern.quote(name)
        + "\"[^>]*value=\"([^\"]*)\"").matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("No hidden input " + name + " on the page");
    }
    return m.group(1);
  }

  /** A form sent as a browser sends it (fields in the given order); redirects are not followed. */
  public HttpResponse<String> post(String path, Map<String, String> fields) {
    String form = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** Redirects are not followed, so an expired or lost session shows as a 302 to /login instead of a login page. */
  public HttpResponse<String> get(String pathAndQuery) {
    return send(request(pathAndQuery).GET());
  }

  private static HttpClient newClient(CookieManager cookies) {
    // HTTP/1.1 as browsers speak to a plain-http Tomcat; the default HTTP/2 would add an h2c upgrade attempt.
    HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10));
    if (cookies != null) {
      builder.cookieHandler(cookies);
    }
    return builder.build();
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(REQUEST_TIMEOUT);
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      if (ownCookies == null) {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      }
      URI uri = request.build().uri();
      ownCookies.get(uri, Map.of()).forEach((name, values) -> values.forEach(v -> request.header(name, v)));
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      ownCookies.put(uri, response.headers().map());
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
