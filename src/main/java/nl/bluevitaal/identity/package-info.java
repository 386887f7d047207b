/**
 * Who is signed in: login for pages and API, one identity for BlueVitaal and the Camunda webapps, groups and their
 * engine authorizations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package nl.bluevitaal.identity;
