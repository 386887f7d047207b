/**
 * The pages everyone starts from (layout, login, home page per role, language choice, error pages) and the work
 * pages of counsellors and company doctors: caseload, tasklist with a form per step, and the case page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workspace")
package nl.bluevitaal.workspace;
