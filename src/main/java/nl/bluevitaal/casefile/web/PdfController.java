package nl.bluevitaal.casefile.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.DocumentContent;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.ReintegrationReport;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.Ids;
import nl.bluevitaal.web.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A document, or the re-integration report (RIV) bundle, as PDF, made from the case data at the moment of asking.
 * Read through the same services as the pages, so the access policy and its audit apply exactly as there; the
 * medical part of the RIV is in it only for whoever may read domain D, otherwise the PDF says it is withheld.
 */
@Controller
class PdfController {

  private final CurrentActor currentActor;
  private final CaseDocuments documents;
  private final Caseload caseload;
  private final PdfRenderer renderer;

  PdfController(CurrentActor currentActor, CaseDocuments documents, Caseload caseload, PdfRenderer renderer) {
    this.currentActor = currentActor;
    this.documents = documents;
    this.caseload = caseload;
    this.renderer = renderer;
  }

  @GetMapping(DocumentPageController.BASE + "/{documentId}.pdf")
  ResponseEntity<byte[]> document(@PathVariable String caseId, @PathVariable String documentId) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    UUID docId = Ids.parse(documentId);
    CaseDocument document = documents.get(actor, id, docId);
    if (document.type() == DocumentType.REINTEGRATION_REPORT) {
      throw new NotFoundException("Not found");
    }
    CaseView view = caseload.detail(actor, id).summary();
    Map<String, Object> variables = new HashMap<>();
    variables.put("view", view);
    variables.put("document", document);
    variables.put("sections", DocumentContent.sections(document, document.current()));
    return pdf(renderer.render("casefile/pdf/document", variables, locale()),
        fileName(document.type().name().toLowerCase(Locale.ROOT), view));
  }

  @GetMapping(CasePageController.PATH + "/{caseId}/re-integratieverslag.pdf")
  ResponseEntity<byte[]> reintegrationReport(@PathVariable String caseId) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    ReintegrationReport report = documents.reintegrationReport(actor, id);
    CaseView view = caseload.detail(actor, id).summary();
    Map<String, Object> variables = new HashMap<>();
    variables.put("view", view);
    variables.put("report", report);
    Map<UUID, List<Map.Entry<String, String>>> sections = new HashMap<>();
    report.parts().forEach(part -> part.documents()
        .forEach(d -> sections.put(d.id(), DocumentContent.sections(d, d.current()))));
    if (report.cover() != null) {
      sections.put(report.cover().id(), DocumentContent.sections(report.cover(), report.cover().current()));
    }
    variables.put("sections", sections);
    return pdf(renderer.render("casefile/pdf/reintegration-report", variables, locale()),
        fileName("re-integratieverslag", view));
  }

  private static ResponseEntity<byte[]> pdf(byte[] body, String fileName) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
        .body(body);
  }

  private static String fileName(String what, CaseView view) {
    return what + "-" + view.caseNumber().replaceAll("[^A-Za-z0-9-]", "") + ".pdf";
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}
