package nl.bluevitaal.privacy.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.AuditEvent;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.privacy.SharingChange;
import nl.bluevitaal.privacy.SharingOption;
import nl.bluevitaal.privacy.SharingSettings;
import nl.bluevitaal.privacy.StaleSharingException;
import nl.bluevitaal.web.NotFoundException;
import nl.bluevitaal.web.PageSection;
import nl.bluevitaal.web.PageSections;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The employee's own-file pages under "Mijn traject": sharing one option or stopping it, and every event of "who
 * looked at my file" a page at a time. Both sections of the Mijn traject page itself are {@link OwnFileSections}'; a
 * sharing choice that cannot be saved shows that page again with the choice kept and the reason beside it.
 */
@Controller
class OwnFileController {

  static final String PAGE = "mijn-traject";
  /** Events of "who looked at my file" on one page. */
  static final int AUDIT_PER_PAGE = 50;

  /** One sharing choice: the option, yes or no, and the version of the settings the page showed. */
  record SharingForm(String optie, String delen, Integer versie) {

    Boolean granted() {
      return "ja".equals(delen) ? Boolean.TRUE : "nee".equals(delen) ? Boolean.FALSE : null;
    }
  }

  /** A sharing choice that came back: which option, what was chosen, and the message of the form. */
  record SharingState(String key, String typed, String fieldError, String formError) {
  }

  /** Which page of the events, and whether the employee's own visits are shown too ({@code eigen=ja}). */
  record AuditPage(Integer pagina, String eigen) {

    boolean withOwn() {
      return "ja".equals(eigen);
    }
  }

  private final OwnFile ownFile;
  private final SharingSettings sharing;
  private final CurrentActor currentActor;
  private final PageSections sections;

  OwnFileController(OwnFile ownFile, SharingSettings sharing, CurrentActor currentActor, PageSections sections) {
    this.ownFile = ownFile;
    this.sharing = sharing;
    this.currentActor = currentActor;
    this.sections = sections;
  }

  /** Shares or stops sharing one option; a stale version keeps the choice and says what happened. */
  @PostMapping("/mijn-traject/delen")
  String share(SharingForm form, BindingResult result, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID caseId = ownFile.caseOf(actor, "Mijn traject");
    SharingOption chosen = SharingOption.ALL.stream().filter(o -> OwnFile.key(o).equals(form.optie())).findFirst()
        .orElseThrow(() -> new NotFoundException("No such sharing option"));
    String key = OwnFile.key(chosen);
    String typed = form.delen() == null ? "" : form.delen();
    if (form.granted() == null) {
      return again(caseId, new SharingState(key, typed, "mine.sharing.error.choose", null),
          HttpStatus.UNPROCESSABLE_ENTITY, model, response);
    }
    Integer expected = result.hasErrors() ? null : form.versie();
    try {
      if (expected == null) {
        throw new StaleSharingException(sharing.get(actor, caseId), List.of());
      }
      sharing.update(actor, caseId, expected,
          List.of(new SharingChange(chosen.domain(), chosen.audience(), form.granted())));
    } catch (StaleSharingException e) {
      return again(caseId, new SharingState(key, typed, null, "mine.conflict.sharing"), HttpStatus.CONFLICT, model,
          response);
    }
    // The confirmation says in words what is now shared with whom, by name.
    redirect.addFlashAttribute("mineNotice", "mine.sharing.done." + key + "." + (form.granted() ? "on" : "off"));
    String name = ownFile.audienceNames(caseId).get(chosen.audience());
    if (name != null) {
      redirect.addFlashAttribute("mineNoticeArg", name);
    } else {
      redirect.addFlashAttribute("mineNoticeArgKey", "mine.sharing.nobody." + chosen.audience().name());
    }
    return "redirect:/mijn-traject#wie-ziet-wat";
  }

  /** Every event of "who looked at my file", newest first, a page at a time. */
  @GetMapping("/mijn-traject/wie-keek")
  String audit(AuditPage request, BindingResult result, Model model) {
    Actor actor = currentActor.get();
    UUID caseId = ownFile.caseOf(actor, "Mijn traject");
    List<AuditEvent> all = ownFile.auditNewestFirst(actor, caseId);
    boolean withOwn = request.withOwn();
    List<AuditEvent> events = withOwn ? all : all.stream().filter(e -> !OwnFile.own(actor, e)).toList();
    int pages = Math.max(1, (events.size() + AUDIT_PER_PAGE - 1) / AUDIT_PER_PAGE);
    // A page number that is not one names no page, like one past the last.
    int page = result.hasErrors() ? 0 : request.pagina() == null ? 1 : request.pagina();
    if (page < 1 || page > pages) {
      throw new NotFoundException("No such page");
    }
    int from = (page - 1) * AUDIT_PER_PAGE;
    List<AuditEvent> shown = events.subList(from, Math.min(events.size(), from + AUDIT_PER_PAGE));
    model.addAttribute("events", shown);
    model.addAttribute("names", ownFile.names(shown.stream().map(AuditEvent::actorUserId)));
    model.addAttribute("total", events.size());
    model.addAttribute("page", page);
    model.addAttribute("pages", pages);
    model.addAttribute("groups", page == 1 ? ownFile.othersGrouped(actor, all) : List.of());
    model.addAttribute("withOwn", withOwn);
    model.addAttribute("ownCount", all.size() - all.stream().filter(e -> !OwnFile.own(actor, e)).count());
    return "privacy/wie-keek";
  }

  private String again(UUID caseId, SharingState state, HttpStatus status, Model model,
      HttpServletResponse response) {
    response.setStatus(status.value());
    return sections.show(PAGE, new PageSection.Request(caseId, Map.of(OwnFileSections.SHARING_STATE, state)),
        model);
  }
}
