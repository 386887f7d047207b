package nl.bluevitaal.privacy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.Employee;
import nl.bluevitaal.casefile.NewEmployee;
import nl.bluevitaal.casefile.SickReport;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;

/**
 * A fresh case with its own people for the integration tests on the shared database: an employee, their line
 * manager, the case's counsellor and company doctor, plus outsiders in the same groups. Users get unique ids.
 */
final class CaseWithPeople {

  static final String PASSWORD = "pw-privacy";
  private static final AtomicInteger RUN = new AtomicInteger();

  final String employee;
  final String lineManager;
  final String counsellor;
  final String doctor;
  final String otherCounsellor;
  final String otherDoctor;
  final String administrator;
  final String processOwner;
  final Employee person;
  final UUID caseId;

  CaseWithPeople(Accounts accounts, CaseRegistry registry, String prefix) {
    int n = RUN.incrementAndGet();
    String tag = prefix + n + UUID.randomUUID().toString().substring(0, 4);
    employee = user(accounts, tag + "e", Groups.EMPLOYEE);
    lineManager = user(accounts, tag + "l", Groups.LINE_MANAGER);
    counsellor = user(accounts, tag + "c", Groups.COUNSELLOR);
    doctor = user(accounts, tag + "d", Groups.COMPANY_DOCTOR);
    otherCounsellor = user(accounts, tag + "oc", Groups.COUNSELLOR);
    otherDoctor = user(accounts, tag + "od", Groups.COMPANY_DOCTOR);
    administrator = user(accounts, tag + "a", Groups.ADMINISTRATOR);
    processOwner = user(accounts, tag + "p", Groups.PROCESS_OWNER);
    person = registry.registerEmployee(new NewEmployee(tag.toUpperCase(), "Privacy Persoon " + n, employee,
        "Eenheid Test", "Team " + tag, lineManager));
    caseId = registry.reportSick(new SickReport(person.id(), LocalDate.now().minusDays(3), counsellor, doctor));
  }

  static String user(Accounts accounts, String id, String... groups) {
    accounts.ensureUser(id, "Test", id, null, PASSWORD, List.of(groups));
    return id;
  }

  Actor actor(String userId, String... groups) {
    boolean care = Set.of(groups).contains(Roles.CARE_PROFESSIONAL) && Set.of(groups).contains(Groups.COUNSELLOR);
    return new Actor(userId, Set.of(groups), care);
  }

  /** Plain HTTP Basic calls against the running app. */
  static final class Http {

    private final String base;
    private final HttpClient client = HttpClient.newHttpClient();

    Http(int port) {
      this.base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path, String user) {
      return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), user);
    }

    HttpResponse<String> put(String path, String json, String user) {
      return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(json)), user);
    }

    HttpResponse<String> post(String path, String json, String user) {
      return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)), user);
    }

    HttpResponse<String> delete(String path, String user) {
      return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), user);
    }

    /** A multipart form, as the engine's deployment endpoint takes it: one part per entry, the value as a file. */
    HttpResponse<String> postMultipart(String path, java.util.Map<String, String> files, String user) {
      String boundary = "bv" + UUID.randomUUID().toString().replace("-", "");
      StringBuilder body = new StringBuilder();
      files.forEach((name, content) -> body.append("--").append(boundary).append("\r\n")
          .append("Content-Disposition: form-data; name=\"").append(name).append("\"; filename=\"").append(name)
          .append("\"\r\n\r\n").append(content).append("\r\n"));
      body.append("--").append(boundary).append("--\r\n");
      return send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofString(body.toString())), user);
    }

    HttpResponse<String> get(String path, String user, String password) {
      return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), user, password);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user) {
      return send(request, user, PASSWORD);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user, String password) {
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
}
