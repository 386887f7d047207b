package nl.bluevitaal.modeling.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.ModelViolation.Code;
import nl.bluevitaal.journey.ModelViolation;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.web.FormState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The model contract as a page: a pasted model is checked against the running version, in Dutch, per element. */
@ApplicationTest
class ModelCheckPagesTest {

  private static final String PATH = "/modellen/controle";

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  JdbcClient jdbc;

  String owner;

  @BeforeEach
  void processOwner() {
    owner = fixtures.user("poc", Groups.PROCESS_OWNER);
  }

  @Test
  void theRunningJourneyKeepsTheContract() throws Exception {
    MvcResult result = paste(journey());

    List<ModelViolation> violations = attribute(result, "violations");
    assertThat(violations).isEmpty();
    assertThat(result.getResponse().getContentAsString()).containsOnlyOnce("Het model voldoet aan alle regels.");
  }

  @Test
  void aModelThatRunsArbitraryCodeIsRefusedWithTheElementNamed() throws Exception {
    String xml = journey().replace("${journeyCaseFile.enterPhase(caseId, &#39;INTAKE&#39;)}",
        "${execution.getProcessEngineServices().getRuntimeService()}")
        .replaceFirst("(?s)(<bpmn:userTask id=\"Task_Intake\".*?)<camunda:formField id=\"workConflict\"[^>]*/>", "$1");

    MvcResult result = paste(xml);

    List<ModelViolation> violations = attribute(result, "violations");
    // The running version has the intake's work-conflict field: the check compares against it.
    assertThat(violations).extracting(ModelViolation::code).containsExactlyInAnyOrder(Code.EXPRESSION_NOT_ALLOWED,
        Code.FORM_FIELD_REMOVED);
    String html = result.getResponse().getContentAsString();
    assertThat(html).contains("data-element=\"Task_Intake\"", "Intakegesprek voeren (Task_Intake) mist workConflict",
        "Intakegesprek voeren (Task_Intake) roept execution.getProcessEngineServices(…).getRuntimeService(…) aan");
  }

  @Test
  void aMissingOrWrongModelGetsItsMessageBesideTheFieldAndWhatWasPastedStays() throws Exception {
    MvcResult none = paste("  ");
    assertThat(((FormState) attribute(none, "form")).errors()).containsEntry("xml",
        "modeling.contract.paste.required");
    assertThat(none.getResponse().getContentAsString()).contains("Plak een model.");

    MvcResult wrong = paste("<notities>hallo</notities>");
    FormState form = attribute(wrong, "form");
    assertThat(form.errors()).containsEntry("xml", "modeling.contract.paste.type");
    assertThat(form.value("xml")).isEqualTo("<notities>hallo</notities>");
    assertThat(wrong.getResponse().getContentAsString()).contains("&lt;notities&gt;hallo&lt;/notities&gt;",
        "aria-invalid=\"true\"");
  }

  @Test
  void everyOtherRoleIsRefusedAndTheRefusalAudited() throws Exception {
    for (String group : List.of(Groups.EMPLOYEE, Groups.COUNSELLOR, Groups.MANAGEMENT)) {
      String someone = fixtures.user("nopoc", group);
      mvc.perform(get(PATH).with(as(someone, group))).andExpect(status().isForbidden());
      mvc.perform(post(PATH).param("xml", journey()).with(as(someone, group)).with(csrf()))
          .andExpect(status().isForbidden());

      assertThat(jdbc.sql("select count(*) from audit_event where actor_user_id = ? and action = 'REFUSED'")
          .param(someone).query(Long.class).single()).as(group).isEqualTo(2);
    }
  }

  private MvcResult paste(String xml) throws Exception {
    return mvc.perform(post(PATH).param("xml", xml).with(as(owner, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().isOk()).andExpect(view().name("modeling/contract")).andReturn();
  }

  private static String journey() throws Exception {
    try (InputStream in = ModelCheckPagesTest.class.getClassLoader()
        .getResourceAsStream("processes/ReintegrationJourney.bpmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
