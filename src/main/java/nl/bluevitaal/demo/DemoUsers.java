package nl.bluevitaal.demo;

import java.util.List;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import org.springframework.stereotype.Component;

/** The demo logins of the README, all with password {@code demo}. Names are invented. */
@Component
class DemoUsers {

  static final String PASSWORD = "demo";

  record DemoUser(String userId, String firstName, String lastName, String group) {
  }

  static final List<DemoUser> ALL = List.of(
      new DemoUser("anna", "Anna", "Zonnebloem", Groups.EMPLOYEE),
      new DemoUser("bram", "Bram", "Waterlelie", Groups.EMPLOYEE),
      new DemoUser("carla", "Carla", "Korenbloem", Groups.COUNSELLOR),
      new DemoUser("dirk", "Dirk", "Klaproos", Groups.COMPANY_DOCTOR),
      new DemoUser("eva", "Eva", "Lavendel", Groups.LINE_MANAGER),
      new DemoUser("frank", "Frank", "Distelvink", Groups.MANAGEMENT),
      new DemoUser("gerda", "Gerda", "Heidebloem", Groups.PROCESS_OWNER),
      // A second process owner: a model change deploys only when another process owner approves it (four eyes).
      new DemoUser("ilse", "Ilse", "Zwanebloem", Groups.PROCESS_OWNER),
      new DemoUser("hans", "Hans", "Boterbloem", Groups.BUDDY),
      new DemoUser("demo", "Demo", "Beheerder", Groups.ADMINISTRATOR));

  /**
   * The line managers of the demo caseload's other teams (DemoCaseload names them lm-&lt;team&gt;): they sign plans and
   * take escalations, so documents and the re-integration report name them.
   */
  static final List<DemoUser> OTHER_LINE_MANAGERS = List.of(
      new DemoUser("lm-zuid", "Ruud", "Zeepaard", Groups.LINE_MANAGER),
      new DemoUser("lm-haven", "Hanneke", "Meeuw", Groups.LINE_MANAGER),
      new DemoUser("lm-centrum", "Cor", "Merel", Groups.LINE_MANAGER),
      new DemoUser("lm-recherche", "Rachid", "Uil", Groups.LINE_MANAGER),
      new DemoUser("lm-verkeer", "Vera", "Kievit", Groups.LINE_MANAGER),
      new DemoUser("lm-water", "Wim", "Reiger", Groups.LINE_MANAGER));

  /**
   * The other counsellors of the demo caseload's unit: DemoCaseload shares its cases among them and carla, so the
   * insight pages have a caseload per counsellor to compare.
   */
  static final List<DemoUser> OTHER_COUNSELLORS = List.of(
      new DemoUser("mila", "Mila", "Ereprijs", Groups.COUNSELLOR),
      new DemoUser("ruben", "Ruben", "Zwaluw", Groups.COUNSELLOR),
      new DemoUser("noor", "Noor", "Klaverzuring", Groups.COUNSELLOR));

  private final Accounts accounts;

  DemoUsers(Accounts accounts) {
    this.accounts = accounts;
  }

  void ensureAll() {
    for (DemoUser user : java.util.stream.Stream.of(ALL, OTHER_LINE_MANAGERS, OTHER_COUNSELLORS)
        .flatMap(List::stream).toList()) {
      accounts.ensureUser(user.userId(), user.firstName(), user.lastName(),
          user.userId() + "@demo.bluevitaal.invalid", PASSWORD, List.of(user.group()));
    }
    ensureCounsellorLead();
  }

  /**
   * The counsellors' lead (teamleider begeleiding): a counsellor who also sees every counsellor's caseload figures and
   * work list in insight ({@code /inzicht/begeleiders}); the flag opens no case they do not counsel.
   */
  static final DemoUser COUNSELLOR_LEAD = new DemoUser("karin", "Karin", "Steltkluut", Groups.COUNSELLOR);

  private void ensureCounsellorLead() {
    accounts.ensureUser(COUNSELLOR_LEAD.userId(), COUNSELLOR_LEAD.firstName(), COUNSELLOR_LEAD.lastName(),
        COUNSELLOR_LEAD.userId() + "@demo.bluevitaal.invalid", PASSWORD,
        List.of(COUNSELLOR_LEAD.group(), Groups.COUNSELLOR_LEAD));
  }
}
