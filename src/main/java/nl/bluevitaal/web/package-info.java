/**
 * The page and API kit every module's web package uses, and which knows no module: binding page forms to records
 * ({@link nl.bluevitaal.web.Forms}, {@link nl.bluevitaal.web.FormState}), reading ids, composing a page from the
 * sections modules contribute ({@link nl.bluevitaal.web.PageSection}), the one advice that turns a failure into an
 * error page and the one that turns it into problem+json (each module translates its own exceptions through an
 * {@link nl.bluevitaal.web.ErrorTranslation}), and the guards every request passes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Page kit", allowedDependencies = {})
package nl.bluevitaal.web;
