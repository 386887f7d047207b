package nl.bluevitaal.casefile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;

/**
 * A fresh little world per test: unique users for every role around one case, and HTTP Basic calls to the API.
 * Every integration test shares one database, so nothing here is ever reused between tests.
 */
final class CaseFileWorld {

  static final String PASSWORD = "geheim-123";

  final String tag = UUID.randomUUID().toString().substring(0, 8);
  final String employee = "emp-" + tag;
  final String otherEmployee = "emp2-" + tag;
  final String counsellor = "couns-" + tag;
  final String careProfessional = "care-" + tag;
  final String doctor = "doc-" + tag;
  final String lineManager = "lm-" + tag;
  final String otherLineManager = "lm2-" + tag;
  final String management = "mgmt-" + tag;
  final String administrator = "admin-" + tag;
  final String buddy = "buddy-" + tag;
  final String employeeName = "Medewerker " + tag;
  final String otherEmployeeName = "Collega " + tag;

  private final int port;
  private final HttpClient client = HttpClient.newHttpClient();
  UUID caseId;
  UUID otherCaseId;
  /** A case counselled by the care professional (a counsellor with the care flag). */
  UUID careCaseId;

  CaseFileWorld(int port, Accounts accounts, CaseRegistry registry) {
    this.port = port;
    user(accounts, employee, Groups.EMPLOYEE);
    user(accounts, otherEmployee, Groups.EMPLOYEE);
    user(accounts, counsellor, Groups.COUNSELLOR);
    user(accounts, careProfessional, Groups.COUNSELLOR, "care-professional");
    user(accounts, doctor, Groups.COMPANY_DOCTOR);
    user(accounts, lineManager, Groups.LINE_MANAGER);
    user(accounts, otherLineManager, Groups.LINE_MANAGER);
    user(accounts, management, Groups.MANAGEMENT);
    user(accounts, administrator, Groups.ADMINISTRATOR);
    user(accounts, buddy, Groups.BUDDY);
    caseId = openCase(registry, employee, employeeName, "Team " + tag, lineManager, counsellor);
    otherCaseId = openCase(registry, otherEmployee, otherEmployeeName, "Team B " + tag, otherLineManager,
        counsellor);
    String careEmployee = "emp3-" + tag;
    user(accounts, careEmployee, Groups.EMPLOYEE);
    careCaseId = openCase(registry, careEmployee, "Derde " + tag, "Team " + tag, lineManager, careProfessional);
  }

  private UUID openCase(CaseRegistry registry, String userId, String name, String team, String manager,
      String caseCounsellor) {
    Employee e = registry.registerEmployee(new NewEmployee("P" + UUID.randomUUID().toString().substring(0, 12),
        name, userId, "Eenheid Rotterdam", team, manager));
    return registry.reportSick(new SickReport(e.id(), LocalDate.now().minusDays(20), caseCounsellor, doctor));
  }

  private static void user(Accounts accounts, String userId, String... groups) {
    accounts.ensureUser(userId, userId, "Test", null, PASSWORD, List.of(groups));
  }

  HttpResponse<String> get(String user, String path) {
    return send(user, "GET", path, null);
  }

  HttpResponse<String> post(String user, String path, String json) {
    return send(user, "POST", path, json);
  }

  HttpResponse<String> put(String user, String path, String json) {
    return send(user, "PUT", path, json);
  }

  HttpResponse<String> send(String user, String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String cases(UUID id) {
    return "/api/cases/" + id;
  }

  /** Every user of this world, for "who may see it" sweeps. */
  List<String> everyone() {
    return new ArrayList<>(List.of(employee, otherEmployee, counsellor, careProfessional, doctor, lineManager,
        otherLineManager, management, administrator, buddy));
  }

  static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
