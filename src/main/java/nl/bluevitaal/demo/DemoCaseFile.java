package nl.bluevitaal.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.ContactMoment;
import nl.bluevitaal.casefile.ContactMoments;
import nl.bluevitaal.casefile.DocumentChanges;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.FunctionalAdvice;
import nl.bluevitaal.casefile.Goal;
import nl.bluevitaal.casefile.Goals;
import nl.bluevitaal.casefile.MedicalNotes;
import nl.bluevitaal.casefile.SupportContact;
import nl.bluevitaal.casefile.SupportNetwork;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.privacy.Actor;
import org.springframework.stereotype.Component;

/**
 * Writes the re-integration file of a demo case as its people would, at the moment they take each step: the doctor
 * the problem analysis (functional advice, no diagnosis) for the employee to read, the employee releases it, the
 * counsellor the plan of action, evaluations and goals, employee and line manager sign. Everything goes through the
 * case-file services and their access policy, as the real people; the texts are invented.
 */
@Component
class DemoCaseFile {

  private static final List<String[]> ADVICE = List.of(
      new String[] {"Kan nu korte tijd geconcentreerd werken; prikkels en onregelmatige diensten kosten veel energie.",
          "Administratief en voorbereidend werk in een rustige omgeving, 2 tot 4 uur per dag.",
          "Opbouw in uren per twee weken; eerst geen nacht- en piketdiensten.", "Vaste werkplek, vaste begintijd.",
          "3 tot 6 maanden"},
      new String[] {"Beperkt belastbaar voor conflictsituaties en onverwachte inzetten.",
          "Ondersteunende taken binnen het team, overleg en dossierwerk.",
          "Start met therapeutisch werken en bouw in overleg met de leidinggevende op.",
          "Geen operationele inzet en geen wapendracht tot het volgende advies.", "6 tot 9 maanden"},
      new String[] {"Verminderde belastbaarheid voor tijdsdruk en lange dagen.",
          "Eigen werk in aangepaste vorm, met ruimte voor pauzes.", "Dagen van maximaal 6 uur, 4 dagen per week.",
          "Thuiswerken mogelijk op rustige dagen.", "2 tot 4 maanden"});

  private final CaseDocuments documents;
  private final DocumentChanges changes;
  private final Goals goals;
  private final ContactMoments contactMoments;
  private final MedicalNotes medicalNotes;
  private final Clock clock;
  private final SupportNetwork network;

  DemoCaseFile(CaseDocuments documents, DocumentChanges changes, Goals goals, ContactMoments contactMoments,
      MedicalNotes medicalNotes, Clock clock, SupportNetwork network) {
    this.network = network;
    this.documents = documents;
    this.changes = changes;
    this.goals = goals;
    this.contactMoments = contactMoments;
    this.medicalNotes = medicalNotes;
    this.clock = clock;
  }

  /** The people of one demo case, as the access policy knows them. */
  record People(Actor counsellor, Actor doctor, Actor employee, Actor lineManager) {

    static People of(String counsellor, String doctor, String employee, String lineManager) {
      return new People(new Actor(counsellor, Set.of(Groups.COUNSELLOR), false),
          new Actor(doctor, Set.of(Groups.COMPANY_DOCTOR), false),
          new Actor(employee, Set.of(Groups.EMPLOYEE), false),
          new Actor(lineManager, Set.of(Groups.LINE_MANAGER), false));
    }

    /**
     * Who takes this step: the person it is assigned to, else the one it is offered to (the doctor, the line manager
     * an escalation climbed to), else the counsellor.
     */
    Actor takes(OpenStep step) {
      for (Actor person : List.of(employee, lineManager, counsellor, doctor)) {
        if (person.userId().equals(step.assignee())) {
          return person;
        }
      }
      for (Actor person : List.of(doctor, lineManager, employee)) {
        if (step.candidateUsers().contains(person.userId())) {
          return person;
        }
      }
      return counsellor;
    }
  }

