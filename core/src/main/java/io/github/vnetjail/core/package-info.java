/**
 * The jail model: VNET and plain jails, bridges, VLANs, hosts, their validation and allocation.
 *
 * <p>Entry points are {@link io.github.vnetjail.core.VnetJail#builder()}, {@link
 * io.github.vnetjail.core.PlainJail#builder()}, {@link io.github.vnetjail.core.Bridge#builder()},
 * {@link io.github.vnetjail.core.Vlan#of(String, int)} and {@link
 * io.github.vnetjail.core.HostConfig#builder()}. Every {@code build()} validates and throws a
 * {@link io.github.vnetjail.core.ValidationException} that lists every {@link
 * io.github.vnetjail.core.Problem} (field, value, rule, fix); {@code HostConfig.build()} also
 * allocates missing epair units, addresses and gateways. Value types ({@link
 * io.github.vnetjail.core.Cidr}, {@link io.github.vnetjail.core.IpAddress}, {@link
 * io.github.vnetjail.core.InterfaceName}, {@link io.github.vnetjail.core.JailName}, {@link
 * io.github.vnetjail.core.MacAddress}, ...) check their syntax in {@code of}/{@code parse}. The
 * package does no I/O.
 *
 * <pre>{@code
 * VnetJail web = VnetJail.builder()
 *     .name("my-vnet-jail").id(154).bridge("bridge0")
 *     .ip("192.168.1.154/24").gateway("192.168.1.1")
 *     .build();
 * HostConfig host = HostConfig.builder()
 *     .addBridge(Bridge.builder().name("bridge0").addMember("em0").build())
 *     .addJail(web)
 *     .build();
 * host.jail("my-vnet-jail").get().hostInterface();   // "epair154a"
 * }</pre>
 */
package io.github.vnetjail.core;
