package org.huian.security;

/**
 * A record that sits somewhere in the unit tree (a case, and whatever a capability adds): where it
 * happened and which unit handles it, the four facts {@link Scope#canSee(Placed)} decides on. The
 * capability's record implements it, so security asks about cases without importing {@code cases}.
 */
public interface Placed {

  String streetCode();

  /** Null when the record is not placed in a community. */
  String communityCode();

  /** Null when the record is not placed on a grid. */
  String gridId();

  /** The handling unit; null before dispatch. */
  String unitCode();
}
