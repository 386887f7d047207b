@org.springframework.modulith.ApplicationModule(displayName = "Notices", allowedDependencies = {})
package nl.bluevitaal.notices;
