/**
 * The pages everyone starts from: the shared page layout, login, the home page per role, language choice and the
 * error pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workspace")
package nl.bluevitaal.workspace;
