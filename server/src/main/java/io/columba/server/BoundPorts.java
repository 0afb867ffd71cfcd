package io.columba.server;

/** The ports a started server listens on (the real ones when ephemeral ports were asked for). */
public record BoundPorts(int tinybirdPort, int clickHousePort) {}
