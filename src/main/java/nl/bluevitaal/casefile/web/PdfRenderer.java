package nl.bluevitaal.casefile.web;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import nl.bluevitaal.web.PlainText;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Turns a Thymeleaf template under {@code templates/pdf/} (XHTML) into a tagged, accessible PDF (PDF/UA structure,
 * title and language from the template) with the DejaVu Sans font embedded, so Dutch text renders the same
 * everywhere and nothing depends on the fonts of the server.
 */
@Component
class PdfRenderer {

  private static final String FONT_FAMILY = "DejaVu Sans";

  private final ITemplateEngine templates;

  PdfRenderer(ITemplateEngine templates) {
    this.templates = templates;
  }

  byte[] render(String template, Map<String, Object> variables, Locale locale) {
    // Text is cleaned on the way in; what an older version stored, or any other source, must not make a PDF (and
    // with it every later PDF of the case) fail: XHTML cannot hold what PlainText drops.
    String html = PlainText.clean(templates.process(template, new Context(locale, variables)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfUaAccessibility(true);
      builder.withProducer("BlueVitaal");
      builder.useFont(font("/fonts/DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
      builder.useFont(font("/fonts/DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
      builder.withHtmlContent(html, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render " + template, e);
    }
    return out.toByteArray();
  }

  private static FSSupplier<InputStream> font(String resource) {
    return () -> {
      InputStream in = PdfRenderer.class.getResourceAsStream(resource);
      if (in == null) {
        throw new IllegalStateException("Font missing from the application: " + resource);
      }
      return in;
    };
  }
}
