package nl.bluevitaal.modeling.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import nl.bluevitaal.journey.CaseMigrations.MigrationPlanView;
import nl.bluevitaal.journey.CaseMigrations.MigrationRequest;
import nl.bluevitaal.journey.CaseMigrations.ProcessVersion;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.modeling.CaseMigrationDesk;
import nl.bluevitaal.modeling.MigrationAlreadyRunningException;
import nl.bluevitaal.modeling.MigrationRun;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.Forms;
import nl.bluevitaal.web.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Moving running cases ({@code /modellen/migratie}): choose a process and two versions, see the generated mapping and
 * map what is left, see the engine's validation, a dry run per case, then the run with a result per case
 * ({@code /modellen/migratie/uitvoeringen/{id}}), from where the failed ones are tried again and the way back is
 * offered. A dry run is a run of its own on the same page, from where the move is started. Process owners only.
 */
@Controller
class MigrationController {

  static final String PATH = "/modellen/migratie";
  static final String RUNS = PATH + "/uitvoeringen";
  private static final int LATEST_RUNS = 10;

  private final CaseMigrationDesk desk;
  private final CurrentActor currentActor;
  private final Forms forms;
  private final PeopleNames names;

  MigrationController(CaseMigrationDesk desk, CurrentActor currentActor, Forms forms, PeopleNames names) {
    this.desk = desk;
    this.currentActor = currentActor;
    this.forms = forms;
    this.names = names;
  }

  @GetMapping(PATH)
  String page(@Valid @ModelAttribute("migration") MigrationForm form, BindingResult result, Model model) {
    Actor actor = currentActor.get();
    show(actor, form, result, model);
    return "modeling/migration";
  }

  /**
   * "Opnieuw valideren": the mapping as chosen, shown again at its own address. A POST that redirects, not a GET
   * button of the move's form: that put the form's CSRF token in the address (and so in logs and history).
   */
  @PostMapping(PATH + "/koppeling")
  String validateAgain(@ModelAttribute("migration") MigrationForm form) {
    desk.ensureProcessOwner(currentActor.get(), "case migration plan");
    return "redirect:" + UriComponentsBuilder.fromPath(PATH)
        .queryParamIfPresent("proces", Optional.ofNullable(form.proces()))
        .queryParamIfPresent("van", Optional.ofNullable(form.van()))
        .queryParamIfPresent("naar", Optional.ofNullable(form.naar()))
        .queryParam("koppeling", form.koppeling().toArray()).encode().toUriString();
  }

  /**
   * Starts a dry run in the background and goes to its page, which follows it: at the national count of running
   * journeys it takes minutes.
   */
  @PostMapping(PATH + "/proefrun")
  String dryRun(@Valid @ModelAttribute("migration") MigrationForm form, BindingResult result, Model model,
      HttpServletResponse response) {
    return begin(form, result, model, response, desk::startDryRun);
  }

  @PostMapping(PATH + "/uitvoeren")
  String execute(@Valid @ModelAttribute("migration") MigrationForm form, BindingResult result, Model model,
      HttpServletResponse response) {
    return begin(form, result, model, response, desk::start);
  }

  /**
   * Starts a run (a move or a dry run) when the plan is valid and no run of the process is going on, and goes to its
   * page; else the page again, with the reason (409 when a run is going on, with a link to it).
   */
  private String begin(MigrationForm form, BindingResult result, Model model, HttpServletResponse response,
      BiFunction<Actor, MigrationRequest, MigrationRun> starter) {
    Actor actor = currentActor.get();
    MigrationPlanView plan = show(actor, form, result, model);
    if (plan == null || !plan.valid()) {
      if (plan != null) {
        model.addAttribute("form", ((FormState) model.getAttribute("form"))
            .withFormError("modeling.migration.error.planInvalid"));
      }
      return "modeling/migration";
    }
    try {
      MigrationRun run = starter.apply(actor, form.request());
      return "redirect:" + RUNS + "/" + run.id();
    } catch (MigrationAlreadyRunningException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("runningRun", e.runningRunId());
      model.addAttribute("form", ((FormState) model.getAttribute("form"))
          .withFormError("modeling.migration.error.running"));
      return "modeling/migration";
    }
  }

