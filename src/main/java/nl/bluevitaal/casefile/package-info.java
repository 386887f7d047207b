/**
 * The case file: employees, their absence cases with sick periods, phase, work capacity and legal deadlines, and the
 * re-integration file around them (documents and their content format, contact moments, goals, support network,
 * medical notes), every use case behind privacy's one access policy. Its changes that the journey must hear of are
 * events ({@link nl.bluevitaal.casefile.CaseFileEvents}). Web: caseload, case page, documents, notes, goals, PDFs,
 * the line manager's team pages and the case API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Case file",
    allowedDependencies = {"privacy", "poortwachter", "identity", "web"})
package nl.bluevitaal.casefile;