  /** What the people of the case write down when they take this step (before the step is completed). */
  void beforeStep(UUID caseId, String stepKey, People people, Random random) {
    switch (stepKey) {
      case Element.TASK_INTAKE -> contactMoments.add(people.counsellor(), caseId, now(),
          ContactMoment.Kind.CONVERSATION, "Intakegesprek: verloop van de afgelopen weken, wat helpt en wat niet, "
              + "afspraken over contact en de volgende stappen.", false);
      case Element.TASK_PROBLEM_ANALYSIS -> problemAnalysis(caseId, people, random);
      case Element.TASK_REVIEW_PROBLEM_ANALYSIS -> releaseForEmployer(caseId, people, DocumentType.PROBLEM_ANALYSIS);
      case Element.TASK_DRAFT_PLAN_OF_ACTION -> planOfAction(caseId, people, random);
      case Element.TASK_OFFER_BUDDY -> buddy(caseId, people, random);
      case Element.TASK_AGREE_PLAN_EMPLOYEE -> sign(caseId, people.employee(), DocumentType.PLAN_OF_ACTION);
      case Element.TASK_AGREE_PLAN_LINE_MANAGER -> sign(caseId, people.lineManager(), DocumentType.PLAN_OF_ACTION);
      case Element.TASK_EVALUATION -> evaluation(caseId, people, random);
      case Element.TASK_FIRST_YEAR_EVALUATION -> released(caseId, people.counsellor(),
          DocumentType.FIRST_YEAR_EVALUATION, "Eerstejaarsevaluatie",
          section("terugblik", "Het eerste jaar in vogelvlucht: opbouw, terugval en wat daarvan is geleerd.")
              + section("doelJaar2", "Duurzame werkhervatting in passend werk.")
              + section("spoor2", "Besproken en vastgelegd in het vervolgspoor."));
      case Element.TASK_START_SPOOR_2 -> released(caseId, people.counsellor(), DocumentType.SPOOR2_PLAN,
          "Plan spoor 2", section("doel", "Passend werk buiten de eigen functie verkennen.")
              + section("activiteiten", "Loopbaangesprekken, oriënterende stages, sollicitatietraining.")
              + section("afspraken", "Elke zes weken voortgang bespreken."));
      case Element.TASK_CURRENT_OPINION -> currentOpinion(caseId, people);
      case Element.TASK_FINAL_EVALUATION -> released(caseId, people.counsellor(), DocumentType.FINAL_EVALUATION,
          "Eindevaluatie", section("terugblik", "Twee jaar re-integratie: inzet van werkgever en werknemer.")
              + section("resultaat", "Gedeeltelijke werkhervatting in aangepast werk."));
      case Element.TASK_UWV_NOTIFICATION -> released(caseId, people.counsellor(), DocumentType.UWV_NOTIFICATION,
          "Ziekmelding UWV", section("verzonden", LocalDate.now(clock).toString())
              + section("kenmerk", "UWV-" + (100000 + random.nextInt(900000))));
      case Element.TASK_UPDATE_ANALYSIS_AFTER_RELAPSE, Element.TASK_UPDATE_ANALYSIS_WHILE_SICK ->
          analysisUpdate(caseId, people, random);
      case Element.TASK_ADJUST_PLAN_AFTER_PARTIAL_RECOVERY -> released(caseId, people.counsellor(),
          DocumentType.PLAN_OF_ACTION_UPDATE, "Bijstelling plan van aanpak",
          section("doel", "Gedeeltelijke werkhervatting bestendigen en verder uitbreiden.")
              + section("activiteiten", "Uren in overleg uitbreiden, wekelijks kort contact.")
              + section("afspraken", "Bij terugval direct contact met de casemanager.")
              + section("evaluatiemomenten", "Over vier weken."));
      case Element.TASK_WRITE_EMPLOYEE_VIEW -> released(caseId, people.employee(), DocumentType.EMPLOYEE_VIEW,
          "Mijn visie", section("visie", "Ik herken mij in het verslag; de opbouw ging langzamer dan ik hoopte."));
      case Element.TASK_COMPILE_REINTEGRATION_REPORT -> released(caseId, people.counsellor(),
          DocumentType.REINTEGRATION_REPORT, "Re-integratieverslag",
          section("samenvatting", "Twee jaar re-integratie in de delen van de Regeling procesgang, met de eigen visie "
              + "van de medewerker; het medische deel gaat van de bedrijfsarts rechtstreeks naar de medewerker."));
      case Element.TASK_ACT_ON_EXPERT_OPINION -> released(caseId, people.counsellor(),
          DocumentType.PLAN_OF_ACTION_UPDATE, "Bijstelling na deskundigenoordeel",
          section("doel", "De aanpak volgen die het deskundigenoordeel van UWV aanwijst.")
              + section("activiteiten", "Werkplekonderzoek en een ander takenpakket in overleg.")
              + section("afspraken", "Evaluatie over zes weken."));
      case Element.TASK_DISCUSS_SECOND_OPINION -> analysisUpdate(caseId, people, random);
      default -> {
        // Steps without a document of their own.
      }
    }
  }