  @GetMapping(RUNS + "/{runId}")
  String run(@PathVariable String runId, Model model) {
    Actor actor = currentActor.get();
    MigrationRun run = desk.run(actor, Ids.parse(runId));
    model.addAttribute("run", run);
    model.addAttribute("startedBy", names.of(Stream.of(run.startedBy())).get(run.startedBy()));
    if (run.dryRun()) {
      // Where each case waits is case state: the page shows it as counts per step, and per case only its outcome.
      // A step by its name and id, as the mapping shows it: the name is what people see, the id what the model says.
      model.addAttribute("dryRunMoves", run.moves().stream()
          .map(c -> new Counted(new Grouped(label(c.from(), c.fromName()), c.to() == null ? null
              : label(c.to(), c.toName()), null, null), c.cases())).toList());
      model.addAttribute("dryRunProblems", run.problems().stream()
          .map(c -> new Counted(new Grouped(c.from(), c.to(), c.problem().name(), c.detail()), c.cases())).toList());
      model.addAttribute("same", MigrationForm.of(run.request()));
      return "modeling/migration-run";
    }
    model.addAttribute("runProblems", counted(run.results().stream().filter(r -> !r.succeeded())
        .map(r -> new Grouped(r.activityId(), null, r.problem().name(), r.detail())).toList()));
    model.addAttribute("back", MigrationForm.of(run.request().reversed()));
    if (run.hasFailures() || run.interrupted()) {
      model.addAttribute("plan", desk.plan(actor, run.request()));
    }
    return "modeling/migration-run";
  }

  /**
   * How far a running run is, for the page to poll (htmx, every few seconds); once it has ended, htmx is told to load
   * the whole page again, with the outcome per case.
   */
  @GetMapping(RUNS + "/{runId}/voortgang")
  String progress(@PathVariable String runId, Model model, HttpServletResponse response) {
    MigrationRun run = desk.run(currentActor.get(), Ids.parse(runId));
    if (!run.running()) {
      response.setHeader("HX-Refresh", "true");
    }
    model.addAttribute("run", run);
    return "modeling/migration-run :: progress";
  }

  /** Tries the run's failed instances again, with the mappings the page sends (completed since, perhaps). */
  @PostMapping(RUNS + "/{runId}/opnieuw")
  String retry(@PathVariable String runId, @ModelAttribute("migration") MigrationForm form,
      RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(runId);
    Map<String, String> mappings = form.koppeling().isEmpty() ? null : form.mappings();
    try {
      MigrationRun run = desk.retry(actor, id, mappings);
      return "redirect:" + RUNS + "/" + run.id();
    } catch (MigrationAlreadyRunningException e) {
      // Back to the run with the reason: the retry waits until the run going on has ended.
      redirect.addFlashAttribute("retryRefused", e.runningRunId() == null ? "" : e.runningRunId().toString());
      return "redirect:" + RUNS + "/" + id;
    }
  }

  /**
   * A move or a problem the page shows with the number of cases it concerns; {@code detail} is the engine's text of
   * the first of them.
   */
  record Grouped(String from, String to, String kind, String detail) {
  }

  /** A group and how many cases are in it. */
  record Counted(Grouped group, long cases) {
  }

  /** "Intakegesprek voeren (Task_Intake)", or the id alone for an activity without a name. */
  private static String label(String id, String name) {
    return name == null || name.isBlank() ? id : name + " (" + id + ")";
  }

  private static List<Counted> counted(List<Grouped> items) {
    Map<List<String>, Grouped> first = new LinkedHashMap<>();
    Map<List<String>, Long> counts = new LinkedHashMap<>();
    for (Grouped item : items) {
      List<String> key = Arrays.asList(item.kind(), item.from(), item.to());
      first.putIfAbsent(key, item);
      counts.merge(key, 1L, Long::sum);
    }
    return first.entrySet().stream().map(e -> new Counted(e.getValue(), counts.get(e.getKey()))).toList();
  }

  /**
   * Fills the page: the processes, the chosen process's versions, the latest runs and, when both versions are chosen
   * and valid, the plan. Returns the plan, or null when there is none to act on.
   */
  private MigrationPlanView show(Actor actor, MigrationForm form, BindingResult result, Model model) {
    List<String> processes = desk.processKeys(actor);
    String process = form.proces() == null || form.proces().isBlank() ? ReintegrationJourneyProcess.PROCESS_KEY
        : form.proces();
    if (!processes.contains(process)) {
      result.rejectValue("proces", "modeling.migration.error.process");
      process = ReintegrationJourneyProcess.PROCESS_KEY;
    }
    List<ProcessVersion> versions = desk.versions(actor, process);
    MigrationPlanView plan = null;
    if (form.complete() && !result.hasErrors()) {
      if (versions.stream().noneMatch(v -> v.version() == form.source())) {
        result.rejectValue("van", "modeling.migration.error.noVersion");
      }
      if (versions.stream().noneMatch(v -> v.version() == form.target())) {
        result.rejectValue("naar", "modeling.migration.error.noVersion");
      } else if (form.target() == form.source()) {
        result.rejectValue("naar", "modeling.migration.error.sameVersion");
      }
      if (!result.hasErrors()) {
        plan = desk.plan(actor, form.request());
      }
    }
    model.addAttribute("processes", processes);
    model.addAttribute("process", process);
    model.addAttribute("versions", versions);
    model.addAttribute("plan", plan);
    List<MigrationRun> latest = desk.latestRuns(actor, LATEST_RUNS);
    model.addAttribute("runs", latest);
    model.addAttribute("names", names.of(latest.stream().map(MigrationRun::startedBy)));
    model.addAttribute("form", forms.state(result, MigrationForm.FIELDS));
    return plan;
  }
}
