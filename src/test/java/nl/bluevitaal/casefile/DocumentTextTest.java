package nl.bluevitaal.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.DocumentText.Block;
import nl.bluevitaal.casefile.DocumentText.Kind;
import nl.bluevitaal.casefile.DocumentText.Section;
import org.junit.jupiter.api.Test;

/** A stored document as people read it: labelled answers, paragraphs, lists and dates, never the storage markup. */
class DocumentTextTest {

  @Test
  void eachAnswerIsASectionWithItsLabelKeysInTheOrderOfTheForm() {
    List<Section> sections = DocumentText.of(document(DocumentType.EVALUATION, Map.of(
        "afspraken", "Uren in overleg uitbreiden.", "doelen", "Twee dagen werken.",
        "volgendeEvaluatie", "2026-10-31")));
    assertThat(sections).extracting(Section::field).containsExactly("doelen", "afspraken", "volgendeEvaluatie");
    assertThat(sections.get(0).labelKeys()).containsExactly("doc.field.EVALUATION.doelen", "doc.field.doelen");
    assertThat(sections.get(2).blocks()).containsExactly(
        new Block(Kind.DATE, List.of("2026-10-31"), LocalDate.of(2026, 10, 31)));
  }

  @Test
  void blankLinesSeparateParagraphsAndItemLinesBecomeLists() {
    String text = "Eerste regel\ntweede regel\n\n- een\n* twee\n\n1. eerst\n2) dan\n\n- een\ngeen lijst";
    assertThat(DocumentText.blocks(text)).containsExactly(
            new Block(Kind.PARAGRAPH, List.of("Eerste regel", "tweede regel"), null),
            new Block(Kind.BULLETS, List.of("een", "twee"), null),
            new Block(Kind.NUMBERED, List.of("eerst", "dan"), null),
            new Block(Kind.PARAGRAPH, List.of("- een", "geen lijst"), null));
  }

  @Test
  void aLineThatLooksLikeAHeaderStaysTextAndMarkupIsKeptAsTextForTheTemplateToEscape() {
    String answer = "## geen kop\n<script>alert('x')</script>";
    List<Section> sections = DocumentText.of(document(DocumentType.EVALUATION, Map.of("afspraken", answer)));
    assertThat(sections).extracting(Section::field).containsExactly("afspraken");
    assertThat(sections.get(0).blocks()).containsExactly(new Block(Kind.PARAGRAPH, List.of(answer.split("\n")), null));
  }

  @Test
  void aDateThatDoesNotReadAsOneIsShownAsWritten() {
    List<Section> sections = DocumentText.of(document(DocumentType.EVALUATION, Map.of(
        "afspraken", "x", "volgendeEvaluatie", "eind oktober")));
    assertThat(sections.get(1).blocks()).containsExactly(new Block(Kind.PARAGRAPH, List.of("eind oktober"), null));
  }

  @Test
  void aTextNotWrittenByTheFormsIsOneSectionAndNoVersionIsNoSections() {
    CaseDocument free = withContent(DocumentType.PLAN_OF_ACTION, "Twee ochtenden werken.");
    assertThat(DocumentText.of(free)).extracting(Section::field).containsExactly("tekst");
    assertThat(DocumentText.of(free, null)).isEmpty();
  }

  private static CaseDocument document(DocumentType type, Map<String, String> answers) {
    return withContent(type, DocumentContent.content(type, answers));
  }

  private static CaseDocument withContent(DocumentType type, String content) {
    OffsetDateTime now = OffsetDateTime.now();
    DocumentVersion version = new DocumentVersion(1, content, null, "carla", "COUNSELLOR", now);
    return new CaseDocument(UUID.randomUUID(), UUID.randomUUID(), type, DocumentStatus.RELEASED, "Titel", "carla",
        now, now, now, 0, List.of(version), List.of());
  }
}
