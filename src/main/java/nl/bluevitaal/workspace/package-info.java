/**
 * The shell everyone starts from: layout, login, the home page composed from what the modules contribute, language
 * choice and error pages. It knows no capability; a page of a capability lives in that capability's web package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workspace", allowedDependencies = {"identity", "web"})
package nl.bluevitaal.workspace;