  private void problemAnalysis(UUID caseId, People people, Random random) {
    String[] advice = ADVICE.get(random.nextInt(ADVICE.size()));
    CaseDocument analysis = changes.create(people.doctor(), caseId, DocumentType.PROBLEM_ANALYSIS,
        "Probleemanalyse", section("prognose", "Herstel verwacht; opbouw in fasen met evaluatie na zes weken."),
        new FunctionalAdvice(advice[0], advice[1], advice[2], advice[3], advice[4]));
    changes.changeStatus(people.doctor(), caseId, analysis.id(), analysis.version(),
        DocumentStatus.FOR_EMPLOYEE_REVIEW);
    // The medical domain: only doctor and employee ever read this (invented, deliberately unspecific).
    medicalNotes.add(people.doctor(), caseId, "Spreekuur: beloop besproken, behandeling loopt via de eigen "
        + "behandelaar, volgende afspraak over zes weken.");
  }

  /** The doctor updates the analysis and sends it to the employee, who reads it later (as with the analysis). */
  private void analysisUpdate(UUID caseId, People people, Random random) {
    String[] advice = ADVICE.get(random.nextInt(ADVICE.size()));
    CaseDocument update = changes.create(people.doctor(), caseId, DocumentType.PROBLEM_ANALYSIS_UPDATE,
        "Bijstelling probleemanalyse", section("prognose", "Na de terugval opnieuw opbouwen, in kleinere stappen."),
        new FunctionalAdvice(advice[0], advice[1], advice[2], advice[3], advice[4]));
    changes.changeStatus(people.doctor(), caseId, update.id(), update.version(), DocumentStatus.FOR_EMPLOYEE_REVIEW);
  }

  /**
   * The plan places the problems in some of the 4 A's, not always the same (the work itself most often, the terms of
   * employment least), so insight's help-demand figures differ by area; one plan in five has no goals agreed yet.
   */
  private void planOfAction(UUID caseId, People people, Random random) {
    boolean content = random.nextInt(10) < 7;
    boolean relations = random.nextInt(10) < 4;
    boolean conditions = random.nextInt(10) < 5;
    boolean terms = random.nextInt(10) < 3 || !(content || relations || conditions);
    released(caseId, people.counsellor(), DocumentType.PLAN_OF_ACTION, "Plan van aanpak",
        section("doel", "Terugkeer in het eigen werk, eerst in aangepaste vorm.")
            + section("activiteiten", "Wekelijkse gesprekken, opbouw van uren, werkplekbezoek.")
            + (content ? section("arbeidsinhoud", "Eerst voorbereidend en administratief werk.") : "")
            + (relations ? section("arbeidsverhoudingen", "Wekelijks kort contact met de leidinggevende.") : "")
            + (conditions ? section("arbeidsomstandigheden", "Rustige werkplek, geen piketdiensten.") : "")
            + (terms ? section("arbeidsvoorwaarden", "Opbouw in uren volgens advies bedrijfsarts.") : "")
            + section("afspraken", "Medewerker houdt een energiedagboek bij.")
            + section("evaluatiemomenten", "Iedere zes weken."));
    if (random.nextInt(5) == 0) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    goals.add(people.counsellor(), caseId, "Uren opbouwen", "Van 8 naar 24 uur per week in drie maanden.", 10,
        today);
    goals.add(people.counsellor(), caseId, "Energie in balans", "Energiegevers en -vreters herkennen en sturen.",
        20, today);
  }

