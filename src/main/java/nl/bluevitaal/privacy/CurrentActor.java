package nl.bluevitaal.privacy;

/** The signed-in actor of the current request (from Spring Security's BlueVitaalUser principal + the care-professional flag). */
public interface CurrentActor {

  Actor get();
}
