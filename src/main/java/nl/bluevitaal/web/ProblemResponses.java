package nl.bluevitaal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * An RFC 9457 problem written straight to the response, for what is refused before Spring MVC is reached (a filter,
 * Spring Security's firewall, the container's error page): the same shape as every other error of the API.
 */
final class ProblemResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemResponses() {
  }

  static Map<String, Object> problem(HttpStatus status, String detail, String instance) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    if (instance != null) {
      problem.put("instance", instance);
    }
    return problem;
  }

  static void write(HttpServletResponse response, HttpStatus status, String detail, String instance)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), problem(status, detail, instance));
  }
}