  /** Offered a buddy, three employees in five take one: a colleague who is there by their consent. */
  private void buddy(UUID caseId, People people, Random random) {
    if (random.nextInt(5) < 3) {
      network.add(people.employee(), caseId, SupportContact.Kind.BUDDY,
          DemoCaseload.FIRST_NAMES.get(random.nextInt(DemoCaseload.FIRST_NAMES.size())) + " "
              + DemoCaseload.SURNAMES.get(random.nextInt(DemoCaseload.SURNAMES.size())), "collega", null);
    }
  }

  private void evaluation(UUID caseId, People people, Random random) {
    released(caseId, people.counsellor(), DocumentType.EVALUATION, "Evaluatie " + LocalDate.now(clock),
        section("arbeidsinhoud", "Taken passen bij de huidige belastbaarheid.")
            + section("energiegevers", "Sporten, contact met collega's, duidelijke afspraken.")
            + section("energievreters", "Onverwachte wijzigingen, lange dagen.")
            + section("afspraken", "Uren in overleg uitbreiden.")
            + section("volgendeEvaluatie", LocalDate.now(clock).plusWeeks(6).toString()));
    contactMoments.add(people.counsellor(), caseId, now(), ContactMoment.Kind.CONVERSATION,
        "Evaluatiegesprek: voortgang besproken, plan waar nodig bijgesteld.", random.nextInt(5) == 0);
    for (Goal goal : goals.list(people.counsellor(), caseId)) {
      if (goal.status() == Goal.Status.OPEN) {
        int progress = Math.min(100, goal.progress() + 10 + random.nextInt(15));
        goals.update(people.counsellor(), caseId, goal.id(), goal.version(), goal.title(), goal.description(),
            progress, progress == 100 ? Goal.Status.ACHIEVED : Goal.Status.OPEN, goal.agreedWithEmployeeOn());
      }
    }
  }

  private void currentOpinion(UUID caseId, People people) {
    CaseDocument opinion = changes.create(people.doctor(), caseId, DocumentType.CURRENT_OPINION,
        "Actueel oordeel", section("mogelijkheden", "Aangepast werk, 24 uur per week.")
            + section("beperkingen", "Geen onregelmatige diensten.")
            + section("prognose", "Stabiel; verdere verbetering beperkt."), null);
    opinion = changes.changeStatus(people.doctor(), caseId, opinion.id(), opinion.version(),
        DocumentStatus.FOR_EMPLOYEE_REVIEW);
    changes.changeStatus(people.employee(), caseId, opinion.id(), opinion.version(), DocumentStatus.RELEASED);
  }

  private void released(UUID caseId, Actor writer, DocumentType type, String title, String content) {
    CaseDocument document = changes.create(writer, caseId, type, title, content.strip(), null);
    changes.changeStatus(writer, caseId, document.id(), document.version(), DocumentStatus.RELEASED);
  }

  /** The employee has read the doctor's document and lets it go to the employer side. */
  private void releaseForEmployer(UUID caseId, People people, DocumentType type) {
    latest(caseId, people.employee(), type, DocumentStatus.FOR_EMPLOYEE_REVIEW).ifPresent(document ->
        changes.changeStatus(people.employee(), caseId, document.id(), document.version(),
            DocumentStatus.RELEASED));
  }

  private void sign(UUID caseId, Actor signer, DocumentType type) {
    latest(caseId, signer, type, DocumentStatus.RELEASED).ifPresent(document ->
        changes.signOff(signer, caseId, document.id(), document.version()));
  }

  private java.util.Optional<CaseDocument> latest(UUID caseId, Actor reader, DocumentType type,
      DocumentStatus status) {
    return documents.list(reader, caseId).stream()
        .filter(d -> d.type() == type && d.status() == status)
        .max(Comparator.comparing(CaseDocument::createdAt));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private static String section(String name, String text) {
    return "## " + name + "\n" + text + "\n\n";
  }
}
