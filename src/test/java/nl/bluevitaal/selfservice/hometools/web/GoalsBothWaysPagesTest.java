package nl.bluevitaal.selfservice.hometools.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.Goal;
import nl.bluevitaal.casefile.GoalComment;
import nl.bluevitaal.casefile.Goals;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.CaseAccessDeniedException;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.web.FormState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Goals both ways: the employee proposes a goal, updates its progress and comments on their goals page; the
 * counsellor sees the proposal on the case page, agrees it with a date and comments back; each sees the other's
 * comments with name and date. Goals and their comments are domain C: the line manager reads the goals, writes
 * nothing, and does not read the comments (free text, like conversation notes).
 */
@ApplicationTest
class GoalsBothWaysPagesTest {

  private static final String GOALS = "/mijn-traject/doelen";

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  Goals goals;

  CaseFixtures.People people;

  @BeforeEach
  void aCase() {
    people = fixtures.people("gb");
  }

  @Test
  void aProposalComesBackWithDutchMessagesAndWhatWasTyped() throws Exception {
    MvcResult blank = mvc.perform(post(GOALS).with(csrf()).with(asEmployee()).param("titel", " ")
            .param("succes", "Twee ochtenden"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(view().name(MyGoalsController.VIEW))
        .andExpect(content().string(containsString("Vul dit in.")))
        .andReturn();
    FormState form = attr(blank, "form");
    assertThat(form.errors()).containsOnlyKeys("titel");
    assertThat(form.value("succes")).isEqualTo("Twee ochtenden");

    MvcResult notADate = mvc.perform(post(GOALS).with(csrf()).with(asEmployee()).param("titel", "Lezen")
            .param("streefdatum", "morgen"))
        .andExpect(status().isUnprocessableEntity())
        .andReturn();
    FormState dated = attr(notADate, "form");
    assertThat(dated.errors()).containsOnlyKeys("streefdatum");
    assertThat(dated.value("titel")).isEqualTo("Lezen");
    assertThat(dated.value("streefdatum")).isEqualTo("morgen");

    mvc.perform(post(GOALS).with(csrf()).with(asEmployee()).param("titel", "t".repeat(Goal.MAX_PROPOSED_TITLE + 1)))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(containsString("Dit is te lang: hoogstens 120 tekens.")));
    assertThat(goals.list(people.asEmployee(), people.caseId())).isEmpty();
  }

  @Test
  void theEmployeeProposesTheCounsellorAgreesAndBothComment() throws Exception {
    LocalDate target = LocalDate.now().plusWeeks(6);
    mvc.perform(post(GOALS).with(csrf()).with(asEmployee()).param("titel", "Een ochtend naar het bureau")
            .param("succes", "Vier weken elke dinsdag").param("streefdatum", target.toString()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("toolsNotice", "tools.goals.proposed"));
    Goal proposed = goals.list(people.asEmployee(), people.caseId()).get(0);
    assertThat(proposed.status()).isEqualTo(Goal.Status.PROPOSED);
    assertThat(proposed.success()).isEqualTo("Vier weken elke dinsdag");
    assertThat(proposed.targetDate()).isEqualTo(target);
    assertThat(proposed.createdBy()).isEqualTo(people.employee());

    mvc.perform(post(GOALS + "/" + proposed.id() + "/reactie").with(csrf()).with(asEmployee())
            .param("reactie", "Graag op dinsdag, dan is het rustig."))
        .andExpect(status().is3xxRedirection());

    // The counsellor sees the proposal on the case page and opens it.
    mvc.perform(get("/dossiers/" + people.caseId()).with(asCounsellor()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("voorgesteld door de medewerker")));
    MvcResult form = mvc.perform(get("/dossiers/" + people.caseId() + "/doelen/" + proposed.id())
            .with(asCounsellor()))
        .andExpect(status().isOk())
        .andExpect(view().name("casefile/goal-form"))
        .andExpect(content().string(containsString("Vier weken elke dinsdag")))
        .andReturn();
    List<GoalComment> comments = attr(form, "comments");
    assertThat(comments).singleElement().satisfies(c -> {
      assertThat(c.byEmployee()).isTrue();
      assertThat(c.authorName()).startsWith(people.employee());
      assertThat(c.text()).isEqualTo("Graag op dinsdag, dan is het rustig.");
    });

    // Agreeing it needs the day it was agreed.
    MvcResult noDate = mvc.perform(agree(proposed, null)).andExpect(status().isUnprocessableEntity()).andReturn();
    assertThat(this.<FormState>attr(noDate, "form").errors()).containsEntry("afgesproken",
        "goals.error.agreed-date");
    mvc.perform(agree(proposed, LocalDate.now())).andExpect(status().is3xxRedirection());
    Goal agreed = goals.list(people.asCounsellor(), people.caseId()).get(0);
    assertThat(agreed.status()).isEqualTo(Goal.Status.OPEN);
    assertThat(agreed.agreedWithEmployeeOn()).isEqualTo(LocalDate.now());

    mvc.perform(post("/dossiers/" + people.caseId() + "/doelen/" + proposed.id() + "/reactie").with(csrf())
            .with(asCounsellor()).param("reactie", ""))
        .andExpect(status().isUnprocessableEntity());
    mvc.perform(post("/dossiers/" + people.caseId() + "/doelen/" + proposed.id() + "/reactie").with(csrf())
            .with(asCounsellor()).param("reactie", "Prima, we beginnen volgende week."))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("goalNotice", "goals.comment.saved"));

    MvcResult mine = mvc.perform(get(GOALS).with(asEmployee()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Afgesproken. Je werkt eraan.")))
        .andReturn();
    Map<UUID, List<GoalComment>> both = attr(mine, "comments");
    assertThat(both.get(proposed.id())).extracting(GoalComment::author)
        .containsExactly(people.employee(), people.counsellor());
  }

  @Test
  void theEmployeeUpdatesProgressInStepsAndAStaleUpdateIsAConflict() throws Exception {
    Goal goal = goals.propose(people.asEmployee(), people.caseId(), "Korte wandeling per dag", null, null);
    mvc.perform(progress(goal, "50", goal.version())).andExpect(status().is3xxRedirection());
    assertThat(goals.list(people.asEmployee(), people.caseId()).get(0).progress()).isEqualTo(50);

    MvcResult between = mvc.perform(progress(goal, "40", goal.version() + 1))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(containsString("Kies hoe ver je bent.")))
        .andReturn();
    assertThat(this.<UUID>attr(between, "formTarget")).isEqualTo(goal.id());

    mvc.perform(progress(goal, "75", goal.version()))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("Dit doel is intussen veranderd")));
    assertThat(goals.list(people.asEmployee(), people.caseId()).get(0).progress()).isEqualTo(50);
  }

