package org.shangliang.room;

/** The eight kinds of invited council participants (八方议事), plus residents who walk in. */
public enum AttendeeKind {
  CONVENER, GRID_WORKER, PROPERTY, OWNERS_COMMITTEE, CPPCC, GRID_POLICE, LEGAL, RESIDENT_REP, SOCIAL_ORG, RESIDENT
}
