package nl.bluevitaal.modeling;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.JourneyModels;
import nl.bluevitaal.journey.ModelChanges;
import nl.bluevitaal.journey.ModelDryRun;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.web.FormState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The dry-run page of a process: a process owner uploads a draft and sees what it changes and how every path runs;
 * a file that is no model of the process is a message beside the field; anyone else is refused, and the refusal is
 * recorded.
 */
@ApplicationTest
class DryRunPageTest {

  static final String PAGE = "/modellen/processen/ReintegrationJourney/proefrit";

  @Autowired MockMvc mvc;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired JourneyModels models;

  static MockMultipartFile file(String content) {
    return new MockMultipartFile("model", "ReintegrationJourney.bpmn", "application/xml",
        content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theProcessOwnerGetsTheUploadForm() throws Exception {
    String owner = fixtures.user("po", Groups.PROCESS_OWNER);

    mvc.perform(get(PAGE).with(as(owner, Groups.PROCESS_OWNER))).andExpect(status().isOk())
        .andExpect(view().name("modeling/dryrun"))
        .andExpect(content().string(containsString("Proefrit: Re-integratietraject")))
        .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));
  }

  @Test
  void aDraftWithARenamedTaskShowsTheRenameAndEveryPathReachingItsEnd() throws Exception {
    String owner = fixtures.user("po", Groups.PROCESS_OWNER);
    String draft = Files.readString(Path.of("processes/ReintegrationJourney.bpmn"))
        .replace("name=\"Intakegesprek voeren\"", "name=\"Kennismakingsgesprek voeren\"");

    MvcResult result = mvc.perform(multipart(PAGE).file(file(draft)).with(csrf())
            .with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andExpect(view().name("modeling/dryrun"))
        .andExpect(content().string(containsString("Kennismakingsgesprek voeren")))
        .andExpect(content().string(containsString("Elk pad bereikt zijn einde.")))
        .andReturn();

    ModelChanges.Comparison comparison = attribute(result, "comparison");
    assertThat(comparison.changes()).singleElement().satisfies(change -> {
      assertThat(change.kind()).isEqualTo(ModelChanges.Kind.RENAMED);
      assertThat(change.elementId()).isEqualTo("Task_Intake");
      assertThat(change.before()).isEqualTo("Intakegesprek voeren");
    });
    ModelDryRun.Report report = attribute(result, "report");
    assertThat(report.paths()).hasSize(7).allSatisfy(p -> assertThat(p.outcome())
        .isEqualTo(ModelDryRun.Outcome.REACHED_END));
    assertThat(result.getResponse().getContentAsString()).contains("data-outcome=\"REACHED_END\"")
        .doesNotContain("data-outcome=\"FAILED\"");
    assertThat(jdbc.sql("select what from audit_event where actor_user_id = ? and action = 'READ'").param(owner)
        .query(String.class).list()).as("who tried which draft stays traceable")
        .containsExactly("modeling: dry run of a draft of ReintegrationJourney");
  }

  /**
   * A draft of the workbench runs from its own page ("Proefrit met dit concept"), and the model contract comes first:
   * a draft whose expression reaches for the engine is shown the broken rule, on its element, and is never run.
   */
  @Test
  void aWorkbenchDraftRunsFromItsIdAndOneThatBreaksTheContractIsNeverRun() throws Exception {
    String owner = fixtures.user("po", Groups.PROCESS_OWNER);
    int latest = models.model("MilestoneWatch").orElseThrow().latest().version();
    MvcResult made = mvc.perform(post("/modellen/MilestoneWatch/versies/" + latest + "/concept")
            .with(as(owner, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().is3xxRedirection()).andReturn();
    String draftId = made.getResponse().getRedirectedUrl().replace("/modellen/concepten/", "");
    mvc.perform(get("/modellen/concepten/" + draftId).with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(content().string(containsString("Proefrit met dit concept")));

    String watchPage = "/modellen/processen/MilestoneWatch/proefrit";
    MvcResult clean = mvc.perform(post(watchPage + "/concept").param("concept", draftId).with(csrf())
            .with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andExpect(view().name("modeling/dryrun"))
        .andExpect(content().string(containsString("Concept, revisie 1.")))
        .andExpect(content().string(containsString("data-contract=\"kept\"")))
        .andReturn();
    assertThat((Object) attribute(clean, "report")).isNotNull();

    String xml = Files.readString(Path.of("processes/MilestoneWatch.bpmn")).replace(
        "camunda:expression=\"${journeyWatches.warn(execution, 1)}\"",
        "camunda:expression=\"${execution.getProcessEngineServices().getRuntimeService()}\"");
    mvc.perform(post("/modellen/concepten/" + draftId + "/bestand").with(as(owner, Groups.PROCESS_OWNER))
            .with(csrf()).param("xml", xml).param("revisie", "1"))
        .andExpect(status().is3xxRedirection());
    MvcResult broken = mvc.perform(post(watchPage + "/concept").param("concept", draftId).with(csrf())
            .with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-element=\"Task_SendFirstWarning\"")))
        .andReturn();
    assertThat(broken.getModelAndView().getModel()).doesNotContainKey("report");
  }

  @Test
  void noFileOrAFileThatIsNoModelOfTheProcessIsAMessageBesideTheField() throws Exception {
    String owner = fixtures.user("po", Groups.PROCESS_OWNER);
    String watch = Files.readString(Path.of("processes/MilestoneWatch.bpmn"));

    MvcResult empty = mvc.perform(multipart(PAGE).file(file("")).with(csrf()).with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andExpect(view().name("modeling/dryrun")).andReturn();
    MvcResult garbage = mvc.perform(multipart(PAGE).file(file("<geen model")).with(csrf())
            .with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andReturn();
    MvcResult otherProcess = mvc.perform(multipart(PAGE).file(file(watch)).with(csrf())
            .with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Dit bestand kan niet als model van dit proces gelezen worden.")))
        .andExpect(content().string(containsString("bevat proces MilestoneWatch, niet ReintegrationJourney")))
        .andReturn();

    assertThat(this.<FormState>attributeOf(empty).errors()).containsEntry("model", "modeling.dryrun.error.empty");
    assertThat(this.<FormState>attributeOf(garbage).errors())
        .containsEntry("model", "modeling.dryrun.error.unreadable");
    assertThat(this.<FormState>attributeOf(otherProcess).errors())
        .containsEntry("model", "modeling.dryrun.error.unreadable");
    assertThat((Object) attribute(otherProcess, "report")).isNull();
  }

  @Test
  void aProcessWithoutDryRunIsUnknown() throws Exception {
    String owner = fixtures.user("po", Groups.PROCESS_OWNER);

    mvc.perform(get("/modellen/processen/IntakeRouting/proefrit").with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isNotFound());
  }

  @ParameterizedTest
  @ValueSource(strings = {Groups.EMPLOYEE, Groups.COUNSELLOR, Groups.MANAGEMENT, Groups.COMPANY_DOCTOR})
  void everyOtherRoleIsRefusedAndTheRefusalRecorded(String group) throws Exception {
    String someone = fixtures.user("nopo", group);

    mvc.perform(get(PAGE).with(as(someone, group))).andExpect(status().isForbidden());
    mvc.perform(multipart(PAGE).file(file("<x/>")).with(csrf()).with(as(someone, group)))
        .andExpect(status().isForbidden());

    assertThat(jdbc.sql("""
            select count(*) from audit_event where actor_user_id = :u and action = 'REFUSED' and case_id is null
               and what = 'dry run of ReintegrationJourney'""")
        .param("u", someone).query(Long.class).single()).isEqualTo(2L);
  }

  private <T> T attributeOf(MvcResult result) {
    return attribute(result, "form");
  }
}