  @Test
  void anUpdateThatDoesNotNameTheTargetDateKeepsIt() {
    LocalDate target = LocalDate.now().plusWeeks(4);
    Goal withDate = goals.propose(people.asEmployee(), people.caseId(), "Met datum", null, target);
    Goal withoutDate = goals.propose(people.asEmployee(), people.caseId(), "Zonder datum", null, null);
    for (Goal goal : List.of(withDate, withoutDate)) {
      Goal updated = goals.update(people.asCounsellor(), people.caseId(), goal.id(), goal.version(), goal.title(),
          null, 10, Goal.Status.OPEN, LocalDate.now());
      assertThat(updated.targetDate()).isEqualTo(goal.targetDate());
      assertThat(updated.status()).isEqualTo(Goal.Status.OPEN);
    }
  }

  @Test
  void theLineManagerReadsGoalsButNotTheCommentsAndOnlyTheEmployeeProposes() {
    Goal goal = goals.propose(people.asEmployee(), people.caseId(), "Korte wandeling per dag", null, null);
    goals.comment(people.asEmployee(), people.caseId(), goal.id(), "Gaat goed");
    assertThat(goals.list(people.asLineManager(), people.caseId())).extracting(Goal::id).containsExactly(goal.id());
    assertThatThrownBy(() -> goals.comments(people.asLineManager(), people.caseId()))
        .isInstanceOf(CaseAccessDeniedException.class);
    assertThat(goals.comments(people.asDoctor(), people.caseId()).get(goal.id())).hasSize(1);
    assertThatThrownBy(() -> goals.comment(people.asLineManager(), people.caseId(), goal.id(), "Mooi"))
        .isInstanceOf(CaseAccessDeniedException.class);
    assertThatThrownBy(() -> goals.propose(people.asLineManager(), people.caseId(), "Iets", null, null))
        .isInstanceOf(CaseAccessDeniedException.class);
    assertThatThrownBy(() -> goals.propose(people.asCounsellor(), people.caseId(), "Iets", null, null))
        .isInstanceOf(CaseAccessDeniedException.class);
    assertThatThrownBy(() -> goals.updateProgress(people.asCounsellor(), people.caseId(), goal.id(), 1, 50))
        .isInstanceOf(CaseAccessDeniedException.class);
    assertThatThrownBy(() -> goals.propose(CaseFixtures.actor(people.otherEmployee(), Groups.EMPLOYEE),
        people.caseId(), "Iets", null, null)).isInstanceOf(CaseAccessDeniedException.class);
    assertThatThrownBy(() -> goals.list(CaseFixtures.actor(people.buddy(), Groups.BUDDY), people.caseId()))
        .isInstanceOf(CaseAccessDeniedException.class);
  }

  private MockHttpServletRequestBuilder agree(Goal goal,
      LocalDate on) {
    MockHttpServletRequestBuilder request = post("/dossiers/" + people.caseId() + "/doelen/" + goal.id())
        .with(csrf()).with(asCounsellor())
        .param("titel", goal.title()).param("voortgang", "0").param("status", "OPEN")
        .param("streefdatum", goal.targetDate() == null ? "" : goal.targetDate().toString())
        .param("versie", String.valueOf(goals.list(people.asCounsellor(), people.caseId()).get(0).version()));
    return on == null ? request : request.param("afgesproken", on.toString());
  }

  private MockHttpServletRequestBuilder progress(Goal goal, String pct,
      int version) {
    return post(GOALS + "/" + goal.id() + "/voortgang").with(csrf()).with(asEmployee()).param("voortgang", pct)
        .param("versie", String.valueOf(version));
  }

  private RequestPostProcessor asEmployee() {
    return as(people.employee(), Groups.EMPLOYEE);
  }

  private RequestPostProcessor asCounsellor() {
    return as(people.counsellor(), Groups.COUNSELLOR);
  }

  private <T> T attr(MvcResult result, String name) {
    return attribute(result, name);
  }
}
