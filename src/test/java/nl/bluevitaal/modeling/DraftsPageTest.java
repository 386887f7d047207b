package nl.bluevitaal.modeling;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.DecisionBench;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.web.FormState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A draft is a copy of a deployed version, saved in revisions (every one kept, with who and how); a save on a
 * revision someone saved over is a 409 that overwrites nothing; an uploaded file must be a model of the draft's key.
 */
@ApplicationTest
class DraftsPageTest {

  @Autowired
  MockMvc mvc;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ObjectMapper json;

  String owner;
  UUID draftId;
  String original;

  @BeforeEach
  void aDraftOfTheIntakeDecision() throws Exception {
    owner = CaseFixtures.tag("po");
    MvcResult made = mvc.perform(post("/modellen/IntakeRouting/versies/1/concept")
            .with(as(owner, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().is3xxRedirection()).andReturn();
    draftId = UUID.fromString(made.getResponse().getRedirectedUrl().replace("/modellen/concepten/", ""));
    original = mvc.perform(get("/modellen/concepten/" + draftId + "/bestand").with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  @Test
  void theDraftPageOpensTheEditorOnTheLatestRevision() throws Exception {
    MvcResult page = mvc.perform(get("/modellen/concepten/" + draftId).with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andExpect(view().name("modeling/draft"))
        .andExpect(content().string(containsString("/vendor/dmn-js/dmn-modeler.production.min.js")))
        .andExpect(content().string(containsString("data-revision=\"1\"")))
        .andReturn();
    Draft draft = attribute(page, "draft");
    assertThat(draft.status()).isEqualTo(Draft.Status.OPEN);
    assertThat(draft.baseVersion()).isEqualTo(1);
    assertThat(original).contains("<decision id=\"IntakeRouting\"");
  }

  @Test
  void aSaveMakesANewRevisionAndAStaleSaveIsRefusedWithoutOverwriting() throws Exception {
    String renamed = original.replace("name=\"Begeleiding bepalen bij intake\"", "name=\"Begeleiding kiezen\"");
    mvc.perform(post("/modellen/concepten/" + draftId + "/opslaan").with(as(owner, Groups.PROCESS_OWNER)).with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("xml", renamed, "revision", 1))))
        .andExpect(status().isOk()).andExpect(jsonPath("$.revision").value(2));

    String other = CaseFixtures.tag("po");
    mvc.perform(post("/modellen/concepten/" + draftId + "/opslaan").with(as(other, Groups.PROCESS_OWNER)).with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("xml", original, "revision", 1))))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.currentRevision").value(2))
        .andExpect(jsonPath("$.message").value(containsString("intussen opgeslagen")));

    String latest = mvc.perform(get("/modellen/concepten/" + draftId + "/bestand")
            .with(as(other, Groups.PROCESS_OWNER)))
        .andReturn().getResponse().getContentAsString();
    assertThat(latest).contains("Begeleiding kiezen");
    MvcResult page = mvc.perform(get("/modellen/concepten/" + draftId).with(as(owner, Groups.PROCESS_OWNER)))
        .andReturn();
    List<Draft.Revision> revisions = attribute(page, "revisions");
    assertThat(revisions).extracting(Draft.Revision::number, Draft.Revision::savedBy, Draft.Revision::source)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, owner, Draft.Source.EDITOR),
            org.assertj.core.groups.Tuple.tuple(1, owner, Draft.Source.COPY));
  }

  @Test
  void theEditorSavesOnThePageWithItsSessionAndHearsInDutchWhenSomeoneSavedFirst() throws Exception {
    String renamed = original.replace("name=\"Begeleiding bepalen bij intake\"", "name=\"Begeleiding kiezen\"");
    mvc.perform(post("/modellen/concepten/" + draftId + "/opslaan").with(as(owner, Groups.PROCESS_OWNER)).with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("xml", renamed, "revision", 1))))
        .andExpect(status().isOk()).andExpect(jsonPath("$.revision").value(2));
    mvc.perform(post("/modellen/concepten/" + draftId + "/opslaan").with(as(owner, Groups.PROCESS_OWNER)).with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("xml", original, "revision", 1))))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.currentRevision").value(2))
        .andExpect(jsonPath("$.message").value(containsString("Iemand anders heeft dit concept intussen opgeslagen")));
    mvc.perform(post("/modellen/concepten/" + draftId + "/opslaan").with(as(owner, Groups.PROCESS_OWNER)).with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("xml", "<bpmn/>", "revision", 2))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("Dit bestand is geen leesbaar BPMN- of DMN-model."));
    assertThat(jdbc.queryForObject("select revision from model_draft where id = ?", Integer.class, draftId))
        .isEqualTo(2);
  }

  @Test
  void aTableTheContractRefusesIsSavedButItsTestCasesDoNotRun() throws Exception {
    String juel = original.replace("<outputEntry id=\"LiteralExpression_WorkConflict_Buddy\"><text>true</text>",
        "<outputEntry id=\"LiteralExpression_WorkConflict_Buddy\" expressionLanguage=\"juel\"><text>${true}</text>");
    assertThat(juel).contains("expressionLanguage=\"juel\"");
    mvc.perform(post("/modellen/concepten/" + draftId + "/opslaan").with(as(owner, Groups.PROCESS_OWNER)).with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("xml", juel, "revision", 1))))
        .andExpect(status().isOk()).andExpect(jsonPath("$.revision").value(2))
        .andExpect(jsonPath("$.tests").value(containsString("De testgevallen zijn niet uitgevoerd")));

    MvcResult page = mvc.perform(get("/modellen/concepten/" + draftId).with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("regel(s) van het modelcontract")))
        .andReturn();
    DecisionBench.Report report = attribute(page, "testReport");
    assertThat(report.results()).isEmpty();
    assertThat(report.problems()).extracting(DecisionBench.Problem::messageKey)
        .containsExactly("modeling.bench.problem.contract");
  }

  /** One file, one model: a second decision would deploy beside this one without its own test cases or review. */
  @Test
  void aFileWithASecondDecisionIsRefusedAndNothingIsSaved() throws Exception {
    String second = original.replaceFirst("</decision>", "</decision><decision id=\"Decision_Extra\" "
        + "name=\"Extra\"><literalExpression id=\"LiteralExpression_Extra\"><text>1</text></literalExpression>"
        + "</decision>");
    mvc.perform(post("/modellen/concepten/" + draftId + "/opslaan").with(as(owner, Groups.PROCESS_OWNER)).with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("xml", second, "revision", 1))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value(containsString("nog een ander proces of een andere beslissing")));
    assertThat(jdbc.queryForObject("select revision from model_draft where id = ?", Integer.class, draftId))
        .isEqualTo(1);
  }

  @Test
  void aSaveLargerThanTwoMegabytesIsRefusedAndNothingIsSaved() throws Exception {
    String huge = original.replace("</definitions>", "<!-- " + "x".repeat(2_000_001) + " --></definitions>");
    mvc.perform(post("/modellen/concepten/" + draftId + "/opslaan").with(as(owner, Groups.PROCESS_OWNER)).with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("xml", huge, "revision", 1))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("Dit bestand is te groot (hoogstens 2 MB)."));
    assertThat(jdbc.queryForObject("select revision from model_draft where id = ?", Integer.class, draftId))
        .isEqualTo(1);
  }

  @Test
  void anUploadedModelOfTheKeyBecomesARevision() throws Exception {
    mvc.perform(post("/modellen/concepten/" + draftId + "/bestand").with(as(owner, Groups.PROCESS_OWNER)).with(csrf())
            .param("xml", original.replace("Begeleiding bepalen bij intake", "Begeleiding bij intake"))
            .param("revisie", "1"))
        .andExpect(status().is3xxRedirection());
    assertThat(jdbc.queryForObject("select source from model_draft_revision where draft_id = ? and revision = 2",
        String.class, draftId)).isEqualTo("UPLOAD");
  }

  @Test
  void anUploadThatIsNotAModelOfTheKeyIsRefusedBesideTheFieldAndNothingIsSaved() throws Exception {
    MvcResult notXml = mvc.perform(post("/modellen/concepten/" + draftId + "/bestand")
            .with(as(owner, Groups.PROCESS_OWNER)).with(csrf())
            .param("xml", "dit is geen bestand van Camunda Modeler").param("revisie", "1"))
        .andExpect(status().isUnprocessableEntity()).andExpect(view().name("modeling/draft"))
        .andExpect(content().string(containsString("Dit bestand is geen leesbaar BPMN- of DMN-model.")))
        .andReturn();
    FormState form = attribute(notXml, "uploadForm");
    assertThat(form.errors()).containsEntry("xml", "modeling.draft.error.not-a-model");

    String otherDecision = original.replace("id=\"IntakeRouting\"", "id=\"SomethingElse\"");
    MvcResult wrongKey = mvc.perform(post("/modellen/concepten/" + draftId + "/bestand")
            .with(as(owner, Groups.PROCESS_OWNER)).with(csrf())
            .param("xml", otherDecision).param("revisie", "1"))
        .andExpect(status().isUnprocessableEntity()).andReturn();
    assertThat(((FormState) attribute(wrongKey, "uploadForm")).errors())
        .containsEntry("xml", "modeling.draft.error.wrong-key");

    mvc.perform(post("/modellen/concepten/" + draftId + "/bestand").with(as(owner, Groups.PROCESS_OWNER)).with(csrf())
            .param("xml", "").param("revisie", "1"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(containsString("Kies een bestand.")));

    assertThat(jdbc.queryForObject("select revision from model_draft where id = ?", Integer.class, draftId))
        .isEqualTo(1);
  }

  @Test
  void anotherRoleCannotOpenOrSaveADraft() throws Exception {
    String counsellor = CaseFixtures.tag("co");
    mvc.perform(get("/modellen/concepten/" + draftId).with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isForbidden());
    mvc.perform(post("/modellen/concepten/" + draftId + "/opslaan").with(as(counsellor, Groups.COUNSELLOR)).with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("xml", original, "revision", 1))))
        .andExpect(status().isForbidden());
  }
}
