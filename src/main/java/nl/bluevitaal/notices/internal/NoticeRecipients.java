package nl.bluevitaal.notices.internal;

import java.util.UUID;
import nl.bluevitaal.notices.Notice;
import nl.bluevitaal.privacy.CasePartiesLookup;
import org.springframework.stereotype.Component;

/**
 * Whether a notice is for the case's own employee, the one rule behind where it leads (their own pages, not the staff
 * case page they are refused) and whether it may be mailed (only with their consent).
 */
@Component
class NoticeRecipients {

  /** Where the employee's own notices lead when their sender names no page. */
  static final String OWN_PAGES = "/mijn-traject";

  private final CasePartiesLookup parties;

  NoticeRecipients(CasePartiesLookup parties) {
    this.parties = parties;
  }

  boolean isTheEmployee(Notice notice) {
    return parties.find(notice.caseId()).map(p -> notice.recipientUserId().equals(p.employeeUserId())).orElse(false);
  }

  /** Where a notice whose sender named no page leads its recipient. */
  String defaultLink(Notice notice) {
    return isTheEmployee(notice) ? OWN_PAGES : casePage(notice.caseId());
  }

  static String casePage(UUID caseId) {
    return "/dossiers/" + caseId;
  }
}
