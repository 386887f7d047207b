package nl.bluevitaal.modeling;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.UUID;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.JourneyModels;
import nl.bluevitaal.journey.JourneyModels.Origin;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.web.FormState;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Four eyes: a draft is proposed with a change note by one process owner and deployed only when another approves it
 * (the proposer is refused, with the Dutch reason, and the refusal is recorded); the new version has its version tag
 * raised and keeps the change note, proposer and approver; sending back needs a reason and reopens the draft. Every
 * step is in the audit trail.
 */
@ApplicationTest
class FourEyesDeploymentTest {

  @Autowired
  MockMvc mvc;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  RepositoryService repository;
  @Autowired
  JourneyModels models;

  String gerda;
  String ilse;
  UUID draftId;

  @BeforeEach
  void gerdaProposesARenamedIntakeDecision() throws Exception {
    gerda = CaseFixtures.tag("gerda");
    ilse = CaseFixtures.tag("ilse");
    int latest = models.model("IntakeRouting").orElseThrow().latest().version();
    MvcResult made = mvc.perform(post("/modellen/IntakeRouting/versies/" + latest + "/concept")
            .with(as(gerda, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().is3xxRedirection()).andReturn();
    draftId = UUID.fromString(made.getResponse().getRedirectedUrl().replace("/modellen/concepten/", ""));
    String xml = mvc.perform(get("/modellen/concepten/" + draftId + "/bestand").with(as(gerda, Groups.PROCESS_OWNER)))
        .andReturn().getResponse().getContentAsString();
    String renamed = xml.replaceFirst("(<decision id=\"IntakeRouting\" name=\")[^\"]*\"", "$1Begeleiding bij intake\"");
    mvc.perform(post("/modellen/concepten/" + draftId + "/bestand").with(as(gerda, Groups.PROCESS_OWNER)).with(csrf())
            .param("xml", renamed).param("revisie", "1"))
        .andExpect(status().is3xxRedirection());
  }

  @Test
  void theDraftPageShowsItsTestCasesPassing() throws Exception {
    mvc.perform(get("/modellen/concepten/" + draftId).with(as(gerda, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Alle 8 testgevallen van deze beslissing slagen.")));
  }

  @Test
  void aProposalNeedsAChangeNote() throws Exception {
    MvcResult page = mvc.perform(post("/modellen/concepten/" + draftId + "/voorstellen")
            .with(as(gerda, Groups.PROCESS_OWNER)).with(csrf()).param("wijziging", " ").param("revisie", "2"))
        .andExpect(status().isUnprocessableEntity()).andExpect(view().name("modeling/draft"))
        .andExpect(content().string(containsString("Beschrijf wat er verandert en waarom.")))
        .andReturn();
    assertThat(((FormState) attribute(page, "proposalForm")).errors())
        .containsEntry("wijziging", "modeling.deploy.error.note-required");
  }

  @Test
  void theProposerCannotApproveAndASecondProcessOwnerDeploysANewVersionWithTheTagRaised() throws Exception {
    List<JourneyModels.ModelVersion> before = models.model("IntakeRouting").orElseThrow().versions();
    String expectedTag = ModelWorkbench.nextVersionTag(before);
    propose();

    mvc.perform(post("/modellen/concepten/" + draftId + "/goedkeuren").with(as(gerda, Groups.PROCESS_OWNER))
            .with(csrf()).param("revisie", "2"))
        .andExpect(status().isForbidden()).andExpect(view().name("modeling/draft"))
        .andExpect(content().string(containsString("U kunt uw eigen voorstel niet goedkeuren")));
    assertThat(models.model("IntakeRouting").orElseThrow().versions()).hasSameSizeAs(before);
    assertThat(audit(gerda, "REFUSED")).anyMatch(what -> what.contains("four eyes"));

    mvc.perform(post("/modellen/concepten/" + draftId + "/goedkeuren").with(as(ilse, Groups.PROCESS_OWNER))
            .with(csrf()).param("revisie", "2"))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/modellen/IntakeRouting"));

    DecisionDefinition deployed = repository.createDecisionDefinitionQuery().decisionDefinitionKey("IntakeRouting")
        .latestVersion().singleResult();
    assertThat(deployed.getVersion()).isEqualTo(before.get(0).version() + 1);
    assertThat(deployed.getVersionTag()).isEqualTo(expectedTag);
    assertThat(deployed.getName()).isEqualTo("Begeleiding bij intake");

    MvcResult page = mvc.perform(get("/modellen/IntakeRouting").with(as(ilse, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Voorgesteld door " + gerda + ", goedgekeurd en uitgerold door "
            + ilse)))
        .andReturn();
    ModelOverview model = attribute(page, "model");
    ModelOverview.Version latest = model.latest();
    assertThat(latest.origin()).isEqualTo(Origin.WORKBENCH);
    assertThat(latest.versionTag()).isEqualTo(expectedTag);
    assertThat(latest.changeNote()).isEqualTo("Naam van de beslissing verduidelijkt");
    assertThat(latest.proposedBy()).isEqualTo(gerda);
    assertThat(latest.approvedBy()).isEqualTo(ilse);

    assertThat(audit(gerda, "WRITE")).anyMatch(what -> what.contains("made"))
        .anyMatch(what -> what.contains("saved as revision 2 (upload)"))
        .anyMatch(what -> what.contains("proposed"));
    assertThat(audit(ilse, "WRITE")).anyMatch(what -> what.contains("approved"))
        .anyMatch(what -> what.contains("IntakeRouting v" + deployed.getVersion() + " (" + expectedTag + ") deployed"));
  }

  @Test
  void aProposedDraftCannotBeEditedAndSendingBackNeedsAReasonAndReopensIt() throws Exception {
    propose();
    mvc.perform(post("/modellen/concepten/" + draftId + "/bestand").with(as(gerda, Groups.PROCESS_OWNER)).with(csrf())
            .param("xml", "<x/>").param("revisie", "2"))
        .andExpect(status().isConflict());

    mvc.perform(post("/modellen/concepten/" + draftId + "/terugsturen").with(as(ilse, Groups.PROCESS_OWNER))
            .with(csrf()).param("reden", ""))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(containsString("Schrijf waarom u het terugstuurt.")));
    mvc.perform(post("/modellen/concepten/" + draftId + "/terugsturen").with(as(ilse, Groups.PROCESS_OWNER))
            .with(csrf()).param("reden", "Noem ook de termijn"))
        .andExpect(status().is3xxRedirection());

    MvcResult page = mvc.perform(get("/modellen/concepten/" + draftId).with(as(gerda, Groups.PROCESS_OWNER)))
        .andExpect(content().string(containsString("Noem ook de termijn"))).andReturn();
    Draft draft = attribute(page, "draft");
    assertThat(draft.status()).isEqualTo(Draft.Status.OPEN);
    assertThat(draft.reviewedBy()).isEqualTo(ilse);
    assertThat(audit(ilse, "WRITE")).anyMatch(what -> what.contains("sent back"));
  }

  /**
   * The model contract and the decision's test cases stand in front of the four eyes: a draft whose rule no longer
   * gives what its test cases expect is not put before a second process owner (409, the failing cases listed, the
   * refusal recorded), and nothing deploys.
   */
  @Test
  void aDraftWhoseTestCasesFailIsNotProposed() throws Exception {
    List<JourneyModels.ModelVersion> before = models.model("IntakeRouting").orElseThrow().versions();
    String xml = mvc.perform(get("/modellen/concepten/" + draftId + "/bestand").with(as(gerda, Groups.PROCESS_OWNER)))
        .andReturn().getResponse().getContentAsString();
    String changed = xml.replace("<outputEntry id=\"LiteralExpression_LongAbsence_Intensity\"><text>\"INTENSIEF\"",
        "<outputEntry id=\"LiteralExpression_LongAbsence_Intensity\"><text>\"STANDAARD\"");
    assertThat(changed).isNotEqualTo(xml);
    mvc.perform(post("/modellen/concepten/" + draftId + "/bestand").with(as(gerda, Groups.PROCESS_OWNER)).with(csrf())
            .param("xml", changed).param("revisie", "2"))
        .andExpect(status().is3xxRedirection());
    // The cases ran on the save: the draft page says so before anyone proposes it.
    mvc.perform(get("/modellen/concepten/" + draftId).with(as(gerda, Groups.PROCESS_OWNER)))
        .andExpect(content().string(containsString("2 testgevallen van deze beslissing slagen niet")));

    MvcResult page = mvc.perform(post("/modellen/concepten/" + draftId + "/voorstellen")
            .with(as(gerda, Groups.PROCESS_OWNER)).with(csrf()).param("wijziging", "Lang verzuim standaard begeleid")
            .param("revisie", "3"))
        .andExpect(status().isConflict()).andExpect(view().name("modeling/draft"))
        .andExpect(content().string(containsString("2 testgevallen van deze beslissing slagen niet")))
        .andExpect(content().string(containsString("Rule_LongAbsence: 13 weken of meer")))
        .andReturn();
    assertThat(((FormState) attribute(page, "proposalForm")).formError()).isEqualTo("modeling.deploy.error.contract");
    assertThat(((Draft) attribute(page, "draft")).status()).isEqualTo(Draft.Status.OPEN);
    assertThat(audit(gerda, "REFUSED")).anyMatch(what -> what.contains("fails 2 test case(s)"));
    assertThat(models.model("IntakeRouting").orElseThrow().versions()).hasSameSizeAs(before);
  }

  /** A process draft that would run code on the server never reaches a second process owner. */
  @Test
  void aProcessDraftWithAScriptIsNotProposed() throws Exception {
    int latest = models.model("MilestoneWatch").orElseThrow().latest().version();
    MvcResult made = mvc.perform(post("/modellen/MilestoneWatch/versies/" + latest + "/concept")
            .with(as(gerda, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().is3xxRedirection()).andReturn();
    UUID watchDraft = UUID.fromString(made.getResponse().getRedirectedUrl().replace("/modellen/concepten/", ""));
    String xml = mvc.perform(get("/modellen/concepten/" + watchDraft + "/bestand")
            .with(as(gerda, Groups.PROCESS_OWNER)))
        .andReturn().getResponse().getContentAsString();
    String scripted = xml.replaceFirst("camunda:expression=\"\\$\\{journeyWatches.warn\\(execution, 1\\)\\}\"",
        "camunda:expression=\"\\${execution.getProcessEngineServices().getRuntimeService()}\"");
    assertThat(scripted).isNotEqualTo(xml);
    mvc.perform(post("/modellen/concepten/" + watchDraft + "/bestand").with(as(gerda, Groups.PROCESS_OWNER))
            .with(csrf()).param("xml", scripted).param("revisie", "1"))
        .andExpect(status().is3xxRedirection());

    mvc.perform(post("/modellen/concepten/" + watchDraft + "/voorstellen").with(as(gerda, Groups.PROCESS_OWNER))
            .with(csrf()).param("wijziging", "Sneller waarschuwen").param("revisie", "2"))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("data-element=\"Task_SendFirstWarning\"")))
        .andExpect(content().string(containsString("data-contract=\"broken\"")));
    assertThat(audit(gerda, "REFUSED")).anyMatch(what -> what.contains("breaks") && what.contains("MilestoneWatch"));
  }

  /** Sent back, changed and proposed again: the approver's page of the first proposal no longer approves. */
  @Test
  void anApprovalOfARevisionTheApproverDidNotSeeIsRefused() throws Exception {
    List<JourneyModels.ModelVersion> before = models.model("IntakeRouting").orElseThrow().versions();
    propose();
    mvc.perform(post("/modellen/concepten/" + draftId + "/terugsturen").with(as(ilse, Groups.PROCESS_OWNER))
            .with(csrf()).param("reden", "Noem ook de termijn"))
        .andExpect(status().is3xxRedirection());
    String xml = mvc.perform(get("/modellen/concepten/" + draftId + "/bestand").with(as(gerda, Groups.PROCESS_OWNER)))
        .andReturn().getResponse().getContentAsString();
    mvc.perform(post("/modellen/concepten/" + draftId + "/bestand").with(as(gerda, Groups.PROCESS_OWNER)).with(csrf())
            .param("xml", xml.replace("Begeleiding bij intake", "Begeleiding na intake")).param("revisie", "2"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(post("/modellen/concepten/" + draftId + "/voorstellen").with(as(gerda, Groups.PROCESS_OWNER))
            .with(csrf()).param("wijziging", "Termijn genoemd").param("revisie", "3"))
        .andExpect(status().is3xxRedirection());

    mvc.perform(post("/modellen/concepten/" + draftId + "/goedkeuren").with(as(ilse, Groups.PROCESS_OWNER))
            .with(csrf()).param("revisie", "2"))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("Dit voorstel is veranderd sinds u het opende.")));
    mvc.perform(post("/modellen/concepten/" + draftId + "/goedkeuren").with(as(ilse, Groups.PROCESS_OWNER))
            .with(csrf()))
        .andExpect(status().isConflict());
    assertThat(models.model("IntakeRouting").orElseThrow().versions()).hasSameSizeAs(before);
  }

  /** Four eyes means someone who did not write it: a process owner who saved a revision cannot approve it. */
  @Test
  void whoSavedARevisionCannotApproveItEvenIfAnotherProposedIt() throws Exception {
    String xml = mvc.perform(get("/modellen/concepten/" + draftId + "/bestand").with(as(gerda, Groups.PROCESS_OWNER)))
        .andReturn().getResponse().getContentAsString();
    mvc.perform(post("/modellen/concepten/" + draftId + "/bestand").with(as(ilse, Groups.PROCESS_OWNER)).with(csrf())
            .param("xml", xml.replace("Begeleiding bij intake", "Begeleiding na intake")).param("revisie", "2"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(post("/modellen/concepten/" + draftId + "/voorstellen").with(as(gerda, Groups.PROCESS_OWNER))
            .with(csrf()).param("wijziging", "Naam verduidelijkt").param("revisie", "3"))
        .andExpect(status().is3xxRedirection());

    mvc.perform(post("/modellen/concepten/" + draftId + "/goedkeuren").with(as(ilse, Groups.PROCESS_OWNER))
            .with(csrf()).param("revisie", "3"))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("U heeft zelf aan dit concept gewerkt.")));
    assertThat(audit(ilse, "REFUSED")).anyMatch(what -> what.contains("saved themselves"));
  }

  /** Two drafts of one model: the second, approved after the first deployed, would undo it, so it is refused. */
  @Test
  void aDraftMadeBeforeANewerVersionDeployedIsNotApproved() throws Exception {
    int latest = models.model("IntakeRouting").orElseThrow().latest().version();
    MvcResult made = mvc.perform(post("/modellen/IntakeRouting/versies/" + latest + "/concept")
            .with(as(gerda, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().is3xxRedirection()).andReturn();
    UUID second = UUID.fromString(made.getResponse().getRedirectedUrl().replace("/modellen/concepten/", ""));
    mvc.perform(post("/modellen/concepten/" + second + "/voorstellen").with(as(gerda, Groups.PROCESS_OWNER))
            .with(csrf()).param("wijziging", "Niets veranderd, wel voorgesteld").param("revisie", "1"))
        .andExpect(status().is3xxRedirection());
    propose();
    mvc.perform(post("/modellen/concepten/" + draftId + "/goedkeuren").with(as(ilse, Groups.PROCESS_OWNER))
            .with(csrf()).param("revisie", "2"))
        .andExpect(status().is3xxRedirection());
    List<JourneyModels.ModelVersion> after = models.model("IntakeRouting").orElseThrow().versions();

    mvc.perform(post("/modellen/concepten/" + second + "/goedkeuren").with(as(ilse, Groups.PROCESS_OWNER))
            .with(csrf()).param("revisie", "1"))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("is er een nieuwere versie van dit model uitgerold")));
    assertThat(models.model("IntakeRouting").orElseThrow().versions()).hasSameSizeAs(after);
  }

  private void propose() throws Exception {
    mvc.perform(post("/modellen/concepten/" + draftId + "/voorstellen").with(as(gerda, Groups.PROCESS_OWNER))
            .with(csrf()).param("wijziging", "Naam van de beslissing verduidelijkt").param("revisie", "2"))
        .andExpect(status().is3xxRedirection());
  }

  private List<String> audit(String user, String action) {
    return jdbc.queryForList("select what from audit_event where actor_user_id = ? and action = ?", String.class,
        user, action);
  }
}
