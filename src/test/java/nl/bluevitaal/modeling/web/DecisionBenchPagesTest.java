package nl.bluevitaal.modeling.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.DecisionBench;
import nl.bluevitaal.journey.DecisionBench.CaseResult;
import nl.bluevitaal.journey.DecisionBench.Rule;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.web.FormState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The decision test bench on the whole application: the stored cases, evaluating typed inputs, who may open it. */
@ApplicationTest
class DecisionBenchPagesTest {

  private static final String LADDER = "/modellen/beslissingen/EscalationLadder/testbank";

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  JdbcClient jdbc;

  String owner;

  @BeforeEach
  void processOwner() {
    owner = fixtures.user("po", Groups.PROCESS_OWNER);
  }

  @Test
  void showsTheStoredCasesOfTheDeployedDecisionPassed() throws Exception {
    MvcResult result = mvc.perform(get(LADDER).with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andExpect(view().name("modeling/bench")).andReturn();

    DecisionBench.Report report = attribute(result, "report");
    assertThat(report.passed()).isTrue();
    assertThat(report.results()).hasSize(18).allMatch(CaseResult::passed);
    DecisionBench.Table table = attribute(result, "table");
    assertThat(table.inputs()).extracting(DecisionBench.Column::name).containsExactly("milestone", "escalationRung");
    String html = result.getResponse().getContentAsString();
    assertThat(html).contains("Testbank: Escalatieladder bij termijnen", "Alle 18 testgevallen slagen.",
        "Rule_DoctorThenLineManager", "Trede (0 = waarschuwing vooraf)");
  }

  @Test
  void evaluatesTypedInputsAndShowsTheMatchedRule() throws Exception {
    MvcResult result = mvc.perform(post(LADDER).with(as(owner, Groups.PROCESS_OWNER)).with(csrf())
            .param("inputs[milestone]", "PROBLEM_ANALYSIS").param("inputs[escalationRung]", "2"))
        .andExpect(status().isOk()).andExpect(view().name("modeling/bench")).andReturn();

    DecisionBench.Evaluation evaluation = attribute(result, "evaluation");
    assertThat(evaluation.matched()).extracting(Rule::id).containsExactly("Rule_DoctorThenCounsellor");
    assertThat(evaluation.outputs()).singleElement().satisfies(row -> assertThat(row)
        .containsEntry("escalateTo", "COUNSELLOR").containsEntry("daysToNextRung", "5"));
    FormState form = attribute(result, "form");
    assertThat(form.value("inputs[escalationRung]")).isEqualTo("2");
    assertThat(result.getResponse().getContentAsString()).contains("Uitkomst", "Trede 2: de casemanager");
    assertThat(jdbc.sql("select what from audit_event where actor_user_id = ? and action = 'READ'").param(owner)
        .query(String.class).list()).as("which decision was tried, not with what")
        .containsExactly("modeling: evaluated decision EscalationLadder on the test bench");
  }

  @Test
  void aBadValueGetsItsDutchMessageBesideTheFieldAndWhatWasTypedStays() throws Exception {
    MvcResult result = mvc.perform(post(LADDER).with(as(owner, Groups.PROCESS_OWNER)).with(csrf())
            .param("inputs[milestone]", "VERZONNEN").param("inputs[escalationRung]", "twee"))
        .andExpect(status().isOk()).andExpect(view().name("modeling/bench")).andReturn();

    FormState form = attribute(result, "form");
    assertThat(form.errors()).containsEntry("inputs[escalationRung]", "modeling.bench.error.number")
        .containsEntry("inputs[milestone]", "modeling.bench.error.choose");
    assertThat((Object) attribute(result, "evaluation")).isNull();
    String html = result.getResponse().getContentAsString();
    assertThat(html).contains("Vul een getal in, zonder letters.", "Kies een van de waarden uit de lijst.",
        "value=\"twee\"", "aria-invalid=\"true\"", "Fout: Testbank: Escalatieladder bij termijnen");
  }

  @Test
  void anUnknownDecisionIsNotFound() throws Exception {
    mvc.perform(get("/modellen/beslissingen/Bestaatniet/testbank").with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/modellen/beslissingen/a.b/testbank").with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isNotFound());
  }

  @Test
  void everyOtherRoleIsRefusedAndTheRefusalAudited() throws Exception {
    for (String group : List.of(Groups.EMPLOYEE, Groups.COUNSELLOR, Groups.MANAGEMENT, Groups.COMPANY_DOCTOR,
        Groups.LINE_MANAGER)) {
      String someone = fixtures.user("nopo", group);
      mvc.perform(get(LADDER).with(as(someone, group))).andExpect(status().isForbidden());
      mvc.perform(post(LADDER).with(as(someone, group)).with(csrf()).param("inputs[milestone]", "PROBLEM_ANALYSIS")
          .param("inputs[escalationRung]", "1")).andExpect(status().isForbidden());

      assertThat(jdbc.sql("select count(*) from audit_event where actor_user_id = ? and action = 'REFUSED'")
          .param(someone).query(Long.class).single()).as(group).isEqualTo(2);
    }
  }
}
