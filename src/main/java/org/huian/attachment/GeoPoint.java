package org.huian.attachment;

/** A WGS-84 position, as a photo's EXIF GPS gives it. */
public record GeoPoint(double latitude, double longitude) {}
