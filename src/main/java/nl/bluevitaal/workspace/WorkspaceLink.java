package nl.bluevitaal.workspace;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.bluevitaal.identity.Groups;

/**
 * The other applications the home page links to, and who sees each link. These mirror what the security
 * configuration and the engine authorizations allow: a link nobody may follow is not shown.
 */
enum WorkspaceLink {

  TASKLIST("/camunda/app/tasklist/", Set.of(Groups.COUNSELLOR, Groups.COMPANY_DOCTOR)),
  COCKPIT("/camunda/app/cockpit/", Set.of(Groups.PROCESS_OWNER)),
  ADMIN("/camunda/app/admin/", Set.of(Groups.ADMINISTRATOR)),
  API_DOCS("/api/docs", Set.copyOf(Groups.STAFF));

  private final String path;
  private final Set<String> openTo;

  WorkspaceLink(String path, Set<String> openTo) {
    this.path = path;
    this.openTo = openTo;
  }

  static List<WorkspaceLink> openTo(CurrentUser user) {
    return Arrays.stream(values()).filter(link -> user.hasAnyRole(link.openTo)).toList();
  }

  public String getPath() {
    return path;
  }

  /** Message key of the link text; {@code .description} added gives the line below it. */
  public String getMessageKey() {
    return "home.link." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
