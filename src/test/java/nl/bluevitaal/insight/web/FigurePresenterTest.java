package nl.bluevitaal.insight.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.bluevitaal.insight.Figure;
import nl.bluevitaal.insight.FigureKind;
import nl.bluevitaal.insight.FigureQuery;
import nl.bluevitaal.insight.FigureTable;
import nl.bluevitaal.insight.FigureTable.Row;
import nl.bluevitaal.insight.GroupSizeGate;
import nl.bluevitaal.insight.InsightFigures;
import nl.bluevitaal.insight.InsightProperties;
import nl.bluevitaal.insight.Shown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What the pages say of a figure in words: the absence figure's sentence never reads a hidden mean as a duration,
 * and a figure without a chart says why (everything hidden, nothing to count, or each zero or hidden).
 */
class FigurePresenterTest {

  static final Shown SMALL = Shown.hidden(Shown.Hidden.SMALL_GROUP);
  static final FigureQuery UNIT = new FigureQuery("Eenheid", null, 2026);

  final FigurePresenter presenter = new FigurePresenter(messages(), new GroupSizeGate(new InsightProperties(10)),
      new ObjectMapper());

  static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("messages/insight");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  @Test
  void theAbsenceSentenceSaysNoPeriodEndedWhereNoneDid() {
    String summary = absence(Shown.of(0), SMALL).summary();

    assertThat(summary).isEqualTo("In 2026 was het verzuimpercentage door de dossiers in BlueVitaal 4,2 %, met 12"
        + " ziekmeldingen; er eindigde geen ziekteperiode.");
  }

  @Test
  void theAbsenceSentenceNeverReadsAHiddenMeanAsADuration() {
    String summary = absence(SMALL, SMALL).summary();

    assertThat(summary).doesNotContain("na minder dan").endsWith("met 12 ziekmeldingen; minder dan 10"
        + " ziekteperiodes eindigden; hoe lang ze gemiddeld duurden, tonen we niet om een kleine groep te beschermen.");
  }

  @Test
  void theAbsenceSentenceGivesTheMeanWhereItShows() {
    String summary = absence(Shown.of(14), Shown.of(43.5)).summary();

    assertThat(summary).endsWith("met 12 ziekmeldingen; 14 ziekteperiodes eindigden, gemiddeld na 43,5 dagen.");
  }

  static Stream<Arguments> charts() {
    return Stream.of(
        Arguments.of(List.of(SMALL, SMALL, SMALL), "hidden",
            "Geen grafiek: elk getal dat erin zou staan, is verborgen"),
        Arguments.of(List.of(Shown.of(0), Shown.of(0), Shown.of(0)), "nothing",
            "Geen grafiek: er is in deze periode niets te tellen"),
        Arguments.of(List.of(Shown.of(0), SMALL, Shown.of(0)), "sparse",
            "Geen grafiek: elk getal dat erin zou staan, is nul of verborgen"),
        Arguments.of(List.of(Shown.of(0), SMALL, Shown.of(12)), null, null));
  }

  /** A figure whose bars would all be hidden, all zero, or each zero or hidden has no chart, and the page says why. */
  @ParameterizedTest(name = "{1}")
  @MethodSource("charts")
  void aFigureWithoutAChartSaysWhy(List<Shown> phases, String why, String sentence) {
    List<String> columns = List.of("INTAKE", "PROBLEM_ANALYSIS", "PLAN_OF_ACTION", InsightFigures.TOTAL);
    List<Shown> cells = new ArrayList<>(phases);
    cells.add(Shown.of(12));
    Figure figure = new Figure(FigureKind.PHASES, UNIT, List.of(new FigureTable("phases", columns,
        List.of(Row.of(Row.TOTAL, cells)))));

    FigurePresenter.FigureView view = presenter.view(figure, FigurePresenter.DUTCH);

    assertThat(view.noChart()).isEqualTo(why);
    if (sentence != null) {
      assertThat(messages().getMessage("insight.chart." + why, null, FigurePresenter.DUTCH)).startsWith(sentence);
    }
  }

  /** The unit's absence figure with this year's 4.2 % and 12 reports, and the given ended periods and their mean. */
  private FigurePresenter.FigureView absence(Shown ended, Shown mean) {
    List<Shown> duration = new ArrayList<>(List.of(ended, mean));
    InsightFigures.DURATION_CLASSES.forEach(c -> duration.add(SMALL));
    Figure figure = new Figure(FigureKind.ABSENCE, UNIT, List.of(
        new FigureTable("absence-unit", List.of("M1", "M2"), List.of(
            Row.of("ABSENCE_PERCENTAGE", List.of(Shown.of(4.1), Shown.of(4.3))),
            Row.of("REPORTS", List.of(Shown.of(6), Shown.of(6))),
            Row.of("REPORTING_FREQUENCY", List.of(Shown.of(0.02), Shown.of(0.02))))),
        new FigureTable("absence-teams", InsightFigures.ABSENCE_TEAMS, List.of(
            Row.of(Row.TOTAL, List.of(Shown.of(4.2), Shown.of(12), Shown.of(0.04))))),
        new FigureTable("duration", InsightFigures.DURATION, List.of(Row.of(Row.TOTAL, duration)))));
    return presenter.view(figure, FigurePresenter.DUTCH);
  }
}
