package io.github.vnetjail.exec;

/**
 * One static route in a simulated stack: destination ({@code default} or {@code A.B.C.D/P}), the
 * gateway and the interface it leaves by.
 */
record SimRoute(String destination, String gateway, String interfaceName, boolean inet6) {}
