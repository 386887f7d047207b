package nl.bluevitaal.privacy.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.Audience;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.privacy.Sharing;
import nl.bluevitaal.privacy.SharingOption;
import nl.bluevitaal.privacy.SharingSetting;
import nl.bluevitaal.privacy.SharingSettings;
import nl.bluevitaal.web.PageSection.Section;
import nl.bluevitaal.web.PageSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What privacy adds to the employee's "Mijn traject": who sees which part of the file with the employee's own sharing
 * choices ({@code mijn-traject.sharing}), and the latest of who looked at it ({@code mijn-traject.audit}). The
 * fragments are in {@code templates/privacy/sections.html}.
 */
@Configuration(proxyBeanMethods = false)
class OwnFileSections {

  /** The request state a failed sharing choice comes back with. */
  static final String SHARING_STATE = "privacy.sharing";
  /** The domains the "who sees what" overview explains (G is aggregates, never one person's file). */
  static final List<Domain> DOMAINS = List.of(Domain.ADMINISTRATIVE, Domain.FUNCTIONAL, Domain.REINTEGRATION,
      Domain.MEDICAL, Domain.SELF_REPORTS, Domain.SUPPORT_NETWORK);

  /** One sharing option with the employee's choice and, after a failed save, what they chose in the form. */
  record SharingRow(String key, SharingSetting setting, Boolean typed, String fieldError, String formError) {

    public boolean shownAsShared() {
      return typed != null ? typed : setting.granted();
    }
  }

  @Bean
  PageSection ownSharing(SharingSettings sharing, OwnFile ownFile, CurrentActor currentActor) {
    return PageSection.of(OwnFileController.PAGE + ".sharing", 10, request -> {
      Actor actor = currentActor.get();
      Sharing settings = sharing.get(actor, request.caseId());
      OwnFileController.SharingState state = request.state().get(SHARING_STATE)
          instanceof OwnFileController.SharingState s ? s : null;
      List<SharingRow> rows = new ArrayList<>();
      for (SharingSetting setting : settings.settings()) {
        String key = OwnFile.key(new SharingOption(setting.domain(), setting.audience()));
        boolean bound = state != null && state.key().equals(key);
        String typed = bound ? state.typed() : "";
        rows.add(new SharingRow(key, setting,
            "ja".equals(typed) ? Boolean.TRUE : "nee".equals(typed) ? Boolean.FALSE : null,
            bound ? state.fieldError() : null, bound ? state.formError() : null));
      }
      return Optional.of(new Section("sharing", "privacy/sections :: sharing", Map.of("sharing", settings,
          "rows", rows, "domains", DOMAINS, "audiences", List.of(Audience.values()),
          "names", ownFile.audienceNames(request.caseId()))));
    });
  }

  @Bean
  PageSection ownAudit(OwnFile ownFile, CurrentActor currentActor) {
    return PageSection.of(OwnFileController.PAGE + ".audit", 20, request -> {
      Actor actor = currentActor.get();
      // Others first, grouped by person; the employee's own reads only when they ask (the "who looked" page).
      List<OwnFile.AuditGroup> groups = ownFile.othersGrouped(actor, request.caseId());
      return Optional.of(new Section("audit", "privacy/sections :: audit", Map.of(
          "groups", groups,
          "total", groups.stream().mapToInt(OwnFile.AuditGroup::count).sum(),
          "ownCount", ownFile.ownCount(actor, request.caseId()))));
    });
  }
}
