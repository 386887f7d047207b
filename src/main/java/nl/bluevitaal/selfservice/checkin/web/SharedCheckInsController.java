package nl.bluevitaal.selfservice.checkin.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.journey.CheckInTriage.Level;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.selfservice.checkin.CheckIn;
import nl.bluevitaal.selfservice.checkin.CheckIns;
import nl.bluevitaal.web.Ids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The check-ins an employee shares with care, as the company doctor (or a care professional of the case) reads them
 * ({@code /dossiers/{id}/check-ins}), read only: the scores over time as a chart beside their table, the triage per
 * week, and the notes. Anyone else is refused by the access policy (403, or 404 for a case they may not know), and
 * the refusal is recorded where the error page answers it.
 */
@Controller
class SharedCheckInsController {

  static final String VIEW = "selfservice/checkin/shared";
  private static final DateTimeFormatter CHART_DATE = DateTimeFormatter.ofPattern("d-M-yyyy");

  /**
   * One calendar week (Monday to Sunday) with check-ins: how many, the least favourable outcome among them (one red
   * check-in makes a red week) and the lowest score.
   */
  record Week(int year, int number, LocalDate monday, int count, Level level, int lowest) {
  }

  private final CurrentActor currentActor;
  private final CheckIns checkIns;
  private final Caseload caseload;
  private final ZoneId zone;

  SharedCheckInsController(CurrentActor currentActor, CheckIns checkIns, Caseload caseload, Clock clock) {
    this.currentActor = currentActor;
    this.checkIns = checkIns;
    this.caseload = caseload;
    this.zone = clock.getZone();
  }

  @GetMapping("/dossiers/{caseId}/check-ins")
  String page(@PathVariable String caseId, Model model) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    // The check-ins first: a refusal comes before anything of the case is read.
    List<CheckIn> history = checkIns.history(actor, id);
    model.addAttribute("view", caseload.detail(actor, id).summary());
    model.addAttribute("checkIns", history);
    model.addAttribute("weeks", weeks(history));
    model.addAttribute("notes", history.stream().filter(c -> c.note() != null).toList());
    List<CheckIn> oldestFirst = new ArrayList<>(history);
    oldestFirst.sort(Comparator.comparing(CheckIn::takenAt));
    model.addAttribute("chartLabels", oldestFirst.stream()
        .map(c -> CHART_DATE.format(c.takenAt().atZoneSameInstant(zone))).collect(Collectors.joining("|")));
    model.addAttribute("chartValues", oldestFirst.stream().map(c -> String.valueOf(c.scorePercentage()))
        .collect(Collectors.joining(",")));
    return VIEW;
  }

  /** The weeks with check-ins, newest first. */
  private List<Week> weeks(List<CheckIn> newestFirst) {
    Map<LocalDate, List<CheckIn>> byWeek = new LinkedHashMap<>();
    for (CheckIn checkIn : newestFirst) {
      LocalDate monday = checkIn.takenAt().atZoneSameInstant(zone).toLocalDate()
          .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      byWeek.computeIfAbsent(monday, m -> new ArrayList<>()).add(checkIn);
    }
    return byWeek.entrySet().stream().map(e -> {
      List<CheckIn> week = e.getValue();
      Level level = week.stream().map(CheckIn::level).max(Comparator.naturalOrder()).orElseThrow();
      int lowest = week.stream().mapToInt(CheckIn::scorePercentage).min().orElseThrow();
      LocalDate monday = e.getKey();
      return new Week(monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), monday,
          week.size(), level, lowest);
    }).toList();
  }
}
