/**
 * Who is signed in: login for pages and API, one identity for BlueVitaal and the Camunda webapps, groups and their
 * engine authorizations. Knows no other module: who may see what of a case is privacy's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {})
package nl.bluevitaal.identity;
