package nl.bluevitaal.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Plain HTTP calls to the running application's API, signed in with HTTP Basic as an account of
 * {@link CaseFixtures} (its password unless another is given), asking for JSON.
 */
public final class Api {

  private final String base;
  private final HttpClient client = HttpClient.newHttpClient();

  public Api(int port) {
    this.base = "http://localhost:" + port;
  }

  public static String cases(UUID caseId) {
    return "/api/cases/" + caseId;
  }

  /** Text as a JSON string literal. */
  public static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  public HttpResponse<String> get(String user, String path) {
    return send(user, CaseFixtures.PASSWORD, "GET", path, null);
  }

  public HttpResponse<String> get(String user, String password, String path) {
    return send(user, password, "GET", path, null);
  }

  public HttpResponse<String> post(String user, String path, String json) {
    return send(user, CaseFixtures.PASSWORD, "POST", path, json);
  }

  public HttpResponse<String> put(String user, String path, String json) {
    return send(user, CaseFixtures.PASSWORD, "PUT", path, json);
  }

  public HttpResponse<String> delete(String user, String path) {
    return send(user, CaseFixtures.PASSWORD, "DELETE", path, null);
  }

  public HttpResponse<String> send(String user, String method, String path, String json) {
    return send(user, CaseFixtures.PASSWORD, method, path, json);
  }

  /** A multipart form, as the engine's deployment endpoint takes it: one part per entry, the value as a file. */
  public HttpResponse<String> postMultipart(String user, String path, Map<String, String> files) {
    String boundary = "bv" + UUID.randomUUID().toString().replace("-", "");
    StringBuilder body = new StringBuilder();
    files.forEach((name, content) -> body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append("\"; filename=\"").append(name)
        .append("\"\r\n\r\n").append(content).append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return send(user, CaseFixtures.PASSWORD, HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private HttpResponse<String> send(String user, String password, String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return send(user, password, request);
  }

  private HttpResponse<String> send(String user, String password, HttpRequest.Builder request) {
    String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    try {
      return client.send(request.header("Authorization", "Basic " + basic).header("Accept", "application/json")
          .build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
